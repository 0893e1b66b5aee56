package pdf

// column is one column of a table.
type column struct {
	title string
	width float64 // millimetres
	align string  // "L", "C" or "R"
}

// cell is one table cell. A zero fill leaves the cell unfilled.
type cell struct {
	text string
	fill rgb
	bold bool
}

// plain returns cells with the given texts and no styling.
func plain(texts ...string) []cell {
	out := make([]cell, len(texts))
	for i, t := range texts {
		out[i] = cell{text: t}
	}
	return out
}

// table draws rows under a header that is repeated, with the caption and
// "(forts.)", at the top of every page the table runs onto.
type table struct {
	d       *document
	caption string
	cols    []column
	size    float64 // font size in points
	height  float64 // row height in millimetres
	x       float64 // left edge
}

// newTable starts a table at the left margin in the small size. The
// caption may be empty; it is drawn again on continuation pages.
func (d *document) newTable(caption string, cols []column) *table {
	return &table{d: d, caption: clean(caption), cols: cols, size: sizeSmall + 0.5, height: 4.4, x: marginLeft}
}

// width returns the table's total width.
func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// begin draws the caption and header, first moving to a new page unless
// the header and rows more rows fit on this one.
func (t *table) begin(rows int) {
	t.d.ensure(t.headHeight() + float64(rows)*t.height)
	t.head(false)
}

// headHeight returns the height of the caption and header.
func (t *table) headHeight() float64 {
	h := t.height + 1
	if t.caption != "" {
		h += 5.5
	}
	return h
}

// head draws the caption, marked as continued when cont, and the header.
func (t *table) head(cont bool) {
	d, p := t.d, t.d.pdf
	if t.caption != "" {
		d.text(black)
		d.setFont("B", sizeSub-0.5)
		capt := t.caption
		if cont {
			capt += " " + d.words.continued
		}
		p.SetX(t.x)
		p.CellFormat(t.width(), 5.5, d.fit(capt, t.width()), "", 1, "L", false, 0, "")
	}
	d.setFont("B", t.size)
	d.fill(headFill)
	d.draw(rule)
	p.SetLineWidth(0.2)
	p.SetX(t.x)
	for _, c := range t.cols {
		p.CellFormat(c.width, t.height+1, d.fit(c.title, c.width), "B", 0, c.align, true, 0, "")
	}
	p.Ln(-1)
	p.SetX(t.x)
}

// row draws one row, continuing the table on a new page, header first,
// when the row would reach the footer.
func (t *table) row(cells []cell) {
	d, p := t.d, t.d.pdf
	if d.y()+t.height > bodyBottom {
		p.AddPage()
		t.head(true)
	}
	p.SetX(t.x)
	for i, c := range t.cols {
		cl := cells[i]
		style := ""
		if cl.bold {
			style = "B"
		}
		d.setFont(style, t.size)
		filled := cl.fill != black
		if filled {
			d.fill(cl.fill)
		}
		d.text(black)
		p.CellFormat(c.width, t.height, d.fit(cl.text, c.width), "", 0, c.align, filled, 0, "")
	}
	p.Ln(-1)
	p.SetX(t.x)
}

// end closes the table with a rule and some space.
func (t *table) end() {
	d, p := t.d, t.d.pdf
	d.draw(rule)
	p.SetLineWidth(0.2)
	p.Line(t.x, d.y(), t.x+t.width(), d.y())
	d.setFont("", sizeBody)
	d.space(3)
}

// styled returns cells like plain, all bold and filled with fill when
// highlight, for rows such as a focus municipality or a total.
func styled(highlight bool, fill rgb, texts ...string) []cell {
	cells := plain(texts...)
	if highlight {
		for i := range cells {
			cells[i].bold, cells[i].fill = true, fill
		}
	}
	return cells
}
