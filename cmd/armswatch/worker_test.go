package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestWorkersShareTheSources runs two workers (--split=false) against one PostgreSQL database
// and a config of two sources: each source is crawled once (one job each, never two at once), every article is
// stored once, no worker closes the other's run as dead (but the source's job closes the run a
// killed worker left running), and no job is left running. Both
// sources are on one host: the workers keep its delay between all their requests together
// (the hosts' state is in the database), not each on its own.
func TestWorkersShareTheSources(t *testing.T) {
	pg := pgtest.URL(t)
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := fmt.Sprintf(`database = %q
user_agent = "armswatch-test/1.0"

[crawl]
parallelism = 2
delay = "40ms"
timeout = "5s"
allow_private_addresses = true

[[sources]]
name = "feed"
profile = "tass"
language = "en"
feeds = ["%[2]s/rss/v2.xml"]
article_pattern = '^%[3]s/[a-z-]+/\d+$'

[[sources]]
name = "politics"
profile = "tass"
language = "en"
start_urls = ["%[2]s/politics"]
article_pattern = '^%[3]s/[a-z-]+/\d+$'
`, pg, site.URL, regexp.QuoteMeta(site.URL))
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := pgstore.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A run a killed worker left running: the source's next job closes it as interrupted.
	dead, err := db.StartRun(context.Background(), []string{"feed"})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	var exited atomic.Int32
	codes := make([]int, 2)
	errs := make([]string, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer exited.Add(1)
			codes[i], _, errs[i] = runCLIContext(ctx, "worker", "--split=false", "--config", path, "--every", "1h", "--quiet")
		}()
	}
	deadline := time.Now().Add(2 * time.Minute)
	waiting := func() bool { return exited.Load() == 0 && time.Now().Before(deadline) }
	for waiting() && storetest.Count(t, db, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'") < 2 {
		time.Sleep(50 * time.Millisecond)
	}
	// The jobs' completion is recorded just after their runs'.
	for waiting() && storetest.Count(t, db, "SELECT count(*) FROM river_job WHERE state = 'completed'") < 2 {
		time.Sleep(50 * time.Millisecond)
	}
	// While a worker's crawl may run, armswatch crawl is refused (exit 3); after, it may.
	lock, err := pgstore.LockShared(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "", "crawl", "--config", path); code != 3 || !strings.Contains(stderr, "is locked by") {
		t.Errorf("armswatch crawl while a worker's crawl runs: exit %d: %s", code, stderr)
	}
	lock.Unlock()
	cancel()
	wg.Wait()
	for i, code := range codes {
		if code != 0 {
			t.Errorf("worker %d: exit %d: %s", i, code, errs[i])
		}
	}
	// No two requests to the host closer than the delay: the shared gate holds the host until
	// each answer and counts the delay from it (each worker keeping the delay alone let
	// requests of both come within a few ms).
	times := site.requestTimes()
	gap := time.Hour
	for i := 1; i < len(times); i++ {
		gap = min(gap, times[i].Sub(times[i-1]))
	}
	t.Logf("%d requests in %s, the closest %s apart", len(times), times[len(times)-1].Sub(times[0]), gap)
	if gap < 40*time.Millisecond {
		t.Errorf("two requests to one host %s apart, want the 40 ms delay between all the workers' requests", gap)
	}
	want := articleCount(t)
	if n := storetest.Count(t, db, "SELECT count(DISTINCT url) FROM articles"); n != want {
		t.Errorf("%d articles stored, want %d", n, want)
	}
	if n := storetest.Count(t, db, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'"); n != 2 {
		t.Errorf("%d finished runs, want one per source", n)
	}
	if n := storetest.Count(t, db, fmt.Sprintf("SELECT count(*) FROM crawl_runs WHERE status <> 'ok' AND id <> %d", dead)); n != 0 {
		t.Errorf("%d runs not ok (a worker closed another's running run?)", n)
	}
	if n := storetest.Count(t, db, fmt.Sprintf("SELECT count(*) FROM crawl_runs WHERE status = 'interrupted' AND id = %d", dead)); n != 1 {
		t.Errorf("the killed worker's run %d was not closed as interrupted", dead)
	}
	rows, err := db.Query(context.Background(), `SELECT args->>'source', state FROM river_job
		WHERE kind = 'armswatch_crawl_source' ORDER BY args->>'source'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var jobs []string
	for rows.Next() {
		var src, state string
		rows.Scan(&src, &state)
		jobs = append(jobs, src+":"+state)
	}
	if got := strings.Join(jobs, " "); got != "feed:completed politics:completed" {
		t.Errorf("jobs %q, want one completed crawl per source", got)
	}
	code, out, stderr := runCLI(t, "", "status", "--db", pg)
	if code != 0 || !strings.Contains(out, "Workers' queue (0 workers running jobs)") ||
		!regexp.MustCompile(`armswatch_crawl_source\s+completed\s+2\s`).MatchString(out) {
		t.Errorf("status: exit %d\n%s%s", code, out, stderr)
	}
	// Each worker, by river's client id, with the jobs it completed: one source each, or both
	// by one while the other waited.
	workers := regexp.MustCompile(`(?m)^\S+\s+0\s+(\d)\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$`).FindAllStringSubmatch(out, -1)
	if !strings.Contains(out, "Workers seen in the last day (") || len(workers) < 1 || len(workers) > 2 {
		t.Errorf("status lists %d workers, want 1 or 2:\n%s", len(workers), out)
	}
	done := 0
	for _, w := range workers {
		done += int(w[1][0] - '0')
	}
	if done != 2 {
		t.Errorf("the workers completed %d jobs, want 2:\n%s", done, out)
	}
}

// TestWorkerNeedsPostgres: the queue lives in PostgreSQL; on a SQLite file the worker says so.
func TestWorkerNeedsPostgres(t *testing.T) {
	dir := t.TempDir()
	cfg := writeConfig(t, dir, "http://127.0.0.1:1")
	code, _, stderr := runCLI(t, "", "worker", "--config", cfg)
	if code != 2 || !strings.Contains(stderr, "worker: workers share a job queue in PostgreSQL") {
		t.Errorf("worker on SQLite: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "armswatch.db")); err == nil {
		t.Error("the worker created a SQLite database")
	}
	code, _, stderr = runCLI(t, "", "worker", "--config", cfg, "--robots-ttl", "0s")
	if code != 2 || !strings.Contains(stderr, "--robots-ttl must be at least 1s") {
		t.Errorf("worker --robots-ttl 0s: exit %d: %s", code, stderr)
	}
}
