package crawler

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The fault suite: a loopback site that misbehaves in every way the crawler has met or a
// hostile site would try next. Each case asserts that the run ends within a generous bound,
// that the heap stays under a cap (peak sampled with runtime.ReadMemStats, plus all bytes
// allocated), and that the failure is recorded with a reason that says what happened.

// bombSize is how far the compression bombs inflate (ARMSWATCH_BOMB_MB; default 1 GiB from
// about 1 MB on the wire, as in the audit).
func bombSize() int {
	if mb, err := strconv.Atoi(os.Getenv("ARMSWATCH_BOMB_MB")); err == nil && mb > 0 {
		return mb << 20
	}
	return 1 << 30
}

var zeroMiB = sync.OnceValue(func() []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Flush() // ends the segment on a byte boundary without a final block: segments chain
	return b.Bytes()
})

// gzipBomb is n bytes of zeros as concatenated gzip members (one per MiB), which gzip readers
// inflate as one stream: about 1 KB on the wire per MiB inflated.
func gzipBomb(n int) []byte {
	var m bytes.Buffer
	w, _ := gzip.NewWriterLevel(&m, gzip.BestCompression)
	w.Write(make([]byte, 1<<20))
	w.Close()
	return bytes.Repeat(m.Bytes(), n>>20)
}

// deflateBomb is n bytes of zeros as one zlib stream: repeated flushed deflate segments (each
// back-reference stays inside zeros), never finished, so only a reader that stops inflating
// ever returns.
func deflateBomb(n int) []byte {
	return append([]byte{0x78, 0xda}, bytes.Repeat(zeroMiB(), n>>20)...)
}

// heapWatch samples the heap while a crawl runs.
type heapWatch struct {
	peak       atomic.Uint64
	totalStart uint64
	stop, done chan struct{}
}

