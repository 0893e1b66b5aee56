package web

// routes lists every page.
func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /static/", s.serveStatic)
	m.HandleFunc("GET /{$}", s.home)
	m.HandleFunc("GET /login", s.loginPage)
	m.HandleFunc("POST /login", s.login)
	m.HandleFunc("POST /logout", s.logout)
	m.HandleFunc("GET /signup", s.signUpPage)
	m.HandleFunc("POST /signup", s.signUp)
	m.HandleFunc("POST /lang", s.switchLang)
	m.HandleFunc("GET /dashboard", s.dashboard)
	m.HandleFunc("POST /applications", s.createApplication)
	m.HandleFunc("GET /applications/{id}", s.editApplication)
	m.HandleFunc("POST /applications/{id}", s.saveApplication)
	m.HandleFunc("POST /applications/{id}/withdraw", s.withdrawApplication)
	m.HandleFunc("POST /applications/{id}/feedback", s.feedbackPDF)
	m.HandleFunc("GET /kpis/search", s.searchKPIsJSON)
	m.HandleFunc("GET /cycles/{id}", s.cycle)
	m.HandleFunc("GET /cycles/{id}/results", s.results)
	m.HandleFunc("GET /benchmarks", s.benchmarks)
	m.HandleFunc("GET /benchmarks/{id}/versions/{version}", s.benchmark)
	m.HandleFunc("GET /municipalities/{code}", s.municipality)
	// The jurors' pages.
	m.HandleFunc("GET /jury", s.jury)
	m.HandleFunc("GET /jury/conflicts", s.conflictsPage)
	m.HandleFunc("POST /jury/conflicts", s.declareConflict)
	m.HandleFunc("GET /jury/applications/{id}", s.scoringPage)
	m.HandleFunc("POST /jury/applications/{id}", s.saveScores)
	m.HandleFunc("GET /jury/applications/{id}/recuse", s.recusePage)
	m.HandleFunc("POST /jury/applications/{id}/recuse", s.recuse)
	// The secretariat's pages.
	m.HandleFunc("GET /admin", s.adminHome)
	m.HandleFunc("GET /admin/users", s.adminUsers)
	m.HandleFunc("POST /admin/users", s.adminCreateUser)
	m.HandleFunc("POST /admin/users/members", s.adminAddMember)
	m.HandleFunc("/", s.notFound)
}
