package pgstore

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
)

// The crawler's state, as store/crawlstate.go keeps it in SQLite: every method is one
// statement or one transaction, so a crawl killed at any point leaves a state to resume from.

func now() string { return store.FormatTime(time.Now()) }

// Validators returns the ETag and Last-Modified recorded for a document ("" when none).
func (db *DB) Validators(ctx context.Context, url string) (etag, lastModified string, err error) {
	err = db.pool.QueryRow(ctx, `SELECT etag, last_modified FROM http_cache WHERE url = $1`, url).Scan(&etag, &lastModified)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("store: validators of %s: %w", url, err)
	}
	return etag, lastModified, nil
}

// SaveValidators records a document's validators.
func (db *DB) SaveValidators(ctx context.Context, url, etag, lastModified string) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO http_cache (url, etag, last_modified, checked_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at`,
		url, etag, lastModified, now())
	if err != nil {
		return fmt.Errorf("store: save validators of %s: %w", url, err)
	}
	return nil
}

// Enqueue adds URLs to source's frontier in one transaction and returns how many were new.
// Known URLs keep their state, except that refresh makes them pending again.
func (db *DB) Enqueue(ctx context.Context, source string, items []store.FrontierItem, refresh bool) (int, error) {
	n := 0
	t := now()
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		for _, it := range items {
			var pub any
			if !it.Published.IsZero() {
				pub = it.Published.Format(time.RFC3339)
			}
			tag, err := tx.Exec(ctx, `INSERT INTO frontier (url, source, discovered_at, published) VALUES ($1, $2, $3, $4)
				ON CONFLICT (url) DO NOTHING`, it.URL, source, t, pub)
			if err != nil {
				return err
			}
			if tag.RowsAffected() > 0 {
				n++
			} else if refresh {
				if _, err := tx.Exec(ctx, `UPDATE frontier SET state = 'pending', attempts = 0, next_attempt = NULL
					WHERE url = $1 AND state <> 'pending'`, it.URL); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("store: enqueue: %w", err)
	}
	return n, nil
}

// pendingSQL selects source's frontier entries to fetch now ($1 source, $2 now): pending ones,
// and failed ones whose next attempt is due.
const pendingSQL = ` FROM frontier WHERE source = $1
	AND (state = 'pending' OR (state = 'failed' AND (next_attempt IS NULL OR next_attempt <= $2)))`

// Pending lists source's frontier URLs to fetch now, in discovery order, from the entry after
// the one whose Seq is after (0: the first); limit <= 0 means all. The crawler reads the
// frontier a page at a time, so that a run's memory does not grow with it.
func (db *DB) Pending(ctx context.Context, source string, after int64, limit int) ([]store.FrontierItem, error) {
	var lim any
	if limit > 0 {
		lim = limit
	}
	rows, err := db.pool.Query(ctx, `SELECT seq, url, coalesce(published, '')`+pendingSQL+`
		AND seq > $3 ORDER BY seq LIMIT $4`, source, now(), after, lim)
	if err != nil {
		return nil, fmt.Errorf("store: pending: %w", err)
	}
	defer rows.Close()
	var out []store.FrontierItem
	for rows.Next() {
		var it store.FrontierItem
		var pub string
		if err := rows.Scan(&it.Seq, &it.URL, &pub); err != nil {
			return nil, fmt.Errorf("store: pending: %w", err)
		}
		it.Published, _ = time.Parse(time.RFC3339, pub)
		out = append(out, it)
	}
	return out, rows.Err()
}

// CountPending counts the entries Pending lists from the first.
func (db *DB) CountPending(ctx context.Context, source string) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*)`+pendingSQL, source, now()).Scan(&n); err != nil {
		return 0, fmt.Errorf("store: count pending: %w", err)
	}
	return n, nil
}

// retryDelay is store's: 15 minutes, then doubling.
func retryDelay(attempts int) time.Duration {
	return 15 * time.Minute << min(attempts-1, 8)
}

