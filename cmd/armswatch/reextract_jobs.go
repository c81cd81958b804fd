package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
)

// On PostgreSQL, reextract --queue fans the re-analysis out as jobs in the workers' queue: a
// job of a batch of articles each, which any armswatch worker takes, so that an analyzer
// upgrade of a large database uses every worker machine's cores and not one process's.

// reextractArgs is the job of analyzing a batch of stored articles again.
type reextractArgs struct {
	IDs []int64 `json:"ids"`
	// Analyzer is the extract.Version of the armswatch that queued the job: a worker with
	// another analyzer leaves it to one that has it (an upgrade rolls through the machines).
	Analyzer string `json:"analyzer"`
}

func (reextractArgs) Kind() string { return "armswatch_reextract" }

// InsertOpts: unique while queued, so that running reextract --queue twice before the workers
// are through queues the same batches once.
func (reextractArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: uniqueWhileQueued(), MaxAttempts: 5}
}

// reextractSnooze is how long a worker of another analyzer leaves a batch before looking again.
const reextractSnooze = time.Minute

type reextractWorker struct {
	river.WorkerDefaults[reextractArgs]
	in       *ingest.Ingester
	profile  func(source string) string
	database string        // its URL, for the crawl lock
	rescue   time.Duration // --rescue-after
}

// Timeout is --rescue-after: river never rescues a job without a timeout, so a killed worker's
// batch would stay running for good.
func (w *reextractWorker) Timeout(*river.Job[reextractArgs]) time.Duration { return w.rescue }

// Work analyzes the batch's articles again and saves each in its own transaction. Saving an
// analysis is idempotent, so a batch run again (its worker killed, or one article failed)
// does no harm; the failures are the job's error, and river retries the batch with backoff.
func (w *reextractWorker) Work(ctx context.Context, job *river.Job[reextractArgs]) error {
	if job.Args.Analyzer != extract.Version {
		return river.JobSnooze(reextractSnooze)
	}
	// Shared with the workers' crawls, exclusive of an armswatch crawl or reextract.
	lock, err := pgstore.LockShared(ctx, w.database)
	if err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	defer lock.Unlock()
	var errs []error
	for _, id := range job.Args.IDs {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if o := reanalyze(ctx, w.in, id, w.profile).save(ctx); o.err != nil {
			errs = append(errs, fmt.Errorf("article %d: %w", id, o.err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("reextract: %w", err)
	}
	return nil
}

// queueReextract queues the articles ids as jobs of batch articles each and returns how many
// jobs were new (a batch already queued is not queued twice).
func queueReextract(ctx context.Context, database string, ids []int64, batch int) (int, error) {
	pool, err := pgxpool.New(ctx, database)
	if err != nil {
		return 0, fmt.Errorf("reextract: %s: %w", pgstore.Redact(database), err)
	}
	defer pool.Close()
	driver := riverpgxv5.New(pool)
	if err := migrateQueue(ctx, pool, driver); err != nil {
		return 0, fmt.Errorf("reextract: job queue tables: %w", err)
	}
	// No queues and no workers: a client that only inserts.
	client, err := river.NewClient[pgx.Tx](driver, &river.Config{})
	if err != nil {
		return 0, fmt.Errorf("reextract: %w", err)
	}
	var params []river.InsertManyParams
	for i := 0; i < len(ids); i += batch {
		params = append(params, river.InsertManyParams{Args: reextractArgs{IDs: ids[i:min(i+batch, len(ids))], Analyzer: extract.Version}})
	}
	n := 0
	// InsertMany is one statement per call: a thousand jobs at a time keeps it small.
	for i := 0; i < len(params); i += 1000 {
		res, err := client.InsertMany(ctx, params[i:min(i+1000, len(params))])
		if err != nil {
			return n, fmt.Errorf("reextract: queueing: %w", err)
		}
		for _, r := range res {
			if !r.UniqueSkippedAsDuplicate {
				n++
			}
		}
	}
	return n, nil
}

// sourceProfiles maps each configured source to its profile, for a re-analysis.
func sourceProfiles(cfg *appConfig) func(string) string {
	profiles := map[string]string{}
	for _, s := range cfg.Sources {
		profiles[s.Name] = s.Profile
	}
	return func(source string) string { return profiles[source] }
}
