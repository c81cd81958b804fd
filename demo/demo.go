// Package demo serves the embedded demo site (a small TASS-like news site) on a loopback port,
// so that `armswatch demo` and the tests can crawl a real site with no network.
package demo

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"fmt"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"regexp"
	"strings"
	"time"
)

//go:embed site
var site embed.FS

//go:embed demo.toml
var configTemplate string

// Config returns the demo's config.toml text for a site served at base.
func Config(base string) string {
	r := strings.NewReplacer("{{base}}", base, "{{base_re}}", regexp.QuoteMeta(base))
	return r.Replace(configTemplate)
}

// Site returns the embedded site's files (rooted at the site directory).
func Site() fs.FS {
	sub, err := fs.Sub(site, "site")
	if err != nil {
		panic(err) // the directory is embedded at build time: it is there
	}
	return sub
}

// Routes reads routes.tsv: URL path -> file in the site.
func Routes(files fs.FS) (map[string]string, error) {
	data, err := fs.ReadFile(files, "routes.tsv")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	routes := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p, f, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("demo: routes.tsv:%d: want PATH<TAB>FILE", n)
		}
		if _, err := fs.Stat(files, strings.TrimSpace(f)); err != nil {
			return nil, fmt.Errorf("demo: routes.tsv:%d: %w", n, err)
		}
		routes[strings.TrimSpace(p)] = strings.TrimSpace(f)
	}
	return routes, sc.Err()
}

// Handler serves files by route; base (scheme://host:port) replaces {{base}} in them.
func Handler(files fs.FS, routes map[string]string, base string) http.Handler {
	modified := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		data, err := fs.ReadFile(files, name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		data = bytes.ReplaceAll(data, []byte("{{base}}"), []byte(base))
		ctype := mime.TypeByExtension(path.Ext(name))
		switch path.Ext(name) {
		case ".xml":
			ctype = "application/rss+xml; charset=utf-8"
		case ".txt", ".tsv":
			ctype = "text/plain; charset=utf-8"
		}
		w.Header().Set("Content-Type", ctype)
		http.ServeContent(w, r, name, modified, bytes.NewReader(data))
	})
}

// Server is the demo site running on a loopback port.
type Server struct {
	URL string // http://127.0.0.1:PORT
	srv *http.Server
}

// Start serves the embedded site on 127.0.0.1 at a free port.
func Start() (*Server, error) {
	files := Site()
	routes, err := Routes(files)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: listen on loopback: %w", err)
	}
	s := &Server{URL: "http://" + ln.Addr().String()}
	s.srv = &http.Server{Handler: Handler(files, routes, s.URL), ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return s.srv.Shutdown(ctx)
}
