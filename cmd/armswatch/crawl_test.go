package main

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/armswatch/armswatch/demo"
	"github.com/armswatch/armswatch/store"

	_ "github.com/mattn/go-sqlite3"
)

// The SIGKILL test runs this test binary as a crawl process: with ARMSWATCH_TEST_CLI set,
// TestMain runs the command line in it instead of the tests.
func TestMain(m *testing.M) {
	if args := os.Getenv("ARMSWATCH_TEST_CLI"); args != "" {
		e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}
		os.Exit(run(context.Background(), e, strings.Split(args, "\x1f")))
	}
	os.Exit(m.Run())
}

// demoSite serves the embedded TASS-like demo site on loopback, counting article requests and
// optionally slowing them down.
type demoSite struct {
	*httptest.Server
	articles atomic.Int64
	slow     atomic.Int64 // nanoseconds per article page

	mu    sync.Mutex
	times []time.Time // when each request but robots.txt's came in
}

// requestTimes returns when the requests other than robots.txt's came in, in order.
func (s *demoSite) requestTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := slices.Clone(s.times)
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

var articlePath = regexp.MustCompile(`^/[a-z]+/\d+$`)

func newDemoSite(t *testing.T) *demoSite {
	t.Helper()
	files := demo.Site()
	routes, err := demo.Routes(files)
	if err != nil {
		t.Fatal(err)
	}
	s := &demoSite{}
	var h http.Handler
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/robots.txt" {
			s.mu.Lock()
			s.times = append(s.times, time.Now())
			s.mu.Unlock()
		}
		if articlePath.MatchString(r.URL.Path) {
			s.articles.Add(1)
			time.Sleep(time.Duration(s.slow.Load()))
		}
		h.ServeHTTP(w, r)
	}))
	h = demo.Handler(files, routes, s.URL)
	t.Cleanup(s.Close)
	return s
}

func articleCount(t *testing.T) int {
	files := demo.Site()
	routes, err := demo.Routes(files)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for p := range routes {
		if articlePath.MatchString(p) {
			n++
		}
	}
	return n
}