// Finish records the outcome of fetching url; after giveUpAfter failed attempts it is gone.
func (db *DB) Finish(ctx context.Context, url, state, detail string, giveUpAfter int) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if state != store.FrontierFailed {
			_, err := tx.Exec(ctx, `INSERT INTO frontier (url, discovered_at, state, last_error) VALUES ($1, $2, $3, $4)
				ON CONFLICT (url) DO UPDATE SET state = excluded.state, last_error = excluded.last_error, next_attempt = NULL`,
				url, now(), state, detail)
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO frontier (url, discovered_at) VALUES ($1, $2) ON CONFLICT (url) DO NOTHING`, url, now()); err != nil {
			return err
		}
		var attempts int
		if err := tx.QueryRow(ctx, `UPDATE frontier SET attempts = attempts + 1, last_error = $1,
			state = CASE WHEN attempts + 1 >= $2 THEN 'gone' ELSE 'failed' END
			WHERE url = $3 RETURNING attempts`, detail, max(giveUpAfter, 1), url).Scan(&attempts); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE frontier SET next_attempt = $1 WHERE url = $2`,
			store.FormatTime(time.Now().Add(retryDelay(attempts))), url)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: finish %s: %w", url, err)
	}
	return nil
}

// HasArticle reports whether an article is stored under url, as its URL or canonical URL.
func (db *DB) HasArticle(ctx context.Context, url string) (bool, error) {
	var one int
	err := db.pool.QueryRow(ctx, `SELECT 1 FROM articles WHERE url = $1 UNION ALL
		SELECT 1 FROM articles WHERE canonical_url = $1 LIMIT 1`, url).Scan(&one)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("store: has article %s: %w", url, err)
	}
	return true, nil
}

// DiscoveredFeeds lists the feeds found on source's start pages.
func (db *DB) DiscoveredFeeds(ctx context.Context, source string) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT url FROM discovered_feeds WHERE source = $1 ORDER BY found_at, url COLLATE "C"`, source)
	if err != nil {
		return nil, fmt.Errorf("store: discovered feeds: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: discovered feeds: %w", err)
	}
	return out, nil
}

// AddDiscoveredFeed remembers a feed found on one of source's start pages.
func (db *DB) AddDiscoveredFeed(ctx context.Context, source, url string) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO discovered_feeds (source, url, found_at) VALUES ($1, $2, $3)
		ON CONFLICT DO NOTHING`, source, url, now())
	if err != nil {
		return fmt.Errorf("store: add feed %s: %w", url, err)
	}
	return nil
}

// StartRun records the start of a crawl run over sources and returns its id.
func (db *DB) StartRun(ctx context.Context, sources []string) (int64, error) {
	var id int64
	err := db.pool.QueryRow(ctx,
		`INSERT INTO crawl_runs (started_at, status, pid, sources) VALUES ($1, $2, $3, $4) RETURNING id`,
		now(), store.RunRunning, os.Getpid(), store.JSONText(sources)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: start run: %w", err)
	}
	return id, nil
}

// FinishRun records the end of run id with its counters.
func (db *DB) FinishRun(ctx context.Context, id int64, st store.RunStats) error {
	if st.Status == "" {
		st.Status = store.RunOK
	}
	_, err := db.pool.Exec(ctx, `UPDATE crawl_runs SET finished_at = $1, status = $2,
		pages_fetched = $3, pages_new = $4, pages_unchanged = $5, pages_failed = $6, error = $7
		WHERE id = $8`, now(), st.Status, st.Fetched, st.New, st.Unchanged, st.Failed, st.Error, id)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", id, err)
	}
	return nil
}

