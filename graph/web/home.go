package web

import "net/http"

// homeData is the home page's data.
type homeData struct {
	Awards struct {
		Nodes []struct {
			ID          string      `json:"id"`
			Name        string      `json:"name"`
			Description string      `json:"description"`
			Cycles      []cycleItem `json:"cycles"`
		} `json:"nodes"`
	} `json:"awards"`
	BenchmarkReports struct {
		Nodes []benchmarkItem `json:"nodes"`
	} `json:"benchmarkReports"`
}

type cycleItem struct {
	ID       string `json:"id"`
	Year     int    `json:"year"`
	Title    string `json:"title"`
	Phase    string `json:"phase"`
	OpensAt  string `json:"opensAt"`
	ClosesAt string `json:"closesAt"`
}

type benchmarkItem struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Version  int    `json:"version"`
	Versions []struct {
		Version     int    `json:"version"`
		Title       string `json:"title"`
		PublishedAt string `json:"publishedAt"`
		DataDate    string `json:"dataDate"`
	} `json:"versions"`
}

// Latest is the newest published version's number, or 0.
func (b benchmarkItem) Latest() int {
	n := 0
	for _, v := range b.Versions {
		n = max(n, v.Version)
	}
	return n
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	v := &view{TitleKey: "home.title", Flash: s.flash(w, r)}
	var d homeData
	if !s.read(w, r, "home", nil, v, &d) {
		return
	}
	s.render(w, r, http.StatusOK, "home", v)
}
