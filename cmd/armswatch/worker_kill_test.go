package main

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// genSite serves n generated articles listed in one sitemap, with a Crawl-delay, logging when
// each article request came in.
type genSite struct {
	*httptest.Server
	mu    sync.Mutex
	times []time.Time
	hits  map[string]int
}

func newGenSite(t testing.TB, n int, crawlDelay string) *genSite {
	return newGenSiteFrom(t, 1, n, crawlDelay)
}

// newGenSiteFrom serves articles numbered from first on: sites with different numbers have
// different articles (the same number on two sites is the same text, stored once).
func newGenSiteFrom(t testing.TB, first, n int, crawlDelay string) *genSite {
	s := &genSite{hits: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			fmt.Fprintf(w, "User-agent: *\nCrawl-delay: %s\n", crawlDelay)
		case r.URL.Path == "/sitemap.xml":
			s.log(r.URL.Path)
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
			for i := first; i < first+n; i++ {
				fmt.Fprintf(w, "<url><loc>%s/news/%d</loc></url>", s.URL, i)
			}
			fmt.Fprint(w, "</urlset>")
		case strings.HasPrefix(r.URL.Path, "/news/"):
			s.log(r.URL.Path)
			i, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/news/"))
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!DOCTYPE html><html lang="en"><head><title>Arms control talks, round %[1]d</title></head><body>
<h1 class="featured-content__headline">Arms control talks, round %[1]d</h1><p class="article-meta__publish-date">November %[2]d, 2026</p>
<div class="entry-content"><p>The delegations met for round %[1]d of the talks on strategic offensive arms in Geneva on Tuesday.</p>
<p>"We discussed the limits on deployed warheads," the Russian deputy foreign minister Sergei Ryabkov said after round %[1]d.</p>
<p>The New START treaty limits each side to 1,550 deployed strategic warheads. Round %[1]d ended without a joint statement.</p>
</div></body></html>`, i, 1+i%28)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *genSite) log(path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.times = append(s.times, time.Now())
	s.hits[path]++
}

// span is the time from the first logged request to the last.
func (s *genSite) span() time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	first, last := slices.MinFunc(s.times, time.Time.Compare), slices.MaxFunc(s.times, time.Time.Compare)
	return last.Sub(first)
}

// closest is the shortest time between two logged requests.
func (s *genSite) closest() time.Duration {
	s.mu.Lock()
	times := slices.Clone(s.times)
	s.mu.Unlock()
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	gap := time.Hour
	for i := 1; i < len(times); i++ {
		gap = min(gap, times[i].Sub(times[i-1]))
	}
	return gap
}

func genSiteConfig(t *testing.T, database, siteURL string) string {
	return genSitesConfig(t, database, map[string]string{"big": siteURL})
}

// genSitesConfig writes a config that crawls each generated site (name -> URL) through its
// sitemap, with the short delays of a loopback test, and returns its path.
func genSitesConfig(t testing.TB, database string, sites map[string]string) string {
	var cfg strings.Builder
	fmt.Fprintf(&cfg, `database = %q
user_agent = "armswatch-test/1.0"

[crawl]
parallelism = 4
delay = "1ms"
random_delay = "1ms"
timeout = "10s"
max_pages_per_run = 5000
max_pages_per_host = 5000
allow_private_addresses = true
`, database)
	for _, name := range slices.Sorted(maps.Keys(sites)) {
		fmt.Fprintf(&cfg, `
[[sources]]
name = %q
profile = "state"
language = "en"
sitemaps = ["%s/sitemap.xml"]
article_pattern = '^%s/news/\d+$'
`, name, sites[name], regexp.QuoteMeta(sites[name]))
	}
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(cfg.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestThreeWorkersOneKilled: three worker processes (split jobs) crawl a site of 2,000 articles with
// Crawl-delay 0.05; one is killed with SIGKILL midway. Every article is stored exactly once,
// no two requests to the host come closer than the delay (the shared host gate holds the host
// while a request is in flight and counts the delay from its answer, so the times the site
// logs are at least the delay apart whatever the load), no job is left running, and the rows
// are those of a SQLite crawl of the same site.
func TestThreeWorkersOneKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs three worker processes for minutes")
	}
	pg := pgtest.URL(t)
	const n = 2000
	site := newGenSite(t, n, "0.05")
	cfg := genSiteConfig(t, pg, site.URL)

	var workers []*exec.Cmd
	for range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "ARMSWATCH_TEST_CLI="+strings.Join([]string{"worker", "--config", cfg,
			"--every", "1h", "--concurrency", "4", "--rescue-after", "1m", "--quiet"}, "\x1f"))
		cmd.Stderr = os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		workers = append(workers, cmd)
	}
	defer func() {
		for _, w := range workers {
			w.Process.Kill()
			w.Wait()
		}
	}()
	db, err := pgstore.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	deadline := time.Now().Add(8 * time.Minute)
	stored := func() int { return storetest.Count(t, db, "SELECT count(*) FROM articles") }
	for stored() < n/4 && time.Now().Before(deadline) {
		if time.Since(deadline.Add(-8*time.Minute)) > 90*time.Second && stored() == 0 {
			t.Fatal("the workers stored nothing in 90 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err := workers[0].Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killedAt := stored()
	t.Logf("worker 1 killed with %d articles stored", killedAt)
	const unfinished = `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`
	for time.Now().Before(deadline) && (stored() < n || storetest.Count(t, db, unfinished) > 0) {
		time.Sleep(time.Second)
	}
	if got := stored(); got != n {
		t.Fatalf("%d articles stored, want %d", got, n)
	}
	if c := storetest.Count(t, db, "SELECT count(DISTINCT url) FROM articles"); c != n {
		t.Errorf("%d distinct URLs among %d articles", c, n)
	}
	if c := storetest.Count(t, db, unfinished); c != 0 {
		t.Errorf("%d jobs not finished (running, waiting or retrying)", c)
	}
	if c := storetest.Count(t, db, "SELECT count(*) FROM river_job WHERE kind = 'armswatch_article' AND state <> 'completed'"); c != 0 {
		t.Errorf("%d article jobs not completed", c)
	}
	// The discovery's run is finished by its last article job, the killed worker's rescued ones
	// included; each job's page is counted once, in the transaction that completes it (a page
	// stored by a job killed before that is found stored when the job runs again, and not
	// counted: at most the killed worker's 4 jobs in hand).
	if c := storetest.Count(t, db, "SELECT count(*) FROM crawl_runs WHERE status <> 'ok' OR finished_at IS NULL"); c != 0 {
		t.Errorf("%d crawl runs not finished ok", c)
	}
	if c := storetest.Count(t, db, "SELECT coalesce(sum(pages_new), 0) FROM crawl_runs"); c > n || c < n-4 {
		t.Errorf("the runs count %d new pages, want %d (at least %d)", c, n, n-4)
	}
	gap := site.closest()
	t.Logf("closest two requests to the host %s apart", gap)
	if gap < 50*time.Millisecond {
		t.Errorf("two requests to the host %s apart, closer than its Crawl-delay of 50 ms", gap)
	}
	// The whole crawl's span: it fails if each worker kept the delay on its own (three workers
	// would go three times as fast).
	if span, least := site.span(), time.Duration(n-1)*50*time.Millisecond; span < least {
		t.Errorf("%d article requests within %s, want at least %s (50 ms between all of them)", n, span, least)
	}
	// The same site crawled into SQLite, once the workers are done (the test process's own load
	// would delay the site's handlers and blur the times it logs), with a short Crawl-delay: the
	// rows do not depend on it.
	liteSite := newGenSite(t, n, "0.001")
	litePath := filepath.Join(t.TempDir(), "lite.db")
	if code, out, errs := runCLIContext(context.Background(), "crawl", "--config", genSiteConfig(t, litePath, liteSite.URL), "--quiet"); code != 0 {
		t.Fatalf("SQLite crawl: exit %d %s%s", code, out, errs)
	}
	lite := openSQL(t, litePath)
	pgRows, liteRows := articleRows(t, db.Query, site.URL), articleRows(t, liteQuery(lite), liteSite.URL)
	if !slices.Equal(pgRows, liteRows) {
		t.Errorf("PostgreSQL and SQLite rows differ: %d and %d, first %v and %v", len(pgRows), len(liteRows), pgRows[:1], liteRows[:1])
	}
}

type queryFunc func(ctx context.Context, query string, args ...any) (*sql.Rows, error)

func liteQuery(db *sql.DB) queryFunc { return db.QueryContext }

// articleRows lists each article's path on its site, title, dates, body hash and number of
// statements, in URL order: what must be the same whichever database a crawl wrote.
func articleRows(t *testing.T, query queryFunc, base string) []string {
	t.Helper()
	rows, err := query(context.Background(), `SELECT a.url, a.title, coalesce(a.published_utc, ''), a.content_hash,
		(SELECT count(*) FROM statements s WHERE s.article_id = a.id) FROM articles a ORDER BY a.url`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u, title, published, hash string
		var statements int
		if err := rows.Scan(&u, &title, &published, &hash, &statements); err != nil {
			t.Fatal(err)
		}
		out = append(out, strings.Join([]string{strings.TrimPrefix(u, base), title, published, hash, strconv.Itoa(statements)}, "|"))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