// CloseDeadRuns marks runs still 'running' as interrupted (the caller holds the crawl lock).
func (db *DB) CloseDeadRuns(ctx context.Context) (int, error) {
	tag, err := db.pool.Exec(ctx, `UPDATE crawl_runs SET status = $1, error = 'the process ended without recording its end (killed?)'
		WHERE status = $2`, store.RunInterrupted, store.RunRunning)
	if err != nil {
		return 0, fmt.Errorf("store: close dead runs: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// RecordRunSources stores the per-source counters of run id.
func (db *DB) RecordRunSources(ctx context.Context, id int64, rs []store.RunSource) error {
	for _, r := range rs {
		_, err := db.pool.Exec(ctx, `INSERT INTO crawl_run_sources (run_id, source, documents, document_errors, fetched, new, failed, last_error)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (run_id, source) DO UPDATE SET documents = excluded.documents,
			document_errors = excluded.document_errors, fetched = excluded.fetched, new = excluded.new,
			failed = excluded.failed, last_error = excluded.last_error`,
			id, r.Source, r.Documents, r.DocumentErrors, r.Fetched, r.New, r.Failed, r.LastError)
		if err != nil {
			return fmt.Errorf("store: record run %d source %s: %w", id, r.Source, err)
		}
	}
	return nil
}

// Runs returns the last n crawl runs, newest first.
func (db *DB) Runs(ctx context.Context, n int) ([]store.Run, error) {
	rows, err := db.pool.Query(ctx, `SELECT id, started_at, finished_at, status, pid, sources,
		pages_fetched, pages_new, pages_unchanged, pages_failed, error
		FROM crawl_runs ORDER BY id DESC LIMIT $1`, n)
	if err != nil {
		return nil, fmt.Errorf("store: runs: %w", err)
	}
	defer rows.Close()
	var out []store.Run
	for rows.Next() {
		var r store.Run
		var started string
		var finished *string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Status, &r.PID, &r.Sources,
			&r.Fetched, &r.New, &r.Unchanged, &r.Failed, &r.Error); err != nil {
			return nil, fmt.Errorf("store: runs: %w", err)
		}
		r.StartedAt, _ = time.Parse(store.TimeLayout, started)
		if finished != nil {
			t, _ := time.Parse(store.TimeLayout, *finished)
			r.FinishedAt = &t
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Health returns each source's health, for sources seen in runs or articles.
func (db *DB) Health(ctx context.Context) ([]store.SourceHealth, error) {
	weekAgo := store.FormatTime(time.Now().Add(-7 * 24 * time.Hour))
	rows, err := db.pool.Query(ctx, `
WITH names AS (SELECT source FROM crawl_run_sources UNION SELECT source FROM articles WHERE source <> ''),
recent AS (
    SELECT s.*, r.started_at, row_number() OVER (PARTITION BY s.source ORDER BY s.run_id DESC) AS n
    FROM crawl_run_sources s JOIN crawl_runs r ON r.id = s.run_id)
SELECT n.source,
    (SELECT max(started_at) FROM recent WHERE source = n.source AND documents > document_errors AND (fetched = 0 OR fetched > failed)),
    coalesce((SELECT sum(document_errors + failed) * 1.0 / nullif(sum(documents + fetched), 0) FROM recent WHERE source = n.source AND n <= 20), 0)::float8,
    (SELECT count(*) FROM recent WHERE source = n.source AND n <= 20),
    (SELECT count(*) FROM articles WHERE source = n.source AND first_seen_at >= $1) / 7.0::float8,
    (SELECT count(*) FROM articles WHERE source = n.source),
    (SELECT count(*) FROM frontier WHERE source = n.source AND state IN ('pending', 'failed')),
    coalesce((SELECT last_error FROM recent WHERE source = n.source AND n = 1), '')
FROM names n ORDER BY n.source COLLATE "C"`, weekAgo)
	if err != nil {
		return nil, fmt.Errorf("store: health: %w", err)
	}
	defer rows.Close()
	var out []store.SourceHealth
	for rows.Next() {
		var h store.SourceHealth
		var last *string
		if err := rows.Scan(&h.Source, &last, &h.ErrorRate, &h.Runs, &h.PerDay, &h.Articles, &h.Pending, &h.LastError); err != nil {
			return nil, fmt.Errorf("store: health: %w", err)
		}
		if last != nil {
			if t, err := time.Parse(store.TimeLayout, *last); err == nil {
				h.LastSuccess = &t
			}
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// WatchHealth returns every watch that has run, by name.
func (db *DB) WatchHealth(ctx context.Context) ([]store.WatchHealth, error) {
	rows, err := db.pool.Query(ctx, `SELECT w.watch, w.last_run_at,
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'sent'),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state IN ('pending', 'failed')),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'failed'),
		(SELECT count(*) FROM deliveries d WHERE d.watch = w.watch AND d.state = 'sending' AND d.channel <> 'feed'),
		w.last_error
		FROM watch_state w ORDER BY w.watch COLLATE "C"`)
	if err != nil {
		return nil, fmt.Errorf("store: watch health: %w", err)
	}
	defer rows.Close()
	var out []store.WatchHealth
	for rows.Next() {
		var h store.WatchHealth
		var last *string
		if err := rows.Scan(&h.Watch, &last, &h.Sent, &h.Pending, &h.Failed, &h.Interrupted, &h.LastError); err != nil {
			return nil, fmt.Errorf("store: watch health: %w", err)
		}
		if last != nil {
			t, _ := time.Parse(store.TimeLayout, *last)
			h.LastRun = &t
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// QueueState counts the jobs of one kind in one state in the workers' queue (armswatch worker).
type QueueState struct {
	Kind  string // armswatch_crawl_source, armswatch_discover, armswatch_article, armswatch_reextract
	State string // river's: available, scheduled, running, retryable, completed, discarded, ...
	Jobs  int
	Last  *time.Time // the latest job's last change (attempted, finalized or created)
}

// QueueWorker is one worker process (a river client) as the queue's jobs show it: river
// records which client made each attempt (attempted_by), not the clients themselves.
type QueueWorker struct {
	ID      string    // river's client id: the machine's host name and the worker's start time
	Running int       // jobs it runs now (a killed worker's until they are rescued)
	Done    int       // jobs it completed in the last hour
	LastJob time.Time // its latest attempt's start
}

// queueWorkersSQL lists the workers that attempted a job in the last day or run one now, by
// the last client of each job's attempts.
const queueWorkersSQL = `SELECT attempted_by[array_length(attempted_by, 1)] COLLATE "C" AS worker,
    count(*) FILTER (WHERE state = 'running'),
    count(*) FILTER (WHERE state = 'completed' AND finalized_at > now() - interval '1 hour'),
    max(attempted_at)
FROM river_job
WHERE array_length(attempted_by, 1) > 0 AND (state = 'running' OR attempted_at > now() - interval '1 day')
GROUP BY 1 ORDER BY 1`

// Queue returns the workers' job counts by kind and state, and the workers seen in the last
// day; nil when no worker ever ran (no queue tables).
func (db *DB) Queue(ctx context.Context) ([]QueueState, []QueueWorker, error) {
	var exists bool
	if err := db.pool.QueryRow(ctx, `SELECT to_regclass('river_job') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return nil, nil, err
	}
	rows, err := db.pool.Query(ctx, `SELECT kind, state::text, count(*), max(coalesce(finalized_at, attempted_at, created_at))
		FROM river_job GROUP BY kind, state ORDER BY kind COLLATE "C", state::text COLLATE "C"`)
	if err != nil {
		return nil, nil, fmt.Errorf("store: queue: %w", err)
	}
	states, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (QueueState, error) {
		var q QueueState
		return q, r.Scan(&q.Kind, &q.State, &q.Jobs, &q.Last)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: queue: %w", err)
	}
	rows, err = db.pool.Query(ctx, queueWorkersSQL)
	if err != nil {
		return nil, nil, fmt.Errorf("store: queue workers: %w", err)
	}
	workers, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (QueueWorker, error) {
		var w QueueWorker
		return w, r.Scan(&w.ID, &w.Running, &w.Done, &w.LastJob)
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: queue workers: %w", err)
	}
	if states == nil {
		states = []QueueState{} // the tables exist: an empty queue, not none
	}
	return states, workers, nil
}
