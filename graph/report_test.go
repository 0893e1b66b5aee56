package graph_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/leanforum/awards/store"
)

// pdfText extracts a PDF's text with pdftotext, skipping without it.
func pdfText(t *testing.T, body []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; make test installs it when run as root")
	}
	p := filepath.Join(t.TempDir(), "r.pdf")
	if err := os.WriteFile(p, body, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-layout", p, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func (e *env) get(token, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	rec := httptest.NewRecorder()
	e.h.ServeHTTP(rec, req)
	return rec
}

// demoIDs loads the demo and returns the 2025 jury cycle and Haparanda's
// application in it.
func demoIDs(t *testing.T, e *env) (cycle, haparanda string) {
	t.Helper()
	if _, err := e.db.SeedDemo(context.Background()); err != nil {
		t.Fatal(err)
	}
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	r := e.gql(admin, `{ applications(first: 100) { nodes { id title cycle { id year } } } }`, nil).ok()
	for _, n := range r.get("applications.nodes").([]any) {
		n := n.(map[string]any)
		if n["title"] == "Gränsöverskridande service" {
			haparanda, cycle = n["id"].(string), n["cycle"].(map[string]any)["id"].(string)
		}
	}
	return cycle, haparanda
}

func TestReportPDFs(t *testing.T) {
	e := newEnv(t)
	cycle, app := demoIDs(t, e)
	admin := e.login(store.DemoAdminEmail, store.DemoPassword)
	lead := e.login(store.DemoJurorEmail, store.DemoPassword)

	rank := e.get(lead, "/reports/cycles/"+cycle+"/ranking.pdf")
	if rank.Code != 200 || rank.Header().Get("Content-Type") != "application/pdf" ||
		!strings.Contains(rank.Header().Get("Content-Disposition"), "ranking-"+cycle+"-sv.pdf") {
		t.Fatalf("ranking.pdf = %d %v %s", rank.Code, rank.Header(), rank.Body.String()[:min(200, rank.Body.Len())])
	}
	text := pdfText(t, rank.Body.Bytes())
	for _, want := range []string{"Åre kommun", "Ständiga förbättringar i äldreomsorgen", "Haparanda stad", "Sida 1 av", "2025"} {
		if !strings.Contains(text, want) {
			t.Errorf("the ranking report lacks %q", want)
		}
	}
	t.Run("a conflicted juror's copy leaves the application out", func(t *testing.T) {
		per := e.login("per@demo.jury.se", store.DemoPassword)
		rec := e.get(per, "/reports/cycles/"+cycle+"/ranking.pdf")
		if rec.Code != 200 {
			t.Fatalf("status %d: %s", rec.Code, rec.Body)
		}
		if txt := pdfText(t, rec.Body.Bytes()); strings.Contains(txt, "Ständiga förbättringar i äldreomsorgen") || !strings.Contains(txt, "Åre kommun") {
			t.Errorf("Per's ranking report includes Umeå or lacks Åre")
		}
	})
	t.Run("feedback in English, the same bytes twice", func(t *testing.T) {
		a := e.get(admin, "/reports/applications/"+app+"/feedback.pdf?lang=en")
		b := e.get(admin, "/reports/applications/"+app+"/feedback.pdf?lang=en")
		if a.Code != 200 || !bytes.Equal(a.Body.Bytes(), b.Body.Bytes()) {
			t.Fatalf("feedback = %d, deterministic %v", a.Code, bytes.Equal(a.Body.Bytes(), b.Body.Bytes()))
		}
		txt := pdfText(t, a.Body.Bytes())
		for _, want := range []string{"Haparanda stad", "Gränsöverskridande service", "Page 1 of", "Mätbara resultat över tid"} {
			if !strings.Contains(txt, want) {
				t.Errorf("the feedback report lacks %q", want)
			}
		}
		if strings.Contains(txt, "Demo") && strings.Contains(txt, "Eva") {
			t.Error("the feedback report names a juror")
		}
	})
	t.Run("who may download", func(t *testing.T) {
		omar := e.login("omar@demo.jury.se", store.DemoPassword) // assigned to Haparanda, not lead
		malmo := e.login(store.DemoMalmoEmail, store.DemoPassword)
		cases := []struct {
			who, token, path string
			status           int
		}{
			{"anonymous", "", "/reports/cycles/" + cycle + "/ranking.pdf", 403},
			{"an applicant", malmo, "/reports/cycles/" + cycle + "/ranking.pdf", 403},
			{"another organisation's applicant", malmo, "/reports/applications/" + app + "/feedback.pdf", 404},
			{"an assigned juror who is not lead", omar, "/reports/applications/" + app + "/feedback.pdf", 403},
			{"an unknown application", admin, "/reports/applications/999999/feedback.pdf", 404},
			{"a mismatched path", admin, "/reports/cycles/" + cycle + "/feedback.pdf", 404},
			{"an unknown language", admin, "/reports/cycles/" + cycle + "/ranking.pdf?lang=fr", 400},
		}
		for _, c := range cases {
			if rec := e.get(c.token, c.path); rec.Code != c.status || !strings.Contains(rec.Header().Get("Content-Type"), "json") {
				t.Errorf("%s: GET %s = %d (%s), want %d with a JSON error", c.who, c.path, rec.Code, rec.Header().Get("Content-Type"), c.status)
			}
		}
	})
	t.Run("signed links", func(t *testing.T) {
		path := "/reports/cycles/" + cycle + "/ranking.pdf"
		r := e.gql(lead, `mutation($p: String!) { reportLink(path: $p) { url expiresAt } }`, map[string]any{"p": path}).ok()
		link := r.str("reportLink.url")
		if rec := e.get("", link); rec.Code != 200 || rec.Header().Get("Content-Type") != "application/pdf" {
			t.Errorf("signed link = %d", rec.Code)
		}
		u, _ := url.Parse(link)
		forged := "/reports/applications/" + app + "/feedback.pdf?" + u.RawQuery
		if rec := e.get("", forged); rec.Code != 401 {
			t.Errorf("a link moved to another report = %d, want 401", rec.Code)
		}
		// Another server over the same database, or this one restarted,
		// takes the link too: the secret is the database's.
		if rec := newEnvAt(t, e.dsn).get("", link); rec.Code != 200 {
			t.Errorf("the link on another handler = %d, want 200", rec.Code)
		}
		// A link dies with the session it was made in.
		session := e.login(store.DemoJurorEmail, store.DemoPassword)
		other := e.gql(session, `mutation($p: String!) { reportLink(path: $p) { url } }`, map[string]any{"p": path}).ok().str("reportLink.url")
		e.gql(session, `mutation { logout }`, nil).ok()
		if rec := e.get("", other); rec.Code != 401 {
			t.Errorf("a link after its session logged out = %d, want 401", rec.Code)
		}
		if rec := e.get("", link); rec.Code != 200 {
			t.Errorf("a link of another session = %d, want 200", rec.Code)
		}
		unsigned := strings.Replace(other, "ses=", "x=", 1)
		if rec := e.get("", unsigned); rec.Code != 401 {
			t.Errorf("a link without its session = %d, want 401", rec.Code)
		}
		e.gql(lead, `mutation { reportLink(path: "/etc/passwd") { url } }`, nil).wantCode("INVALID")
		e.gql("", `mutation($p: String!) { reportLink(path: $p) { url } }`, map[string]any{"p": path}).wantCode("UNAUTHENTICATED")
	})
}
