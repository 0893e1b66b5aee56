package pdf

import (
	"bytes"
	"fmt"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry of every document, in millimetres: A4 portrait.
const (
	pageWidth    = 210.0
	pageHeight   = 297.0
	marginLeft   = 15.0
	marginRight  = 15.0
	marginTop    = 20.0
	marginBottom = 18.0
	bodyWidth    = pageWidth - marginLeft - marginRight
	bodyBottom   = pageHeight - marginBottom
)

// Text sizes in points.
const (
	sizeTitle   = 16.0
	sizeHeading = 12.5
	sizeSub     = 10.5
	sizeBody    = 9.0
	sizeSmall   = 7.5
)

// rgb is a colour as 0xRRGGBB, so that the palette can be constants. The
// zero value, black, doubles as "no fill" in table cells.
type rgb uint32

// The palette.
const (
	black     rgb = 0x000000
	white     rgb = 0xFFFFFF
	greyText  rgb = 0x5A5A5A
	rule      rgb = 0xAAAAAA
	gridLine  rgb = 0xDCDCDC
	headFill  rgb = 0xE1E6EE
	focusFill rgb = 0xD6EAFC
	blue      rgb = 0x1565C0
	orange    rgb = 0xE67814
	darkRed   rgb = 0xB71C1C
)

// channels returns the red, green and blue channels of c.
func (c rgb) channels() (int, int, int) {
	return int(c >> 16 & 0xFF), int(c >> 8 & 0xFF), int(c & 0xFF)
}

// document is one PDF being laid out. Running headers and footers are
// drawn by finish, once the page count is known, so "Sida x av y" needs no
// page-count alias.
type document struct {
	pdf    *gofpdf.Fpdf
	lang   Lang
	words  words
	title  string // running header, left
	corner string // running header, right
	date   time.Time
}

// newDocument starts an A4 document with the fonts registered and the
// metadata and dates fixed, so that the output depends only on the input.
func newDocument(fonts *Fonts, lang Lang, date time.Time, title, corner string) *document {
	p := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: gofpdf.SizeType{Wd: pageWidth, Ht: pageHeight}})
	fonts.register(p)
	p.SetCatalogSort(true)
	date = time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(date)
	p.SetModificationDate(date)
	p.SetTitle(clean(title), true)
	p.SetCreator("leanforum/awards", true)
	p.SetProducer("gofpdf 1.16.2", true)
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(true, marginBottom)
	p.SetCellMargin(1)
	d := &document{pdf: p, lang: lang, words: lang.words(), title: clean(title), corner: clean(corner), date: date}
	p.AddPage()
	d.setFont("", sizeBody)
	return d
}

// finish draws the running header and footer on every page and returns
// the finished PDF. Nothing is returned when any step failed.
func (d *document) finish() ([]byte, error) {
	p := d.pdf
	p.SetAutoPageBreak(false, 0)
	n := p.PageCount()
	for i := 1; i <= n; i++ {
		p.SetPage(i)
		d.decorate(i, n)
	}
	var buf bytes.Buffer
	if err := p.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: render: %w", err)
	}
	return buf.Bytes(), nil
}

// decorate draws page i of n's header and footer. The page's content
// stream ends in whatever state its body left, so every setting is
// written out again rather than trusted.
func (d *document) decorate(i, n int) {
	p := d.pdf
	p.SetDashPattern([]float64{}, 0)
	p.SetLineWidth(0.2)
	d.draw(rule)
	d.fill(white)
	p.SetFontSize(sizeSmall + 1) // SetFont writes nothing when unchanged
	d.setFont("", sizeSmall)
	d.text(greyText)
	p.Line(marginLeft, 14, pageWidth-marginRight, 14)
	p.Line(marginLeft, bodyBottom+4, pageWidth-marginRight, bodyBottom+4)
	half := bodyWidth/2 - 2
	left := half
	if d.corner == "" {
		left = bodyWidth
	}
	p.SetXY(marginLeft, 9)
	p.CellFormat(left, 4, d.fit(d.title, left), "", 0, "L", false, 0, "")
	p.SetXY(pageWidth-marginRight-half, 9)
	p.CellFormat(half, 4, d.fit(d.corner, half), "", 0, "R", false, 0, "")
	p.SetXY(marginLeft, bodyBottom+5)
	p.CellFormat(half, 4, d.words.dataDate+" "+date(d.date), "", 0, "L", false, 0, "")
	p.SetXY(pageWidth-marginRight-half, bodyBottom+5)
	p.CellFormat(half, 4, fmt.Sprintf("%s %d %s %d", d.words.page, i, d.words.of, n), "", 0, "R", false, 0, "")
}

// setFont selects the document font in style "" or "B" at size points.
func (d *document) setFont(style string, size float64) { d.pdf.SetFont(family, style, size) }

// text, draw and fill set the text, line and fill colours.
func (d *document) text(c rgb) { d.pdf.SetTextColor(c.channels()) }
func (d *document) draw(c rgb) { d.pdf.SetDrawColor(c.channels()) }
func (d *document) fill(c rgb) { d.pdf.SetFillColor(c.channels()) }

// y returns the current vertical position.
func (d *document) y() float64 { return d.pdf.GetY() }

// ensure starts a new page unless h millimetres remain above the footer.
func (d *document) ensure(h float64) {
	if d.y()+h > bodyBottom {
		d.pdf.AddPage()
	}
}

// space moves down h millimetres, or to the next page at its end.
func (d *document) space(h float64) {
	if d.y()+h > bodyBottom {
		d.pdf.AddPage()
		return
	}
	d.pdf.SetXY(marginLeft, d.y()+h)
}

// fit returns s shortened with an ellipsis to fit w millimetres in the
// current font, cutting at the longest prefix that fits.
func (d *document) fit(s string, w float64) string {
	w -= 2 // the cell margins
	if d.pdf.GetStringWidth(s) <= w {
		return s
	}
	rs := []rune(s)
	lo, hi := 0, len(rs) // rs[:lo] fits with the ellipsis, rs[:hi] does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if d.pdf.GetStringWidth(string(rs[:mid])+"…") <= w {
			lo = mid
		} else {
			hi = mid
		}
	}
	return string(rs[:lo]) + "…"
}
