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

// TestSplitWorkersShareTheArticles runs two workers with --split: discovery jobs queue one job
// per article, the workers share them, every article is stored once, each article job ends
// completed, none is left running, and the host's delay holds between all their requests.
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
			codes[i], _, errs[i] = runCLIContext(ctx, "worker", "--split", "--config", path, "--every", "1h", "--quiet")
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
