package crawler

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// testSite is a loopback news site whose handlers tests can replace per path, counting
// every request.
type testSite struct {
	t   *testing.T
	srv *httptest.Server

	mu       sync.Mutex
	handlers map[string]http.HandlerFunc
	hits     map[string]int
	times    map[string][]time.Time
}

func newTestSite(t *testing.T) *testSite {
	s := &testSite{t: t, handlers: map[string]http.HandlerFunc{}, hits: map[string]int{}, times: map[string][]time.Time{}}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	s.handle("/robots.txt", text("User-agent: *\nAllow: /\n"))
	return s
}

func (s *testSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
	h := s.handlers[r.URL.Path]
	s.mu.Unlock()
	if h == nil {
		http.NotFound(w, r)
		return
	}
	h(w, r)
}

func (s *testSite) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.handlers[path] = h
}

func (s *testSite) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// articleHits counts requests to article pages (/news/...).
func (s *testSite) articleHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for p, c := range s.hits {
		if strings.HasPrefix(p, "/news/") {
			n += c
		}
	}
	return n
}

// timesOf returns when each request for path came in.
func (s *testSite) timesOf(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.times[path])
}

func (s *testSite) url(path string) string { return s.srv.URL + path }

// addArticles serves article pages /news/1 ... /news/n.
func (s *testSite) addArticles(from, to int) {
	for i := from; i <= to; i++ {
		s.handle(fmt.Sprintf("/news/%d", i), html(articleHTML(i)))
	}
}

func articleHTML(i int) string {
	return fmt.Sprintf(`<html><head><title>Article %d</title></head><body><h1>Article %d</h1>
<p>MOSCOW, October 21. /TASS/. The New START treaty limits each side to no more than 1,550 deployed warheads, item %d.</p></body></html>`, i, i, i)
}

func text(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, body)
	}
}

func html(body string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}
}

// conditional serves body with an ETag derived from it and answers 304 to a matching
// If-None-Match, as real feeds behind a CDN do.
func conditional(contentType string, body func() string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b := body()
		etag := fmt.Sprintf(`"%x"`, len(b)*31+strings.Count(b, "<item>"))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", contentType)
		fmt.Fprint(w, b)
	}
}

func rssFeed(base string, ids ...int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test</title>`)
	for _, i := range ids {
		fmt.Fprintf(&b, `<item><title>Article %d</title><link>%s/news/%d</link><pubDate>Wed, 21 Oct 2020 13:0%d:00 +0300</pubDate></item>`, i, base, i, i%10)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// recorder is a Sink that keeps what it got and tells the MemState, as the store would.
type recorder struct {
	state *MemState
	mu    sync.Mutex
	pages []Page
	fail  func(Page) error
}

func (r *recorder) HandlePage(_ context.Context, p Page) (Outcome, error) {
	if r.fail != nil {
		if err := r.fail(p); err != nil {
			return "", err
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.pages = append(r.pages, p)
	r.state.MarkStored(p.URL)
	return New, nil
}

func (r *recorder) urls() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, p := range r.pages {
		out = append(out, p.URL)
	}
	return out
}

func testOptions() Options {
	return Options{
		UserAgent: "armswatch-test/1.0", Parallelism: 2, Delay: time.Millisecond, Timeout: 2 * time.Second,
		MaxBodyBytes: 1 << 20, AllowPrivate: true, Retries: 2, RetryBase: 5 * time.Millisecond,
		MaxRetryAfter: 5 * time.Second,
	}
}

func (s *testSite) source(feeds, sitemaps, starts []string) Source {
	return Source{
		Name: "test", Feeds: feeds, Sitemaps: sitemaps, StartURLs: starts,
		ArticlePattern: regexp.MustCompile(`/news/\d+$`), AllowedHosts: []string{"127.0.0.1"},
	}
}

func crawlOnce(t *testing.T, src Source, opt Options, st *MemState, rec *recorder) Stats {
	t.Helper()
	stats, err := Crawl(context.Background(), []Source{src}, opt, st, rec)
	if err != nil {
		t.Fatalf("Crawl: %v", err)
	}
	return stats
}
