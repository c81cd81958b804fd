package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/armswatch/armswatch/demo"
	"github.com/armswatch/armswatch/store"
)

// runCLIContext is runCLI with a context the test controls (SIGINT is ctx cancellation).
func runCLIContext(ctx context.Context, args ...string) (int, string, string) {
	var out, errb lockedBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	code := run(ctx, e, args)
	return code, out.String(), errb.String()
}

func TestInterruptFinishesAndRecords(t *testing.T) {
	site := newDemoSite(t)
	// Slow enough that the crawl's first batch (batchAge) commits while pages are left.
	site.slow.Store(int64(300 * time.Millisecond))
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for storedArticles(filepath.Join(dir, "armswatch.db")) < 2 {
			time.Sleep(5 * time.Millisecond)
		}
		cancel() // what SIGINT or SIGTERM does through signal.NotifyContext
	}()
	code, out, errs := runCLIContext(ctx, "crawl", "--config", cfg)
	if code != exitFailed || !strings.Contains(errs, "interrupted") || !strings.Contains(out, "interrupted") {
		t.Fatalf("exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	db := openSQL(t, filepath.Join(dir, "armswatch.db"))
	if n := queryInt(t, db, "SELECT count(*) FROM crawl_runs WHERE status = 'interrupted' AND finished_at IS NOT NULL"); n != 1 {
		t.Fatalf("interrupted run not recorded")
	}
	stored := queryInt(t, db, "SELECT count(*) FROM articles")
	done := queryInt(t, db, "SELECT count(*) FROM frontier WHERE state = 'done'")
	if stored != done || stored == articleCount(t) {
		t.Fatalf("%d articles stored, %d frontier entries done: the pages in hand must be finished, the rest left", stored, done)
	}
}

func TestCrawlEvery(t *testing.T) {
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for queryRuns(filepath.Join(dir, "armswatch.db")) < 3 {
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
	}()
	code, out, errs := runCLIContext(ctx, "crawl", "--config", cfg, "--every", "50ms", "--max-pages", "1")
	if code != 0 || strings.Count(out, "crawl run ") < 3 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
}

func queryRuns(path string) int {
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return 0
	}
	defer db.Close()
	rs, _ := db.Runs(context.Background(), 100)
	n := 0
	for _, r := range rs {
		if r.FinishedAt != nil {
			n++
		}
	}
	return n
}

func TestSourceKeywordsFilter(t *testing.T) {
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	data, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, append(data, []byte("keywords = [\"Burevestnik\", \"Sarmat\"]\n")...), 0o644)
	// The feed lists Burevestnik (3rd) and Sarmat (5th) among its first five items.
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg, "--max-pages", "5")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	db := openSQL(t, filepath.Join(dir, "armswatch.db"))
	n := queryInt(t, db, "SELECT count(*) FROM articles")
	if n == 0 || n >= 5 {
		t.Fatalf("%d articles kept of 5; want only those naming Burevestnik or Sarmat", n)
	}
	if k := queryInt(t, db, "SELECT count(*) FROM articles WHERE body LIKE '%Burevestnik%' OR body LIKE '%Sarmat%' OR title LIKE '%Burevestnik%' OR title LIKE '%Sarmat%'"); k != n {
		t.Fatalf("%d of %d kept articles do not name a keyword", n-k, n)
	}
	// Skipped pages are done: not fetched again by later runs.
	if d := queryInt(t, db, "SELECT count(*) FROM frontier WHERE state = 'done'"); d != 5 {
		t.Fatalf("%d frontier entries done, want the 5 fetched (kept or skipped)", d)
	}
}

// lockedBuffer is a bytes.Buffer safe for the crawl's concurrent log writes.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// bigSite is a loopback news site of n articles listed in one RSS feed; conditional says
// whether the feed answers If-None-Match with 304.
func bigSite(tb testing.TB, n int, conditional bool) (*httptest.Server, *atomic.Int64) {
	var articles atomic.Int64
	var feed bytes.Buffer
	feed.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		case r.URL.Path == "/rss.xml":
			if conditional {
				w.Header().Set("ETag", `"v1"`)
				if r.Header.Get("If-None-Match") == `"v1"` {
					w.WriteHeader(http.StatusNotModified)
					return
				}
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			w.Write(feed.Bytes())
		case strings.HasPrefix(r.URL.Path, "/politics/"):
			articles.Add(1)
			id := strings.TrimPrefix(r.URL.Path, "/politics/")
			fmt.Fprintf(w, `<html><head><title>Report %s</title></head><body><article><h1>Report %s on strategic stability</h1>
<p>MOSCOW, November 5. /TASS/. Russia and the United States each keep no more than 1,550 deployed warheads under the New START treaty, report %s said.</p>
<p>"We remain open to dialogue," Deputy Foreign Minister Sergey Ryabkov told reporters on Tuesday, in statement %s.</p></article></body></html>`, id, id, id, id)
		default:
			http.NotFound(w, r)
		}
	}))
	for i := 10001; i <= 10000+n; i++ { // five-digit ids: "Report 404" would read as an error page
		fmt.Fprintf(&feed, `<item><title>Report %d</title><link>%s/politics/%d</link><pubDate>Wed, 05 Nov 2025 17:05:00 +0300</pubDate></item>`, i, srv.URL, i)
	}
	feed.WriteString(`</channel></rss>`)
	tb.Cleanup(srv.Close)
	return srv, &articles
}

