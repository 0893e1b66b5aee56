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
	m.HandleFunc("/", s.notFound)
}
