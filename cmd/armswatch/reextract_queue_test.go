package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// TestReextractQueue: on PostgreSQL, reextract --queue puts the stale articles in the workers'
// queue in batches (queued once however often it runs), and a worker brings them all up to
// date from the stored pages.
func TestReextractQueue(t *testing.T) {
	ctx := context.Background()
	pg := pgtest.URL(t)
	db, err := pgstore.Open(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := storetest.Realistic(t)
	saveStale(t, db, arts)
	jobs := (len(arts) + 1) / 2
	want := fmt.Sprintf("reextract: %d articles queued for analyzer %s in %d new jobs of up to 2", len(arts), extract.Version, jobs)
	if code, _, stderr := runCLI(t, "", "reextract", "--db", pg, "--queue", "--batch", "2"); code != 0 || !strings.Contains(stderr, want) {
		t.Fatalf("exit %d: %q, want %q", code, stderr, want)
	}
	// Queued again before any worker ran: the same batches, not queued twice.
	if _, _, stderr := runCLI(t, "", "reextract", "--db", pg, "--queue", "--batch", "2"); !strings.Contains(stderr, "in 0 new jobs") {
		t.Fatalf("second --queue: %q", stderr)
	}
	const reextractJobs = `SELECT count(*) FROM river_job WHERE kind = 'armswatch_reextract'`
	if n := storetest.Count(t, db, reextractJobs); n != jobs {
		t.Fatalf("%d reextract jobs, want %d", n, jobs)
	}
	if n := storetest.Count(t, db, `SELECT count(*) FROM articles WHERE analyzer_version = '0.0.1'`); n != len(arts) {
		t.Fatalf("%d articles stale before any worker ran, want %d", n, len(arts))
	}

	// A worker (its source's host is down: only the reextract jobs do anything).
	wctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	var code int
	var errs string
	wg.Go(func() {
		code, _, errs = runCLIContext(wctx, "worker", "--config", writeConfig(t, t.TempDir(), "http://127.0.0.1:1"),
			"--db", pg, "--every", "1h", "--quiet")
	})
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) && storetest.Count(t, db, reextractJobs+` AND state = 'completed'`) < jobs {
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	if code != 0 {
		t.Errorf("worker: exit %d: %s", code, errs)
	}
	if n := storetest.Count(t, db, reextractJobs+` AND state = 'completed'`); n != jobs {
		t.Fatalf("%d of %d reextract jobs completed", n, jobs)
	}
	fresh := fmt.Sprintf(`SELECT count(*) FROM articles WHERE analyzer_version = '%s' AND title <> 'stale title'`, extract.Version)
	if n := storetest.Count(t, db, fresh); n != len(arts) {
		t.Errorf("%d articles brought up to date, want %d", n, len(arts))
	}
	if n := storetest.Count(t, db, `SELECT count(*) FROM statements`); n == 0 {
		t.Error("no statements after the re-analysis")
	}
}

// TestReextractJobOfAnotherAnalyzer: a worker whose analyzer is not the one a batch was queued
// for leaves it (snoozed, no attempt counted) to a worker that has it.
func TestReextractJobOfAnotherAnalyzer(t *testing.T) {
	w := &reextractWorker{}
	err := w.Work(context.Background(), &river.Job[reextractArgs]{Args: reextractArgs{IDs: []int64{1}, Analyzer: "0.0.1"}})
	var snooze *rivertype.JobSnoozeError
	if !errors.As(err, &snooze) || snooze.Duration != reextractSnooze {
		t.Fatalf("Work of another analyzer's batch: %v, want a snooze of %s", err, reextractSnooze)
	}
}

// TestReextractQueueNeedsPostgres: the queue lives in PostgreSQL; on SQLite --queue says so.
func TestReextractQueueNeedsPostgres(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, stderr := runCLI(t, "", "reextract", "--db", path, "--queue")
	if code != 2 || !strings.Contains(stderr, "--queue needs the workers' job queue in PostgreSQL") {
		t.Errorf("exit %d: %s", code, stderr)
	}
}

// TestArticleJobStepsAsideForAFarHost: an article job whose host's next slot is far gives its
// worker's slot back (snoozed until then) instead of waiting in it.
func TestArticleJobStepsAsideForAFarHost(t *testing.T) {
	ctx := context.Background()
	db, err := pgstore.Open(ctx, pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gate, err := db.Hosts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := gate.Pause(ctx, "127.0.0.1:9", time.Hour); err != nil {
		t.Fatal(err)
	}
	w := &articleWorker{jobs: &splitJobs{hosts: gate, sources: map[string]*crawler.Source{"s": {Name: "s"}}}}
	err = w.Work(ctx, &river.Job[articleArgs]{Args: articleArgs{Source: "s", URL: "http://127.0.0.1:9/news/1"}})
	var snooze *rivertype.JobSnoozeError
	if !errors.As(err, &snooze) || snooze.Duration < 59*time.Minute {
		t.Fatalf("an article of a host paused for an hour: %v, want a snooze of about an hour", err)
	}
}
