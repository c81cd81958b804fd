package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// TestSplitWorkerLockAndDeadRuns runs a worker (split jobs) against a site whose Crawl-delay
// keeps its article jobs in their slots: while they run, armswatch crawl and reextract are
// refused (exit 3), as beside a worker's whole-source crawl. Before it starts, the database
// holds the runs a killed worker left running: its discovery of the source closes them, the
// one whose discovery had queued its articles as ok, the one killed before that as
// interrupted, and leaves another source's run alone.
func TestSplitWorkerLockAndDeadRuns(t *testing.T) {
	ctx := context.Background()
	pg := pgtest.URL(t)
	const n = 12
	site := newGenSite(t, n, "0.4")
	cfg := genSiteConfig(t, pg, site.URL)
	db, err := pgstore.Open(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	killed, _ := db.StartRun(ctx, []string{"big"})
	queued, _ := db.StartRun(ctx, []string{"big"})
	if err := db.RecordRunSources(ctx, queued, []store.RunSource{{Source: "big", Documents: 1}}); err != nil {
		t.Fatal(err)
	}
	other, err := db.StartRun(ctx, []string{"other"})
	if err != nil {
		t.Fatal(err)
	}

	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var code int
	var errs string
	wg.Go(func() {
		code, _, errs = runCLIContext(wctx, "worker", "--config", cfg, "--every", "1h", "--quiet")
	})
	deadline := time.Now().Add(2 * time.Minute)
	count := func(query string) int {
		if storetest.Count(t, db, "SELECT count(*) FROM pg_tables WHERE tablename = 'river_job' AND schemaname = current_schema()") == 0 {
			return 0 // the worker is still making the queue's tables
		}
		return storetest.Count(t, db, query)
	}
	// Half the articles done: the discovery's hold on the lock has long lingered out (2 s),
	// so what refuses the crawl is the article jobs' own.
	const completed = `SELECT count(*) FROM river_job WHERE kind = 'armswatch_article' AND state = 'completed'`
	for time.Now().Before(deadline) && count(completed) < n/2+1 {
		time.Sleep(20 * time.Millisecond)
	}
	for _, args := range [][]string{{"crawl", "--config", cfg, "--quiet"}, {"reextract", "--db", pg}} {
		if c, _, stderr := runCLI(t, "", args...); c != 3 || !strings.Contains(stderr, "is locked by") {
			t.Errorf("armswatch %s while article jobs run: exit %d: %s", args[0], c, stderr)
		}
	}
	if count(completed) == n {
		t.Error("the article jobs were done before the crawl was tried: the test proves nothing (a shorter Crawl-delay?)")
	}
	for time.Now().Before(deadline) && count(`SELECT count(*) FROM crawl_runs WHERE status = 'running'`) > 1 {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	if code != 0 {
		t.Errorf("worker: exit %d: %s", code, errs)
	}
	for _, c := range []struct {
		id    int64
		where string
	}{
		{killed, "status = 'interrupted' AND finished_at IS NULL AND error LIKE '%killed?%'"},
		{queued, "status = 'ok' AND finished_at IS NOT NULL AND error = ''"},
		{other, "status = 'running'"},
	} {
		if storetest.Count(t, db, fmt.Sprintf("SELECT count(*) FROM crawl_runs WHERE id = %d AND %s", c.id, c.where)) != 1 {
			t.Errorf("run %d is not %s", c.id, c.where)
		}
	}
	if storetest.Count(t, db, fmt.Sprintf("SELECT count(*) FROM crawl_runs WHERE id > %d AND status = 'ok' AND pages_new = %d", other, n)) != 1 {
		t.Errorf("the worker's discovery is not one ok run of %d new pages", n)
	}
}

// TestArticleJobWaitsForACrawl: while an armswatch crawl (or reextract) holds the crawl lock
// alone, an article job fetches nothing and is snoozed, no attempt counted, until after it.
func TestArticleJobWaitsForACrawl(t *testing.T) {
	ctx := context.Background()
	pg := pgtest.URL(t)
	lock, err := pgstore.LockDB(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Unlock()
	w := &articleWorker{jobs: &splitJobs{lock: &crawlLock{database: pg, linger: time.Second},
		sources: map[string]*crawler.Source{"s": {Name: "s"}}}}
	err = w.Work(ctx, &river.Job[articleArgs]{Args: articleArgs{Source: "s", URL: "http://127.0.0.1:9/news/1"}})
	var snooze *rivertype.JobSnoozeError
	if !errors.As(err, &snooze) || snooze.Duration != lockedSnooze {
		t.Fatalf("an article job while a crawl holds the lock: %v, want a snooze of %s", err, lockedSnooze)
	}
}
