package store

import (
	"context"
	"fmt"
	"time"
)

// RunSource is one source's share of a crawl run.
type RunSource struct {
	Source                    string
	Documents, DocumentErrors int
	Fetched, New, Failed      int
	LastError                 string
}

// RecordRunSources stores the per-source counters of run id.
func (db *DB) RecordRunSources(ctx context.Context, id int64, rs []RunSource) error {
	for _, r := range rs {
		_, err := db.exec(ctx, `INSERT INTO crawl_run_sources (run_id, source, documents, document_errors, fetched, new, failed, last_error)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, source) DO UPDATE SET documents = excluded.documents,
			document_errors = excluded.document_errors, fetched = excluded.fetched, new = excluded.new,
			failed = excluded.failed, last_error = excluded.last_error`,
			id, r.Source, r.Documents, r.DocumentErrors, r.Fetched, r.New, r.Failed, r.LastError)
		if err != nil {
			return fmt.Errorf("store: record run %d source %s: %w", id, r.Source, err)
		}
	}
	return nil
}

// SourceHealth is how a source has been doing.
type SourceHealth struct {
	Source      string
	LastSuccess *time.Time // start of the last run in which the source answered (nil: never)
	ErrorRate   float64    // failed requests / requests over its last 20 runs
	Runs        int        // runs counted in ErrorRate
	PerDay      float64    // articles first stored per day over the last 7 days
	Articles    int        // articles stored in all
	Pending     int        // frontier URLs waiting
	LastError   string     // the latest error of its latest run, if any
}

// Health returns each source's health, for sources seen in runs or articles.
func (db *DB) Health(ctx context.Context) ([]SourceHealth, error) {
	weekAgo := utc(time.Now().Add(-7 * 24 * time.Hour))
	rows, err := db.sql.QueryContext(ctx, `
WITH names AS (SELECT source FROM crawl_run_sources UNION SELECT source FROM articles WHERE source <> ''),
recent AS (
    SELECT s.*, r.started_at, row_number() OVER (PARTITION BY s.source ORDER BY s.run_id DESC) AS n
    FROM crawl_run_sources s JOIN crawl_runs r ON r.id = s.run_id)
SELECT n.source,
    (SELECT max(started_at) FROM recent WHERE source = n.source AND documents > document_errors AND (fetched = 0 OR fetched > failed)),
    coalesce((SELECT sum(document_errors + failed) * 1.0 / nullif(sum(documents + fetched), 0) FROM recent WHERE source = n.source AND n <= 20), 0),
    (SELECT count(*) FROM recent WHERE source = n.source AND n <= 20),
    (SELECT count(*) FROM articles WHERE source = n.source AND first_seen_at >= ?) / 7.0,
    (SELECT count(*) FROM articles WHERE source = n.source),
    (SELECT count(*) FROM frontier WHERE source = n.source AND state IN ('pending', 'failed')),
    coalesce((SELECT last_error FROM recent WHERE source = n.source AND n = 1), '')
FROM names n ORDER BY n.source`, weekAgo)
	if err != nil {
		return nil, fmt.Errorf("store: health: %w", err)
	}
	defer rows.Close()
	var out []SourceHealth
	for rows.Next() {
		var h SourceHealth
		var last *string
		if err := rows.Scan(&h.Source, &last, &h.ErrorRate, &h.Runs, &h.PerDay, &h.Articles, &h.Pending, &h.LastError); err != nil {
			return nil, fmt.Errorf("store: health: %w", err)
		}
		if last != nil {
			if t, err := time.Parse(timeLayout, *last); err == nil {
				h.LastSuccess = &t
			}
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// CloseDeadRuns marks runs still 'running' as interrupted: called by a run that holds the
// database lock, so they belong to processes that died (SIGKILL, power loss) before they could
// record their end. Their finished_at stays empty: when they died is unknown.
func (db *DB) CloseDeadRuns(ctx context.Context) (int, error) {
	res, err := db.exec(ctx, `UPDATE crawl_runs SET status = ?, error = 'the process ended without recording its end (killed?)'
		WHERE status = ?`, RunInterrupted, RunRunning)
	if err != nil {
		return 0, fmt.Errorf("store: close dead runs: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}
