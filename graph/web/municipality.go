package web

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/leanforum/awards/graph"
	"github.com/leanforum/awards/store"
)

// municipalityData is a municipality's profile page.
type municipalityData struct {
	Municipality *struct {
		Code        string `json:"code"`
		Name        string `json:"name"`
		CountyName  string `json:"countyName"`
		Kommungrupp *struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"kommungrupp"`
		Profile []struct {
			KPI struct {
				ID         string   `json:"id"`
				Title      string   `json:"title"`
				Unit       string   `json:"unit"`
				Direction  string   `json:"direction"`
				LegalLimit *float64 `json:"legalLimit"`
			} `json:"kpi"`
			Value          *float64 `json:"value"`
			Rank           *int     `json:"rank"`
			Of             int      `json:"of"`
			Percentile     *float64 `json:"percentile"`
			Colour         string   `json:"colour"`
			Better         *bool    `json:"better"`
			GroupMean      *float64 `json:"groupMean"`
			GroupMedian    *float64 `json:"groupMedian"`
			GroupCount     int      `json:"groupCount"`
			NationalMedian *float64 `json:"nationalMedian"`
		} `json:"profile"`
	} `json:"municipality"`
	Similar []struct {
		Code     string  `json:"code"`
		Name     string  `json:"name"`
		Distance float64 `json:"distance"`
	} `json:"similarMunicipalities"`
	Year         int  `json:"-"`
	SimilarKnown bool `json:"-"`
}

// PDF is the profile's PDF path, for lang.
func (d *municipalityData) PDF(lang string) string {
	p := "/reports/municipalities/" + d.Municipality.Code + "/profile.pdf?lang=" + lang + "&year=" + strconv.Itoa(d.Year)
	if d.SimilarKnown {
		p += "&similar=N01951,N20016"
	}
	return p
}

var municipalityCode = regexp.MustCompile(`^[0-9]{4}$`)

// municipality is /municipalities/{code}, for ?year= or the newest year
// with a population figure. The similar municipalities need structural
// figures for that year; without them the page says so.
func (s *Server) municipality(w http.ResponseWriter, r *http.Request) {
	code := r.PathValue("code")
	if !municipalityCode.MatchString(code) {
		s.notFound(w, r)
		return
	}
	v := &view{}
	var y municipalityYears
	if !s.read(w, r, "municipality_year", map[string]any{"code": code}, v, &y) {
		return
	}
	if y.Municipality == nil {
		s.notFound(w, r)
		return
	}
	d := municipalityData{Year: y.newest()}
	if q := r.URL.Query().Get("year"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || n < 1990 || n > 2100 {
			s.errorPage(w, r, graph.Error{Code: store.Invalid})
			return
		}
		d.Year = n
	}
	vars := map[string]any{"code": code, "year": d.Year}
	if !s.read(w, r, "municipality", vars, v, &d) {
		return
	}
	if y.has(d.Year) {
		d.SimilarKnown = len(decodeInto(s.exec(r, "municipality_similar", vars), &d)) == 0
	}
	v.Title = strings.TrimSpace(d.Municipality.Name)
	s.render(w, r, http.StatusOK, "municipality", v)
}

// municipalityYears is whether a municipality exists and its population
// figures by year.
type municipalityYears struct {
	Municipality *struct {
		Code string `json:"code"`
	} `json:"municipality"`
	KPI *struct {
		Values []struct {
			Year  int      `json:"year"`
			Value *float64 `json:"value"`
		} `json:"values"`
	} `json:"kpi"`
}

// newest is the newest year with a figure, or the demo's last year.
func (y *municipalityYears) newest() int {
	n := 0
	if y.KPI != nil {
		for _, x := range y.KPI.Values {
			if x.Value != nil {
				n = max(n, x.Year)
			}
		}
	}
	if n == 0 {
		return store.DemoLastYear
	}
	return n
}

// has reports whether there is a figure for year.
func (y *municipalityYears) has(year int) bool {
	if y.KPI != nil {
		for _, x := range y.KPI.Values {
			if x.Value != nil && x.Year == year {
				return true
			}
		}
	}
	return false
}
