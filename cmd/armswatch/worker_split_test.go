package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestSplitWorkersShareTheArticles runs two workers (split jobs, the default): discovery jobs
// queue one job per article, the workers share them, every article is stored once, each
// article job ends completed, none is left running, and the host's delay holds between all
// their requests. The discovery is one crawl run which counts every article job's page and is
// finished by the last one, and status's health sees the source's run.
func TestSplitWorkersShareTheArticles(t *testing.T) {
	pg := pgtest.URL(t)
	site := newDemoSite(t)
	cfg := fmt.Sprintf(`database = %q
user_agent = "armswatch-test/1.0"

[crawl]
parallelism = 2
delay = "20ms"
timeout = "5s"
allow_private_addresses = true

[[sources]]
name = "feed"
profile = "tass"
language = "en"
feeds = ["%[2]s/rss/v2.xml"]
start_urls = ["%[2]s/politics"]
article_pattern = '^%[3]s/[a-z-]+/\d+$'
`, pg, site.URL, regexp.QuoteMeta(site.URL))
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	codes, errs := make([]int, 2), make([]string, 2)
	for i := range codes {
		wg.Go(func() {
			codes[i], _, errs[i] = runCLIContext(ctx, "worker", "--config", path, "--every", "1h", "--quiet")
		})
	}
	db, err := pgstore.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	want := articleCount(t)
	deadline := time.Now().Add(2 * time.Minute)
	done := func() bool {
		if storetest.Count(t, db, "SELECT count(*) FROM pg_tables WHERE tablename = 'river_job' AND schemaname = current_schema()") == 0 {
			return false // the workers are still making the queue's tables
		}
		return storetest.Count(t, db, "SELECT count(*) FROM river_job WHERE kind = 'armswatch_article' AND state = 'completed'") >= want
	}
	for !done() && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	for i, code := range codes {
		if code != 0 {
			t.Errorf("worker %d: exit %d: %s", i, code, errs[i])
		}
	}
	if n := storetest.Count(t, db, "SELECT count(*) FROM articles"); n != want {
		t.Errorf("%d articles stored, want %d", n, want)
	}
	if n := storetest.Count(t, db, "SELECT count(DISTINCT url) FROM articles"); n != want {
		t.Errorf("%d distinct URLs, want %d", n, want)
	}
	if n := site.articles.Load(); n != int64(want) {
		t.Errorf("%d article requests, want each of the %d fetched once", n, want)
	}
	rows, err := db.Query(context.Background(), `SELECT kind, state, count(*) FROM river_job GROUP BY kind, state ORDER BY kind, state`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var jobs []string
	for rows.Next() {
		var kind, state string
		var n int
		rows.Scan(&kind, &state, &n)
		jobs = append(jobs, fmt.Sprintf("%s:%s:%d", kind, state, n))
	}
	if got, w := strings.Join(jobs, " "), fmt.Sprintf("armswatch_article:completed:%d armswatch_discover:completed:1", want); got != w {
		t.Errorf("jobs %q, want %q", got, w)
	}
	var status string
	var fetched, stored, failed int
	var finished *string
	runs, err := db.Query(context.Background(), `SELECT status, finished_at, pages_fetched, pages_new, pages_failed FROM crawl_runs`)
	if err != nil {
		t.Fatal(err)
	}
	defer runs.Close()
	if !runs.Next() {
		t.Fatal("no crawl run recorded")
	}
	if err := runs.Scan(&status, &finished, &fetched, &stored, &failed); err != nil {
		t.Fatal(err)
	}
	if runs.Next() {
		t.Error("more than one crawl run, want one for the one discovery")
	}
	if status != "ok" || finished == nil || fetched != want || stored != want || failed != 0 {
		t.Errorf("run %s finished %v: %d fetched, %d new, %d failed; want ok, finished, %d fetched and new", status, finished, fetched, stored, failed, want)
	}
	if n := storetest.Count(t, db, fmt.Sprintf(`SELECT count(*) FROM crawl_run_sources
		WHERE source = 'feed' AND documents = 2 AND document_errors = 0 AND fetched = %d AND new = %d AND failed = 0`, want, want)); n != 1 {
		t.Errorf("the source's counts of the run are not 2 documents and %d pages fetched and new", want)
	}
	code, out, stderr := runCLI(t, "", "status", "--db", pg)
	if code != 0 || !regexp.MustCompile(`(?m)^feed\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+0% of 1 runs\s+\S+\s+`+fmt.Sprint(want)+`\s+0\s*$`).MatchString(out) {
		t.Errorf("status: exit %d, want feed's last success, 0%% of 1 runs and %d articles:\n%s%s", code, want, out, stderr)
	}
	times := site.requestTimes()
	gap := time.Hour
	for i := 1; i < len(times); i++ {
		gap = min(gap, times[i].Sub(times[i-1]))
	}
	t.Logf("%d requests in %s, the closest %s apart", len(times), times[len(times)-1].Sub(times[0]), gap)
	if gap < 10*time.Millisecond {
		t.Errorf("two requests to one host %s apart, want the 20 ms delay between all the workers' requests", gap)
	}
}
