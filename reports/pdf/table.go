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

// laneGap is the space between the lanes of a table, in millimetres.
const laneGap = 6.0

// table draws rows under a header. A long table may run in lanes side by
// side, like newspaper columns: when a lane is full the rows go on at the
// top of the next lane, and when the last lane is full on a new page, where
// the caption is repeated with "(forts.)". Every lane starts with the
// header.
type table struct {
	d       *document
	caption string
	cols    []column
	size    float64 // font size in points
	height  float64 // row height in millimetres
	lanes   int     // lanes side by side, at least 1
	lane    int     // the lane being filled
	top     float64 // where the lanes' headers start on this page
	x       float64 // left edge of the current lane
}

// newTable starts a one-lane table at the left margin in the small size.
// The caption may be empty.
func (d *document) newTable(caption string, cols []column) *table {
	return &table{d: d, caption: clean(caption), cols: cols, size: sizeSmall + 0.5, height: 4.4, lanes: 1, x: marginLeft}
}

// width returns the width of one lane.
func (t *table) width() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// span returns the width of all lanes.
func (t *table) span() float64 {
	return float64(t.lanes)*t.width() + float64(t.lanes-1)*laneGap
}

// begin draws the caption and header, first moving to a new page unless
// they and rows more rows fit on this one.
func (t *table) begin(rows int) {
	h := t.height + 1
	if t.caption != "" {
		h += 5.5
	}
	t.d.ensure(h + float64(rows)*t.height)
	t.caption1(false)
	t.header()
}

// caption1 draws the caption across all lanes, marked as continued when
// cont, and sets where the lanes start.
func (t *table) caption1(cont bool) {
	d, p := t.d, t.d.pdf
	t.lane, t.x = 0, marginLeft
	if t.caption != "" {
		d.text(black)
		d.setFont("B", sizeSub-0.5)
		capt := t.caption
		if cont {
			capt += " " + d.words.continued
		}
		p.SetX(marginLeft)
		p.CellFormat(t.span(), 5.5, d.fit(capt, t.span()), "", 1, "L", false, 0, "")
	}
	t.top = d.y()
}

// header draws the header row of the current lane.
func (t *table) header() {
	d, p := t.d, t.d.pdf
	d.setFont("B", t.size)
	d.text(black)
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

// row draws one row, moving to the next lane or page first when the row
// would reach the footer.
func (t *table) row(cells []cell) {
	d, p := t.d, t.d.pdf
	if d.y()+t.height > bodyBottom {
		t.close()
		if t.lane+1 < t.lanes {
			t.lane++
			t.x = marginLeft + float64(t.lane)*(t.width()+laneGap)
			p.SetXY(t.x, t.top)
		} else {
			p.AddPage()
			t.caption1(true)
		}
		t.header()
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

// close draws the rule under the current lane.
func (t *table) close() {
	d, p := t.d, t.d.pdf
	d.draw(rule)
	p.SetLineWidth(0.2)
	p.Line(t.x, d.y(), t.x+t.width(), d.y())
}

// end closes the table and moves below its lowest lane: after a table
// that ended in a later lane, to the foot of the page, since the earlier
// lanes ran to it.
func (t *table) end() {
	t.close()
	d := t.d
	d.setFont("", sizeBody)
	if t.lane > 0 {
		d.pdf.SetXY(marginLeft, bodyBottom)
		return
	}
	d.pdf.SetX(marginLeft)
	d.space(3)
}
