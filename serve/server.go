package serve

import (
	"context"
	"crypto/subtle"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

//go:embed templates/*.html static/*
var assets embed.FS

// Options configure a Server.
type Options struct {
	// Token, when set, must come with every request: an "Authorization: Bearer TOKEN" header,
	// the cookie a "?token=TOKEN" link sets, or that query parameter itself.
	Token string
	// Hosts are the host names the Host header may carry besides the loopback names
	// (localhost, 127.0.0.1, ::1). Without a token, any other Host is refused: a web page that
	// rebinds its own name to 127.0.0.1 cannot read the pages through the user's browser.
	Hosts []string
	// RequestTimeout bounds each request's database work (default 15s).
	RequestTimeout time.Duration
	Logger         *slog.Logger
	// NoCache computes every aggregate (timelines, top speakers) on every request; for
	// benchmarks of the cold path.
	NoCache bool
}

// Server serves the pages over a database opened read-only (store.OpenReadOnly, or
// pgstore.OpenReadOnly for PostgreSQL).
type Server struct {
	db    store.ServeStore
	opt   Options
	pages map[string]pageTemplate
	mux   *http.ServeMux
	log   *slog.Logger
	cache aggregates
}

// New makes the handler for db, which should be opened read-only (SQLite or PostgreSQL).
func New(db store.ServeStore, opt Options) (*Server, error) {
	if opt.RequestTimeout <= 0 {
		opt.RequestTimeout = 15 * time.Second
	}
	s := &Server{db: db, opt: opt, mux: http.NewServeMux(), log: opt.Logger}
	if s.log == nil {
		s.log = slog.New(slog.DiscardHandler)
	}
	var err error
	if s.pages, err = parseTemplates(); err != nil {
		return nil, fmt.Errorf("serve: templates: %w", err)
	}
	static, err := fs.Sub(assets, "static")
	if err != nil {
		return nil, fmt.Errorf("serve: static files: %w", err)
	}
	s.mux.Handle("GET /static/", http.StripPrefix("/static/", staticFiles(static)))
	s.mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/static/favicon.svg", http.StatusMovedPermanently)
	})
	s.route("GET /{$}", s.today)
	s.route("GET /today", s.today)
	s.route("GET /treaties", s.treaties)
	s.route("GET /treaty/{id}", s.treaty)
	s.route("GET /speakers", s.speakers)
	s.route("GET /speaker/{name}", s.speaker)
	s.route("GET /search", s.search)
	s.route("GET /article/{id}", s.article)
	s.mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, htmlFormat, errNotFound("no such page"))
	})
	return s, nil
}

// handlerFunc is a page: it answers in the format asked for or returns an error for fail.
type handlerFunc func(w http.ResponseWriter, r *http.Request, f format) error

// route registers a page under its path and its .json and .csv twins.
func (s *Server) route(pattern string, h handlerFunc) {
	serve := func(w http.ResponseWriter, r *http.Request) {
		f, err := requestFormat(r)
		if err == nil {
			ctx, cancel := context.WithTimeout(r.Context(), s.opt.RequestTimeout)
			defer cancel()
			err = h(w, r.WithContext(ctx), f)
		}
		if err != nil {
			s.fail(w, r, f, err)
		}
	}
	s.mux.HandleFunc(pattern, serve)
	if !strings.HasSuffix(pattern, "}") && !strings.HasSuffix(pattern, "{$}") {
		s.mux.HandleFunc(pattern+".json", serve)
		s.mux.HandleFunc(pattern+".csv", serve)
	}
}

// ServeHTTP checks the Host and the token, sets the security headers and serves.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", ContentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if s.opt.Token == "" && !s.hostAllowed(r.Host) {
		http.Error(w, "armswatch serve: unexpected Host header; open the page as http://127.0.0.1:PORT/ or http://localhost:PORT/", http.StatusMisdirectedRequest)
		return
	}
	if s.opt.Token != "" && !s.authorized(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// ContentSecurityPolicy allows nothing but the server's own stylesheet: no script at all, no
// inline style, no frames, forms only to the server itself.
const ContentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
	"base-uri 'none'; frame-ancestors 'none'"

func (s *Server) hostAllowed(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.Trim(strings.ToLower(name), "[]")
	if name == "localhost" || name == "" {
		return true
	}
	if ip := net.ParseIP(name); ip != nil && ip.IsLoopback() {
		return true
	}
	for _, h := range s.opt.Hosts {
		if strings.EqualFold(h, name) {
			return true
		}
	}
	return false
}

const tokenCookie = "armswatch_token"

// authorized checks the token; a valid ?token= sets the cookie and redirects to the same URL
// without it, so the token does not stay in the address bar, history or links.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	ok := func(t string) bool {
		return t != "" && subtle.ConstantTimeCompare([]byte(t), []byte(s.opt.Token)) == 1
	}
	if ok(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) {
		return true
	}
	if c, err := r.Cookie(tokenCookie); err == nil && ok(c.Value) {
		return true
	}
	if q := r.URL.Query(); ok(q.Get("token")) {
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opt.Token, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode})
		q.Del("token")
		u := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		http.Redirect(w, r, u.String(), http.StatusSeeOther)
		return false
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="armswatch"`)
	http.Error(w, "armswatch serve: this server needs its token: open the link with ?token=... that armswatch serve printed, or send Authorization: Bearer TOKEN", http.StatusUnauthorized)
	return false
}

// staticFiles serves the embedded stylesheet with a cache lifetime (it changes with the binary).
func staticFiles(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// httpError is an error with the status it answers.
type httpError struct {
	status int
	msg    string
}

func (e *httpError) Error() string { return e.msg }

func errNotFound(format string, a ...any) error {
	return &httpError{http.StatusNotFound, fmt.Sprintf(format, a...)}
}

func errBadRequest(format string, a ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Sprintf(format, a...)}
}

// fail answers an error in the page's format; failures other than bad requests and unknown
// items are logged and shown without their details (they may name files).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, f format, err error) {
	status, msg := http.StatusInternalServerError, "the server failed to answer; its log says why"
	var he *httpError
	switch {
	case errors.As(err, &he):
		status, msg = he.status, he.msg
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, "not found"
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = http.StatusServiceUnavailable, "the database took too long to answer; try a narrower filter"
	default:
		s.log.Error("serving "+r.URL.Path, "error", err)
	}
	if f == jsonFormat {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(status)
		writeJSON(w, map[string]any{"error": msg, "status": status})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	s.html(w, "error", errorPage{Page: Page{Title: fmt.Sprintf("%d %s", status, http.StatusText(status))},
		Status: status, Message: msg})
}
