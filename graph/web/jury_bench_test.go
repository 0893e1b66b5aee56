package web_test

import (
	"database/sql"
	"net/http"
	"net/http/httptest"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"github.com/leanforum/awards/store/storetest"
)

// BenchmarkJuryPages measures the server time of the ranking page and
// the scoring page with the data of graph's BenchmarkRanking: 200
// applications × 7 jurors × 10 criteria, through the real web handler and
// PostgreSQL. Run: go test -run '^$' -bench JuryPages -count 5 ./graph/web/
func BenchmarkJuryPages(b *testing.B) {
	s := newServedSite(b) // as awardd serve runs the API: without CompareExecutors
	cycle := storetest.SeedRanking(b, s.dsn, 200, 7, 10)
	raw, err := sql.Open("postgres", s.dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	hash, _ := bcrypt.GenerateFromPassword([]byte(jurorPassword), bcrypt.MinCost)
	var app string
	if err := raw.QueryRow(`UPDATE users SET password_hash = $1 WHERE email = 'bench-juror-1@example.se'
		RETURNING (SELECT min(application_id) FROM assignments a WHERE a.juror_id = users.id)`, string(hash)).Scan(&app); err != nil {
		b.Fatal(err)
	}
	juror := s.token("bench-juror-1@example.se", jurorPassword)
	admin := s.adminToken()
	for _, p := range []struct{ name, path, token string }{
		{"ranking", "/jury/cycles/" + cycle + "/ranking", admin},
		{"scoring", "/jury/applications/" + app, juror},
	} {
		b.Run(p.name, func(b *testing.B) {
			req := httptest.NewRequest("GET", p.path, nil)
			req.AddCookie(&http.Cookie{Name: "session", Value: p.token})
			for b.Loop() {
				w := httptest.NewRecorder()
				s.h.ServeHTTP(w, req)
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s: %d\n%s", p.path, w.Code, w.Body)
				}
			}
		})
	}
}
