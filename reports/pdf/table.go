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
	rowTop  float64 // where the last row drawn starts
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
		p.MultiCell(t.span(), 5, capt, "", "L", false)
	}
	t.top = d.y()
}

// header draws the header row of the current lane; a title too long
// for its column wraps onto more lines rather than being cut.
func (t *table) header() {
	d, p := t.d, t.d.pdf
	d.setFont("B", t.size)
	d.text(black)
	d.fill(headFill)
	d.draw(rule)
	p.SetLineWidth(0.2)
	titles := make([]string, len(t.cols))
	for i, c := range t.cols {
		titles[i] = c.title
	}
	t.cells(plainLines(d, t.cols, titles, "B", t.size), t.height+1, true)
}

// plainLines wraps each text to its column in the given style and size.
func plainLines(d *document, cols []column, texts []string, style string, size float64) [][]string {
	d.setFont(style, size)
	out := make([][]string, len(cols))
	for i, c := range cols {
		out[i] = d.wrap(texts[i], c.width)
	}
	return out
}

// cells draws one row of wrapped texts, h millimetres a line: a header
// (filled, ruled below) or a body row, whose cells are styled by style.
func (t *table) cells(lines [][]string, h float64, head bool, style ...cell) {
	d, p := t.d, t.d.pdf
	n := 1
	for _, ls := range lines {
		n = max(n, len(ls))
	}
	lh, rowH := h, t.rowHeight(n, h)
	if n > 1 {
		lh = t.lineHeight()
	}
	y := d.y()
	t.rowTop = y
	x := t.x
	for i, c := range t.cols {
		fill := head
		if !head {
			cl := style[i]
			fill = cl.fill != black
			if fill {
				d.fill(cl.fill)
			}
		}
		if fill {
			p.Rect(x, y, c.width, rowH, "F")
		}
		if !head {
			s := ""
			if style[i].bold {
				s = "B"
			}
			d.setFont(s, t.size)
		}
		d.text(black)
		top := y + (rowH-float64(len(lines[i]))*lh)/2
		if len(lines[i]) == 1 {
			top = y + (rowH-h)/2
		}
		for j, l := range lines[i] {
			p.SetXY(x, top+float64(j)*lh)
			hh := lh
			if len(lines[i]) == 1 {
				hh = h
			}
			p.CellFormat(c.width, hh, l, "", 0, c.align, false, 0, "")
		}
		x += c.width
	}
	if head {
		d.draw(rule)
		p.SetLineWidth(0.2)
		p.Line(t.x, y+rowH, t.x+t.width(), y+rowH)
	}
	p.SetXY(t.x, y+rowH)
}

// lineHeight is the height of one line of a wrapped cell.
func (t *table) lineHeight() float64 { return t.size * 0.45 }

// rowHeight is the height of a row of n lines whose single line is h.
func (t *table) rowHeight(n int, h float64) float64 {
	if n <= 1 {
		return h
	}
	return max(h, float64(n)*t.lineHeight()+0.8)
}

// row draws one row, moving to the next lane or page first when the row
// would reach the footer. A text too long for its column wraps.
func (t *table) row(cls []cell) {
	d, p := t.d, t.d.pdf
	lines := make([][]string, len(t.cols))
	n := 1
	for i, c := range t.cols {
		style := ""
		if cls[i].bold {
			style = "B"
		}
		d.setFont(style, t.size)
		lines[i] = d.wrap(cls[i].text, c.width)
		n = max(n, len(lines[i]))
	}
	if d.y()+t.rowHeight(n, t.height) > bodyBottom {
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
	t.cells(lines, t.height, false, cls...)
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
