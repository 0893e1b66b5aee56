package pdf

import (
	"embed"
	"fmt"

	"github.com/jung-kurt/gofpdf"
)

// fontFiles holds the DejaVu fonts; fonts/LICENSE is their licence. An
// embed.FS is read-only, so it is not mutable package state.
//
//go:embed fonts/DejaVuSansCondensed.ttf fonts/DejaVuSansCondensed-Bold.ttf
var fontFiles embed.FS

// family is the name under which documents register the font.
const family = "dejavu"

// Fonts is the typeface of every document: DejaVu Sans Condensed, regular
// and bold, a UTF-8 TrueType font that covers Swedish and most European
// scripts. Create it once per process with NewFonts (in main, or once per
// test binary) and pass it to every document; it is never modified after
// NewFonts, so it is safe for concurrent use.
//
// NewFonts reads the embedded font files once and checks that gofpdf can
// parse them, since gofpdf reports a font it cannot parse only on standard
// output. Each document then registers the cached bytes with
// AddUTF8FontFromBytes once per face. gofpdf offers no way to share a
// parsed font between documents (the parsed form is private to each
// document and is changed when the document subsets it on output), so that
// parse, about 4 ms and 2.4 MB per face, is the one cost repeated per
// document; reading and checking the files is not.
type Fonts struct {
	regular, bold []byte
}

// NewFonts loads the embedded fonts and checks that they parse.
func NewFonts() (*Fonts, error) {
	regular, err := fontFiles.ReadFile("fonts/DejaVuSansCondensed.ttf")
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	bold, err := fontFiles.ReadFile("fonts/DejaVuSansCondensed-Bold.ttf")
	if err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	f := &Fonts{regular: regular, bold: bold}
	probe := gofpdf.New("P", "mm", "A4", "")
	f.register(probe)
	for _, style := range []string{"", "B"} {
		probe.SetFont(family, style, 10) // fails if the face was not added
	}
	if err := probe.Error(); err != nil {
		return nil, fmt.Errorf("pdf: font: %w", err)
	}
	return f, nil
}

// register adds both faces to doc.
func (f *Fonts) register(doc *gofpdf.Fpdf) {
	doc.AddUTF8FontFromBytes(family, "", f.regular)
	doc.AddUTF8FontFromBytes(family, "B", f.bold)
}

// check returns an error unless f came from NewFonts.
func (f *Fonts) check() error {
	if f == nil || f.regular == nil || f.bold == nil {
		return invalidf("fonts: nil; create them once with NewFonts")
	}
	return nil
}
