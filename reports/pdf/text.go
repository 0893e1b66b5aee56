package pdf

import "strings"

// Line heights in millimetres for the text sizes.
const (
	lineBody  = 4.4
	lineSmall = 3.6
)

// titleBlock sets the document's title and the lines under it.
func (d *document) titleBlock(title string, lines ...string) {
	p := d.pdf
	d.text(black)
	d.setFont("B", sizeTitle)
	p.SetX(marginLeft)
	p.MultiCell(bodyWidth, 7, clean(title), "", "L", false)
	d.setFont("", sizeBody+1)
	d.text(greyText)
	for _, l := range lines {
		if l != "" {
			p.SetX(marginLeft)
			p.MultiCell(bodyWidth, 5, clean(l), "", "L", false)
		}
	}
	d.text(black)
	d.space(4)
}

// heading starts a section, on a new page when less than keep millimetres
// would remain under it.
func (d *document) heading(s string, keep float64) {
	d.ensure(9 + keep)
	p := d.pdf
	d.text(black)
	d.setFont("B", sizeHeading)
	p.SetX(marginLeft)
	p.MultiCell(bodyWidth, 6, clean(s), "", "L", false)
	d.draw(rule)
	p.SetLineWidth(0.3)
	p.Line(marginLeft, d.y()+0.5, pageWidth-marginRight, d.y()+0.5)
	d.space(2.5)
	d.setFont("", sizeBody)
}

// subheading starts a part of a section, keeping keep millimetres with it.
func (d *document) subheading(s string, keep float64) {
	d.ensure(6 + keep)
	d.text(black)
	d.setFont("B", sizeSub)
	d.pdf.SetX(marginLeft)
	d.pdf.MultiCell(bodyWidth, 5.5, clean(s), "", "L", false)
	d.space(0.5)
	d.setFont("", sizeBody)
}

// paragraph sets text over the body width; line breaks in it stay.
func (d *document) paragraph(s string) {
	d.text(black)
	d.setFont("", sizeBody)
	d.pdf.SetX(marginLeft)
	d.pdf.MultiCell(bodyWidth, lineBody, cleanText(s), "", "L", false)
	d.space(1.5)
}

// note sets text in the small grey size.
func (d *document) note(s string) {
	d.text(greyText)
	d.setFont("", sizeSmall)
	d.pdf.SetX(marginLeft)
	d.pdf.MultiCell(bodyWidth, lineSmall, cleanText(s), "", "L", false)
	d.text(black)
	d.setFont("", sizeBody)
	d.space(1)
}

// bullets sets items as a list with hanging bullets.
func (d *document) bullets(items []string) {
	p := d.pdf
	d.text(black)
	d.setFont("", sizeBody)
	for _, it := range items {
		d.ensure(lineBody)
		y := d.y()
		p.SetXY(marginLeft+1, y)
		p.CellFormat(4, lineBody, "•", "", 0, "L", false, 0, "")
		p.SetXY(marginLeft+5, y)
		p.MultiCell(bodyWidth-5, lineBody, cleanText(it), "", "L", false)
	}
	d.space(1.5)
}

// fact is one label and value in a facts block.
type fact struct{ label, value string }

// facts sets label–value pairs in two columns, the labels bold.
func (d *document) facts(fs []fact) {
	p := d.pdf
	d.text(black)
	const labelWidth = 48.0
	for _, f := range fs {
		d.ensure(lineBody)
		y := d.y()
		d.setFont("B", sizeBody)
		p.SetXY(marginLeft, y)
		p.CellFormat(labelWidth, lineBody, d.fit(clean(f.label), labelWidth), "", 0, "L", false, 0, "")
		d.setFont("", sizeBody)
		p.SetXY(marginLeft+labelWidth, y)
		p.MultiCell(bodyWidth-labelWidth, lineBody, clean(f.value), "", "L", false)
	}
	d.space(2)
}

// wrap breaks s into lines that fit w millimetres in the current font,
// at spaces; a word longer than a line is cut with fit.
func (d *document) wrap(s string, w float64) []string {
	w -= 2 // the cell margins
	var lines []string
	cur := ""
	for _, word := range strings.Fields(s) {
		next := word
		if cur != "" {
			next = cur + " " + word
		}
		if d.pdf.GetStringWidth(next) <= w {
			cur = next
			continue
		}
		if cur != "" {
			lines = append(lines, cur)
		}
		cur = word
		if d.pdf.GetStringWidth(word) > w {
			cur = d.fit(word, w+2)
		}
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}