func bigConfig(tb testing.TB, dir, base string) *appConfig {
	cfg := fmt.Sprintf(`database = %q
[crawl]
parallelism = 4
delay = "0s"
random_delay = "0s"
timeout = "10s"
max_pages_per_run = 5000
max_pages_per_host = 5000
allow_private_addresses = true
[[sources]]
name = "big"
feeds = ["%[2]s/rss.xml"]
article_pattern = '^%[3]s/politics/\d+$'
`, filepath.Join(dir, "big.db"), base, regexp.QuoteMeta(base))
	path := filepath.Join(dir, "config.toml")
	os.WriteFile(path, []byte(cfg), 0o644)
	c, err := loadConfig(path, true)
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// BenchmarkNothingNew1000 measures a cron run that finds nothing new on a loopback site of
// 1,000 stored articles: with a feed answering 304, and with a feed re-sent in full (1,000
// links checked against the frontier). The first, full crawl happens before the timer.
//
//	go test ./cmd/armswatch -run '^$' -bench NothingNew -benchtime 20x
func BenchmarkNothingNew1000(b *testing.B) {
	for _, conditional := range []bool{true, false} {
		b.Run(fmt.Sprintf("feed304=%v", conditional), func(b *testing.B) {
			srv, articles := bigSite(b, 1000, conditional)
			dir := b.TempDir()
			cfg := bigConfig(b, dir, srv.URL)
			db, err := store.Open(cfg.Database)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
			start := time.Now()
			st, err := crawlOnce(context.Background(), e, cfg, db, crawlFlags{quiet: true})
			if err != nil || st.New != 1000 {
				b.Fatalf("first crawl: %+v %v %+v", st, err, *st.Sources["big"])
			}
			b.Logf("first crawl of 1,000 articles: %s", time.Since(start).Round(time.Millisecond))
			before := articles.Load()
			b.ResetTimer()
			for b.Loop() {
				if _, err := crawlOnce(context.Background(), e, cfg, db, crawlFlags{quiet: true}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			if articles.Load() != before {
				b.Fatalf("%d article pages fetched by runs with nothing new", articles.Load()-before)
			}
		})
	}
}

func TestDuplicatesByCanonicalURLAndContent(t *testing.T) {
	files := demo.Site()
	routes, err := demo.Routes(files)
	if err != nil {
		t.Fatal(err)
	}
	seed := routes["/politics/1215477"]
	// The same article under two more URLs (an AMP copy and a print view): one stored.
	routes["/amp/1215477"] = seed
	routes["/print/1215477"] = seed
	var srv *httptest.Server
	var h http.Handler
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/dup.xml" {
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>d</title><item><link>%[1]s/politics/1215477</link></item>
<item><link>%[1]s/amp/1215477</link></item><item><link>%[1]s/print/1215477</link></item></channel></rss>`, srv.URL)
			return
		}
		h.ServeHTTP(w, r)
	}))
	h = demo.Handler(files, routes, srv.URL)
	defer srv.Close()
	dir := t.TempDir()
	cfg := writeConfig(t, dir, srv.URL)
	data, _ := os.ReadFile(cfg)
	data = bytes.Replace(data, []byte("/rss/v2.xml"), []byte("/dup.xml"), 1)
	data = bytes.Replace(data, []byte(`start_urls = ["`+srv.URL+`/politics"]`), []byte("start_urls = []"), 1)
	os.WriteFile(cfg, data, 0o644)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	db := openSQL(t, filepath.Join(dir, "armswatch.db"))
	if n := queryInt(t, db, "SELECT count(*) FROM articles"); n != 1 || !strings.Contains(out, "1 new, 0 changed, 2 unchanged") {
		t.Fatalf("%d articles stored from three copies; %s", n, out)
	}
}
