package graph_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// TestDemoPDFPages renders every kind of PDF the system produces over the
// demo (the feedback of each application of the published cycle, the
// ranking of the scored cycle (the published one is historical, recorded
// without scores, and has none), the published benchmark
// report and a municipality profile), in Swedish and English, and wants
// every page to carry text besides its footer: an empty page is a layout
// fault. With AWARDS_PDF_PNG_DIR set it also writes each page as a PNG
// there (pdftoppm), beside the PDF, for a person to look at.
func TestDemoPDFPages(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; make test installs it when run as root")
	}
	e := newDemoEnv(t)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	var paths []string
	for _, c := range e.gql(admin, `{ awards { nodes { cycles { id phase } } } }`, nil).ok().
		get("awards.nodes").([]any)[0].(map[string]any)["cycles"].([]any) {
		c := c.(map[string]any)
		switch c["phase"] {
		case "PUBLISHED":
			r := e.gql(admin, `query($c: ID) { applications(cycleId: $c, status: SUBMITTED, first: 50) { nodes { id } } }`,
				map[string]any{"c": c["id"]}).ok()
			for _, a := range r.get("applications.nodes").([]any) {
				paths = append(paths, "/reports/applications/"+a.(map[string]any)["id"].(string)+"/feedback.pdf")
			}
		case "CONSENSUS":
			paths = append(paths, "/reports/cycles/"+c["id"].(string)+"/ranking.pdf")
		}
	}
	report := e.gql("", `{ benchmarkReports { nodes { id } } }`, nil).ok().get("benchmarkReports.nodes").([]any)[0].(map[string]any)["id"].(string)
	paths = append(paths, "/reports/benchmarks/"+report+"/versions/1.pdf",
		fmt.Sprintf("/reports/municipalities/1280/profile.pdf?year=%d", store.DemoLastYear))
	dir := os.Getenv("AWARDS_PDF_PNG_DIR")
	for _, path := range paths {
		for _, lang := range []string{"sv", "en"} {
			sep := "?"
			if strings.Contains(path, "?") {
				sep = "&"
			}
			rec := e.get(admin, path+sep+"lang="+lang)
			if rec.Code != 200 {
				t.Errorf("GET %s (%s) = %d %.200s", path, lang, rec.Code, rec.Body)
				continue
			}
			name := strings.NewReplacer("/reports/", "", "/", "-", ".pdf", "", "?", "-", "=", "").Replace(path) + "-" + lang
			checkPages(t, name, rec.Body.Bytes(), dir)
		}
	}
}

var footerRE = regexp.MustCompile(`(?m)^.*(Sida|Page) \d+ (av|of) \d+\s*$`)

// checkPages fails for a page of doc with no text besides its footer, and
// writes it and its pages as PNGs into dir when dir is not empty.
func checkPages(t *testing.T, name string, doc []byte, dir string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), name+".pdf")
	if err := os.WriteFile(p, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command("pdfinfo", p).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v", name, err)
	}
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo %s: no page count in %s", name, info)
	}
	pages, _ := strconv.Atoi(string(m[1]))
	for page := 1; page <= pages; page++ {
		out, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), p, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s page %d: %v", name, page, err)
		}
		if body := strings.TrimSpace(footerRE.ReplaceAllString(string(out), "")); len(body) < 20 {
			t.Errorf("%s page %d of %d is empty but for its footer: %q", name, page, pages, out)
		}
	}
	if dir != "" {
		if err := os.WriteFile(filepath.Join(dir, name+".pdf"), doc, 0o644); err != nil {
			t.Error(err)
		}
		if out, err := exec.Command("pdftoppm", "-r", "70", "-png", p, filepath.Join(dir, name)).CombinedOutput(); err != nil {
			t.Errorf("pdftoppm %s: %v %s", name, err, out)
		}
	}
}
