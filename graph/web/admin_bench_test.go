package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/leanforum/awards/store/storetest"
)

// BenchmarkAssignmentMatrix measures the server time of the assignment
// matrix (its first page of 100 applications, every assignment and
// conflict for the loads) with the data of graph's BenchmarkRanking: 200
// applications × 7 jurors × 10 criteria, through the real web handler
// and PostgreSQL. Run:
// go test -run '^$' -bench AssignmentMatrix -count 5 ./graph/web/
func BenchmarkAssignmentMatrix(b *testing.B) {
	s := newServedSite(b) // as awardd serve runs the API: without CompareExecutors
	cycle := storetest.SeedRanking(b, s.dsn, 200, 7, 10)
	req := httptest.NewRequest("GET", "/admin/cycles/"+cycle+"/assignments", nil)
	req.AddCookie(&http.Cookie{Name: "session", Value: s.adminToken()})
	for b.Loop() {
		w := httptest.NewRecorder()
		s.h.ServeHTTP(w, req)
		if w.Code != http.StatusOK {
			b.Fatalf("GET %s: %d\n%s", req.URL, w.Code, w.Body)
		}
	}
}

// TestAssignmentMatrixStatements: the matrix runs a fixed number of SQL
// statements, the same with 200 applications × 7 jurors as with the demo
// cycle's few.
func TestAssignmentMatrixStatements(t *testing.T) {
	s := newSite(t)
	f := newJuryFixture(t, s, "")
	_, small := s.serve(t, "/admin/cycles/"+f.cycle+"/assignments", f.admin)
	cycle := storetest.SeedRanking(t, s.dsn, 200, 7, 10)
	rec, big := s.serve(t, "/admin/cycles/"+cycle+"/assignments", f.admin)
	if big != small {
		t.Errorf("the matrix runs %d statements for 200 applications, %d for 2", big, small)
	}
	// The README quotes this; a change to it is a change to say there.
	if want := int64(9); big != want {
		t.Errorf("the matrix runs %d statements, want %d", big, want)
	}
	if n := len(rec.Body.String()); n < 50000 {
		t.Errorf("the matrix of 200 applications is only %d bytes", n)
	}
}