// writeConfig writes a config crawling the site as the "tass" source, with tiny delays.
func writeConfig(t *testing.T, dir, base string) string {
	t.Helper()
	cfg := fmt.Sprintf(`database = %q
user_agent = "armswatch-test/1.0"

[crawl]
parallelism = 2
delay = "1ms"
random_delay = "1ms"
timeout = "5s"
allow_private_addresses = true

[[sources]]
name = "tass"
profile = "tass"
language = "en"
feeds = ["%[2]s/rss/v2.xml"]
start_urls = ["%[2]s/politics"]
article_pattern = '^%[3]s/[a-z-]+/\d+$'
`, filepath.Join(dir, "armswatch.db"), base, regexp.QuoteMeta(base))
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openSQL(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func queryInt(t *testing.T, db *sql.DB, q string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRow(q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestCrawlEndToEnd(t *testing.T) {
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	want := articleCount(t)

	code, out, errs := runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("crawl: exit %d\nstdout %s\nstderr %s", code, out, errs)
	}
	if !strings.Contains(out, fmt.Sprintf("%d new", want)) || strings.Count(out, "\n") != 1 || errs != "" {
		t.Fatalf("not on a terminal a crawl prints one summary line and no errors; got stdout %q stderr %q", out, errs)
	}
	db := openSQL(t, filepath.Join(dir, "armswatch.db"))
	if n := queryInt(t, db, "SELECT count(*) FROM articles WHERE source = 'tass'"); n != want {
		t.Fatalf("%d articles stored, want %d", n, want)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM articles WHERE title = '' OR body = '' OR published IS NULL"); n != 0 {
		t.Errorf("%d articles without title, body or published time", n)
	}
	// The feed's items carry pubDate; the seed article's own time wins over it.
	var pub string
	db.QueryRow("SELECT published FROM articles WHERE url LIKE '%/politics/1215477'").Scan(&pub)
	if !strings.HasPrefix(pub, "2020-10-21") {
		t.Errorf("seed article published %q", pub)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM statements"); n == 0 {
		t.Error("no statements stored")
	}
	if n := queryInt(t, db, "SELECT count(*) FROM crawl_runs WHERE status = 'ok' AND pages_new = ? AND finished_at IS NOT NULL", want); n != 1 {
		t.Errorf("crawl_runs has no finished ok row with %d new", want)
	}

	// Second run: feed and section page answer 304, no article page is requested.
	before := site.articles.Load()
	code, out, _ = runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 || site.articles.Load() != before {
		t.Fatalf("second run: exit %d, %d article requests; want none\n%s", code, site.articles.Load()-before, out)
	}
	if !strings.Contains(out, "0 new") || !strings.Contains(out, "2 not modified") {
		t.Errorf("second run summary: %s", out)
	}

	code, out, errs = runCLI(t, "", "status", "--db", filepath.Join(dir, "armswatch.db"))
	if code != 0 || !strings.Contains(out, "tass") || !strings.Contains(out, "0% of 2 runs") {
		t.Fatalf("status: exit %d\n%s%s", code, out, errs)
	}
	t.Log("\n" + out)
}

func TestCrawlJSONLogsAndQuiet(t *testing.T) {
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg, "--log-format", "json", "--max-pages", "2")
	if code != 0 || out != "" {
		t.Fatalf("exit %d, stdout %q", code, out)
	}
	lines := strings.Split(strings.TrimSpace(errs), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "{") || !strings.Contains(last, `"msg":"crawl finished"`) || !strings.Contains(last, `"fetched":2`) {
		t.Fatalf("last JSON line %q", last)
	}
	code, out, errs = runCLI(t, "", "crawl", "--config", cfg, "--quiet", "--max-pages", "1")
	if code != 0 || out != "" || errs != "" {
		t.Fatalf("--quiet printed: exit %d %q %q", code, out, errs)
	}
}

func TestCrawlUsageErrors(t *testing.T) {
	site := newDemoSite(t)
	cfg := writeConfig(t, t.TempDir(), site.URL)
	for _, args := range [][]string{
		{"crawl", "--config", cfg, "--source", "nosuch"},
		{"crawl", "--config", cfg, "--log-format", "xml"},
		{"crawl", "--config", filepath.Join(t.TempDir(), "missing.toml")},
	} {
		if code, _, errs := runCLI(t, "", args...); code != exitUsage || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want 2 and one line", args, code, errs)
		}
	}
}

func TestOverlappingRunsOneExits3(t *testing.T) {
	site := newDemoSite(t)
	site.slow.Store(int64(20 * time.Millisecond))
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	errs := make([]string, 2)
	start := make(chan struct{})
	for i := range 2 {
		wg.Go(func() {
			<-start
			codes[i], _, errs[i] = runCLI(t, "", "crawl", "--config", cfg, "--max-pages", "3")
		})
	}
	close(start)
	wg.Wait()
	if !(codes[0] == 0 && codes[1] == exitLocked || codes[0] == exitLocked && codes[1] == 0) {
		t.Fatalf("exit codes %v, want one 0 and one 3; stderr %q", codes, errs)
	}
	locked := errs[0] + errs[1]
	if !regexp.MustCompile(fmt.Sprintf(`locked by run pid %d started \d{4}-\d\d-\d\d`, os.Getpid())).MatchString(locked) || strings.Count(locked, "\n") != 1 {
		t.Fatalf("the locked run must print one line naming the holder's pid and start; got %q", locked)
	}
}

// TestSIGKILLThenResume kills a crawl process mid-way and checks that the next run completes
// the crawl with every article stored once and an intact database.
func TestSIGKILLThenResume(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a child process")
	}
	site := newDemoSite(t)
	// Slow enough that the crawl's first batch (batchAge) commits while pages are left.
	site.slow.Store(int64(400 * time.Millisecond))
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	dbPath := filepath.Join(dir, "armswatch.db")
	want := articleCount(t)

	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "ARMSWATCH_TEST_CLI="+strings.Join([]string{"crawl", "--config", cfg}, "\x1f"))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once a few articles are stored, while others are in flight.
	deadline := time.Now().Add(30 * time.Second)
	for {
		if n := storedArticles(dbPath); n >= 3 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the child crawl stored nothing in 30s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	killedAt := storedArticles(dbPath)
	if killedAt >= want {
		t.Fatalf("the child finished before it was killed (%d articles); slow the site down", killedAt)
	}

	site.slow.Store(0)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 {
		t.Fatalf("run after SIGKILL: exit %d\n%s%s", code, out, errs)
	}
	db := openSQL(t, dbPath)
	var integrity string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity_check: %q %v", integrity, err)
	}
	if n, d := queryInt(t, db, "SELECT count(*) FROM articles"), queryInt(t, db, "SELECT count(DISTINCT content_hash) FROM articles"); n != want || d != want {
		t.Fatalf("after resume %d articles (%d distinct contents), want %d each (killed at %d)", n, d, want, killedAt)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM frontier WHERE state <> 'done'"); n != 0 {
		t.Errorf("%d frontier entries not done", n)
	}
	if n := queryInt(t, db, "SELECT count(*) FROM crawl_runs WHERE status = 'interrupted' AND finished_at IS NULL AND error LIKE '%killed%'"); n != 1 {
		t.Errorf("the killed run is not recorded as interrupted by the next run")
	}
	t.Logf("killed with %d of %d articles stored; the next run %s", killedAt, want, strings.TrimSpace(out))
}