func watchHeap() *heapWatch {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	h := &heapWatch{totalStart: ms.TotalAlloc, stop: make(chan struct{}), done: make(chan struct{})}
	h.peak.Store(ms.HeapAlloc)
	go func() {
		defer close(h.done)
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > h.peak.Load() {
				h.peak.Store(ms.HeapAlloc)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

// end returns the peak heap and the bytes allocated since watchHeap.
func (h *heapWatch) end() (peak, allocated uint64) {
	close(h.stop)
	<-h.done
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return max(h.peak.Load(), ms.HeapAlloc), ms.TotalAlloc - h.totalStart
}

// faultCase is one misbehaviour and what must come of it.
type faultCase struct {
	name  string
	setup func(s *testSite) Source // handlers, and the source to crawl
	opt   func(*Options)
	runs  int           // crawls in a row (default 1)
	bound time.Duration // the runs end within this (generous: CI machines are shared)
	heap  uint64        // peak heap and allocation cap (default 64 MiB)
	alloc uint64        // total allocation cap (default 256 MiB)
	check func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats)
}

const mib = 1 << 20

func faultOptions() Options {
	o := testOptions()
	o.MaxBodyBytes = mib
	o.Retries = 1
	o.Timeout = 500 * time.Millisecond
	return o
}

// articleSource crawls a feed listing the given article paths.
func articleSource(s *testSite, paths ...string) Source {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>`)
	for _, p := range paths {
		fmt.Fprintf(&b, `<item><link>%s</link></item>`, s.url(p))
	}
	b.WriteString(`</channel></rss>`)
	s.handle("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, b.String())
	})
	src := s.source([]string{s.url("/rss.xml")}, nil, nil)
	src.ArticlePattern = nil
	return src
}

func serveBytes(contentType, encoding string, body func() []byte) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if contentType != "" {
			w.Header().Set("Content-Type", contentType)
		}
		if encoding != "" {
			w.Header().Set("Content-Encoding", encoding)
		}
		w.Write(body())
	}
}

// stall waits for the client to give up (or 20s), after sending headers when headers is set,
// then trickling a byte every 20ms when trickle is set.
func stall(headers, trickle bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		deadline := time.After(20 * time.Second)
		if headers {
			w.Header().Set("Content-Type", "text/html")
			w.WriteHeader(http.StatusOK)
			w.Write([]byte("<html><body><p>"))
			w.(http.Flusher).Flush()
		}
		for {
			select {
			case <-r.Context().Done():
				return
			case <-deadline:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if trickle {
				w.Write([]byte("a"))
				w.(http.Flusher).Flush()
			}
		}
	}
}

// rawResponse answers with bytes written straight to the connection, headers and all, so the
// answer can lie about its Content-Length.
func rawResponse(raw string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		buf.WriteString(raw)
		buf.Flush()
	}
}

// bigFeed serves an RSS feed of n items, its closing tags left off unless closed.
func bigFeed(s *testSite, n int, closed bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		bw := bufio.NewWriter(w)
		bw.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
		for i := range n {
			fmt.Fprintf(bw, `<item><title>%d</title><link>%s/news/%d</link></item>`, i, s.srv.URL, i)
		}
		if closed {
			bw.WriteString(`</channel></rss>`)
		}
		bw.Flush()
	}
}

func expectDetail(t *testing.T, st *MemState, u string, status Status, want ...string) {
	t.Helper()
	detail, attempts := st.DetailOf(u)
	t.Logf("recorded %s: %q after %d failed attempts", st.StatusOf(u), detail, attempts)
	if got := st.StatusOf(u); got != status {
		t.Errorf("%s: status %q, want %q (detail %q, %d attempts)", u, got, status, detail, attempts)
	}
	for _, w := range want {
		if !strings.Contains(detail, w) {
			t.Errorf("%s: recorded reason %q does not say %q", u, detail, w)
		}
	}
}

func expectSourceError(t *testing.T, stats Stats, want string) {
	t.Helper()
	ss := stats.Sources["test"]
	t.Logf("source error recorded: %q", ss.LastError)
	if ss.DocumentErrors == 0 || !strings.Contains(ss.LastError, want) {
		t.Errorf("source errors %d, last %q; want one saying %q", ss.DocumentErrors, ss.LastError, want)
	}
}

func faultCases() []faultCase {
	bomb := bombSize()
	gzBomb := sync.OnceValue(func() []byte { return gzipBomb(bomb) })
	zBomb := sync.OnceValue(func() []byte { return deflateBomb(bomb) })
	sitemapBomb := func(s *testSite, path string) {
		s.handle(path, serveBytes("application/x-gzip", "", gzBomb))
	}
	return []faultCase{
		{name: "gzip sitemap bomb configured", setup: func(s *testSite) Source {
			sitemapBomb(s, "/sitemap.xml.gz")
			return s.source(nil, []string{s.url("/sitemap.xml.gz")}, nil)
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectSourceError(t, stats, "max_body_bytes")
		}},
		{name: "gzip sitemap bomb as index child", setup: func(s *testSite) Source {
			sitemapBomb(s, "/child.xml.gz")
			s.handle("/index.xml", serveBytes("application/xml", "", func() []byte {
				return []byte(`<sitemapindex><sitemap><loc>` + s.url("/child.xml.gz") + `</loc></sitemap></sitemapindex>`)
			}))
			return s.source(nil, []string{s.url("/index.xml")}, nil)
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectSourceError(t, stats, "max_body_bytes")
		}},
		{name: "gzip sitemap bomb from robots.txt", setup: func(s *testSite) Source {
			sitemapBomb(s, "/robots-sitemap.xml.gz")
			s.handle("/robots.txt", text("User-agent: *\nAllow: /\nSitemap: "+s.url("/robots-sitemap.xml.gz")+"\n"))
			s.handle("/", html(`<html><body>home</body></html>`))
			return s.source(nil, nil, []string{s.url("/")})
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectSourceError(t, stats, "max_body_bytes")
		}},
		{name: "gzip content-encoding bomb on the sitemap and robots.txt", setup: func(s *testSite) Source {
			s.handle("/robots.txt", serveBytes("text/plain", "gzip", gzBomb))
			s.handle("/sitemap.xml", serveBytes("application/xml", "gzip", gzBomb))
			return s.source(nil, []string{s.url("/sitemap.xml")}, nil)
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectSourceError(t, stats, "max_body_bytes")
		}},
		{name: "gzip content-encoding bomb article", setup: func(s *testSite) Source {
			s.handle("/a", serveBytes("text/html", "gzip", gzBomb))
			return articleSource(s, "/a")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/a"), StatusGone, "max_body_bytes", "gzip")
		}},
		{name: "deflate content-encoding bomb article", setup: func(s *testSite) Source {
			s.handle("/a", serveBytes("text/html", "deflate", zBomb))
			return articleSource(s, "/a")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/a"), StatusGone, "max_body_bytes", "deflate")
		}},
		{name: "gzip of a gzip bomb, two encodings", setup: func(s *testSite) Source {
			outer := sync.OnceValue(func() []byte {
				var b bytes.Buffer
				w := gzip.NewWriter(&b)
				w.Write(gzBomb())
				w.Close()
				return b.Bytes()
			})
			s.handle("/a.gz", serveBytes("application/gzip", "gzip", outer))
			return articleSource(s, "/a.gz")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/a.gz"), StatusGone, "max_body_bytes")
		}},
		{name: "brotli not asked for, corrupt gzip", setup: func(s *testSite) Source {
			s.handle("/br", serveBytes("text/html", "br", func() []byte { return []byte("\x1b\x00\x00garbage") }))
			s.handle("/bad", serveBytes("text/html", "gzip", func() []byte { return []byte("\x1f\x8b\x08\x00garbage, not deflate at all") }))
			return articleSource(s, "/br", "/bad")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/br"), StatusGone, `"br" was not asked for`)
			expectDetail(t, st, s.url("/bad"), StatusGone, "undecodable")
			if s.hitsOf("/br") != 1 || s.hitsOf("/bad") != 1 {
				t.Errorf("undecodable bodies asked again: %d, %d requests", s.hitsOf("/br"), s.hitsOf("/bad"))
			}
		}},
		{name: "plain xml at .xml.gz and gzip on gzip sitemap are read", setup: func(s *testSite) Source {
			s.addArticles(1, 2)
			s.handle("/plain.xml.gz", serveBytes("application/xml", "", func() []byte {
				return []byte(`<urlset><url><loc>` + s.url("/news/1") + `</loc></url></urlset>`)
			}))
			s.handle("/double.xml.gz", serveBytes("application/x-gzip", "gzip", func() []byte {
				inner := gz(`<urlset><url><loc>` + s.url("/news/2") + `</loc></url></urlset>`)
				var b bytes.Buffer
				w := gzip.NewWriter(&b)
				w.Write(inner)
				w.Close()
				return b.Bytes()
			}))
			return s.source(nil, []string{s.url("/plain.xml.gz"), s.url("/double.xml.gz")}, nil)
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			if stats.New != 2 || stats.Sources["test"].DocumentErrors != 0 {
				t.Errorf("stats %+v %+v, want both sitemaps read", stats, stats.Sources["test"])
			}
		}},
		{name: "stalled headers are a timeout, given up", runs: 2, setup: func(s *testSite) Source {
			s.handle("/slow", stall(false, false))
			return articleSource(s, "/slow")
		}, opt: func(o *Options) { o.GiveUpAfter = 2 }, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/slow"), StatusGone, "timed out")
			if _, attempts := st.DetailOf(s.url("/slow")); attempts != 2 || stats.Failed != 1 {
				t.Errorf("%d attempts recorded, %d failed in the last run; want 2 and 1", attempts, stats.Failed)
			}
		}},
		{name: "trickling body is a timeout", setup: func(s *testSite) Source {
			s.handle("/trickle", stall(true, true))
			return articleSource(s, "/trickle")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/trickle"), StatusFailed, "timed out")
			if stats.Failed != 1 || stats.Pending != 1 {
				t.Errorf("stats %+v: want the page failed, and still pending for a later run", stats)
			}
		}},
		{name: "redirect chain and loop", setup: func(s *testSite) Source {
			for i := range 30 {
				s.handle(fmt.Sprintf("/r/%d", i), func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, fmt.Sprintf("/r/%d", i+1), http.StatusFound)
				})
			}
			s.handle("/loop/a", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/b", http.StatusFound) })
			s.handle("/loop/b", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop/a", http.StatusFound) })
			return articleSource(s, "/r/0", "/loop/a")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/r/0"), StatusGone, "too many redirects (11")
			expectDetail(t, st, s.url("/loop/a"), StatusGone, "redirect loop after 2 redirects")
		}},
		{name: "page with 50,000 links", setup: func(s *testSite) Source {
			s.handle("/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				bw := bufio.NewWriter(w)
				bw.WriteString("<html><body>")
				for i := range 50000 {
					fmt.Fprintf(bw, `<a href="/news/%d">%d</a>`, i, i)
				}
				bw.Flush()
			})
			return s.source(nil, nil, []string{s.url("/")})
		}, opt: func(o *Options) { o.MaxBodyBytes = 4 * mib; o.MaxPagesPerRun = 5; o.Timeout = 20 * time.Second }, heap: 96 * mib, alloc: 384 * mib,
			check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
				if stats.Discovered != 50000 || stats.Fetched != 5 || stats.Pending != 50000-5 {
					t.Errorf("stats %+v (source %+v): want 50000 discovered, 5 fetched, 49995 left for later", stats, *stats.Sources["test"])
				}
			}},
		{name: "sitemap index listing itself and endless children", setup: func(s *testSite) Source {
			s.handle("/idx.xml", func(w http.ResponseWriter, r *http.Request) {
				n, _ := strconv.Atoi(r.URL.Query().Get("n"))
				fmt.Fprintf(w, `<sitemapindex><sitemap><loc>%s</loc></sitemap><sitemap><loc>%s?n=%d</loc></sitemap></sitemapindex>`,
					s.url("/idx.xml"), s.url("/idx.xml"), n+1)
			})
			return s.source(nil, []string{s.url("/idx.xml")}, nil)
		}, opt: func(o *Options) { o.MaxSitemaps = 20 }, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			if n := s.hitsOf("/idx.xml"); n != 20 {
				t.Errorf("index read %d times, want max_sitemaps (20)", n)
			}
		}},
		{name: "feed with 100,000 items", setup: func(s *testSite) Source {
			s.handle("/big.xml", bigFeed(s, 100000, true))
			return s.source([]string{s.url("/big.xml")}, nil, nil)
		}, opt: func(o *Options) { o.MaxBodyBytes = 16 * mib; o.MaxPagesPerRun = 1; o.Timeout = 20 * time.Second }, heap: 128 * mib, alloc: 768 * mib,
			check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
				if stats.Discovered != 100000 || stats.Pending != 100000-1 {
					t.Errorf("stats %+v (source %+v): want 100000 discovered, 99999 left for later", stats, *stats.Sources["test"])
				}
			}},
		{name: "feed over max_body_bytes, never closed", setup: func(s *testSite) Source {
			s.handle("/big.xml", bigFeed(s, 100000, false))
			return s.source([]string{s.url("/big.xml")}, nil, nil)
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectSourceError(t, stats, "max_body_bytes")
		}},
		{name: "content-length lies", setup: func(s *testSite) Source {
			s.addArticles(1, 1)
			page := articleHTML(2)
			s.handle("/longer", rawResponse("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n"+page))
			s.handle("/shorter", rawResponse(fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", 20, page)+
				"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nforged"))
			return articleSource(s, "/longer", "/shorter", "/news/1")
		}, opt: func(o *Options) { o.Parallelism = 1 }, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/longer"), StatusFailed, "unexpected EOF")
			if s.hitsOf("/longer") != 2 {
				t.Errorf("a cut body is worth another attempt: %d requests", s.hitsOf("/longer"))
			}
			// The shorter body is all the client can know of; what follows it on the
			// connection must not be taken for the next answer.
			for _, p := range rec.pages {
				if p.URL == s.url("/shorter") && len(p.Body) != 20 {
					t.Errorf("shorter Content-Length: body %q", p.Body)
				}
				if p.URL == s.url("/news/1") && !strings.Contains(string(p.Body), "1,550") {
					t.Errorf("the page after a lying answer got %q", p.Body)
				}
			}
			if len(rec.pages) != 2 {
				t.Errorf("pages %v, want /shorter (as much as it said) and /news/1", rec.urls())
			}
		}},
		{name: "non-HTML answers are skipped with their type", setup: func(s *testSite) Source {
			pdf := []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
			s.handle("/doc.pdf", serveBytes("application/pdf", "", func() []byte { return pdf }))
			s.handle("/pdf-as-html", serveBytes("text/html", "", func() []byte { return pdf }))
			s.handle("/archive", serveBytes("text/html; charset=utf-8", "", func() []byte { return gz(articleHTML(3)) }))
			s.handle("/octet", serveBytes("application/octet-stream", "", func() []byte { return pdf }))
			s.handle("/octet-html", serveBytes("application/octet-stream", "", func() []byte { return []byte(articleHTML(4)) }))
			s.handle("/no-type", func(w http.ResponseWriter, r *http.Request) {
				w.Header()["Content-Type"] = nil // net/http would sniff one
				w.Write([]byte("\xef\xbb\xbf" + articleHTML(5)))
			})
			return articleSource(s, "/doc.pdf", "/pdf-as-html", "/archive", "/octet", "/octet-html", "/no-type")
		}, check: func(t *testing.T, s *testSite, st *MemState, rec *recorder, stats Stats) {
			expectDetail(t, st, s.url("/doc.pdf"), StatusDone, "skipped: not HTML (application/pdf)")
			expectDetail(t, st, s.url("/pdf-as-html"), StatusDone, "skipped: not HTML (application/pdf, sent as text/html)")
			expectDetail(t, st, s.url("/archive"), StatusDone, "skipped: not HTML (application/x-gzip, sent as text/html)")
			expectDetail(t, st, s.url("/octet"), StatusDone, "skipped: not HTML (application/pdf, sent as application/octet-stream)")
			got := strings.Join(rec.urls(), " ")
			if len(rec.pages) != 2 || !strings.Contains(got, "/octet-html") || !strings.Contains(got, "/no-type") || stats.NotHTML != 4 {
				t.Errorf("handed on %v (stats %+v); want only the two HTML pages", got, stats)
			}
		}},
	}
}

func TestFaultSuite(t *testing.T) {
	for _, fc := range faultCases() {
		t.Run(fc.name, func(t *testing.T) {
			s := newTestSite(t)
			src := fc.setup(s)
			opt := faultOptions()
			if fc.opt != nil {
				fc.opt(&opt)
			}
			bound, heapCap, allocCap := cmp(fc.bound, 30*time.Second), cmp(fc.heap, 64*mib), cmp(fc.alloc, 256*mib)
			st := NewMemState()
			rec := &recorder{state: st}
			ctx, cancel := context.WithTimeout(context.Background(), bound)
			defer cancel()
			hw := watchHeap()
			start := time.Now()
			var stats Stats
			var err error
			for range max(fc.runs, 1) {
				if stats, err = Crawl(ctx, []Source{src}, opt, st, rec); err != nil {
					break
				}
			}
			took := time.Since(start)
			peak, alloc := hw.end()
			t.Logf("took %s, peak heap %.1f MiB, allocated %.1f MiB", took.Round(time.Millisecond), float64(peak)/mib, float64(alloc)/mib)
			if err != nil {
				t.Fatalf("crawl did not end within %s: %v", bound, err)
			}
			if raceEnabled {
				allocCap *= 4 // the race detector allocates for its own bookkeeping
			}
			if peak > heapCap || alloc > allocCap {
				t.Errorf("peak heap %d MiB, allocated %d MiB; caps %d and %d MiB", peak/mib, alloc/mib, heapCap/mib, allocCap/mib)
			}
			fc.check(t, s, st, rec, stats)
		})
	}
}

func cmp[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}