func storedArticles(path string) int {
	if _, err := os.Stat(path); err != nil {
		return 0
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return 0
	}
	defer db.Close()
	rows, err := db.Query(context.Background(), "SELECT count(*) FROM articles")
	if err != nil {
		return 0
	}
	defer rows.Close()
	n := 0
	if rows.Next() {
		rows.Scan(&n)
	}
	return n
}

// TestMaxPagesZeroIsRefused checks that --max-pages 0 crawls nothing: it used to mean the
// config's limit and fetched hundreds of pages.
func TestMaxPagesZeroIsRefused(t *testing.T) {
	site := newDemoSite(t)
	cfg := writeConfig(t, t.TempDir(), site.URL)
	code, out, errs := runCLI(t, "", "crawl", "--config", cfg, "--max-pages", "0")
	if code != exitUsage || errs != "armswatch: crawl: --max-pages must be a positive number (leave it out for the config's max_pages_per_run)\n" {
		t.Errorf("exit %d\nstdout %s\nstderr %q", code, out, errs)
	}
	if n := site.articles.Load(); n != 0 {
		t.Errorf("%d article pages fetched", n)
	}
	_, help, _ := runCLI(t, "", "crawl", "-h")
	if !strings.Contains(help, "a positive number") {
		t.Errorf("crawl -h does not say what --max-pages takes:\n%s", help)
	}
}

// TestConfigDatabaseIsRelativeToTheConfigFile checks that a relative database in a config
// passed with --config lives beside the config, not in the working directory, while --db stays
// relative to the working directory.
func TestConfigDatabaseIsRelativeToTheConfigFile(t *testing.T) {
	site := newDemoSite(t)
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "etc", "data"), 0o755)
	cfg := writeConfig(t, filepath.Join(dir, "etc"), site.URL)
	data := mustRead(t, cfg)
	data = regexp.MustCompile(`(?m)^database = .*$`).ReplaceAll(data, []byte(`database = "data/news.db"`))
	if err := os.WriteFile(cfg, data, 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	os.MkdirAll(work, 0o755)
	t.Chdir(work)
	if code, out, errs := runCLI(t, "", "crawl", "--config", "../etc/config.toml", "--max-pages", "1", "--quiet"); code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "etc", "data", "news.db")); err != nil {
		t.Errorf("the database is not beside the config: %v", err)
	}
	if _, err := os.Stat(filepath.Join(work, "data")); err == nil {
		t.Errorf("a database was made under the working directory")
	}
	if code, out, errs := runCLI(t, "", "status", "--config", "../etc/config.toml"); code != 0 || !strings.Contains(out, "tass") {
		t.Errorf("status --config: exit %d\n%s%s", code, out, errs)
	}
	if code, _, errs := runCLI(t, "", "query", "--db", "../etc/data/news.db", "SELECT count(*) FROM articles"); code != 0 {
		t.Errorf("--db relative to the working directory: exit %d %s", code, errs)
	}
}
