package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"
)

// Run statuses in crawl_runs.status.
const (
	RunRunning     = "running"
	RunOK          = "ok"
	RunFailed      = "failed"
	RunInterrupted = "interrupted"
)

// RunStats are a crawl run's counters, written by FinishRun.
type RunStats struct {
	Status    string // RunOK, RunFailed or RunInterrupted
	Fetched   int    // pages fetched
	New       int    // articles stored for the first time
	Unchanged int    // articles fetched again with the same content hash
	Failed    int    // pages that failed (fetch or analysis)
	Error     string // why the run failed, if it did
}

// StartRun records the start of a crawl run over sources and returns its id.
func (db *DB) StartRun(ctx context.Context, sources []string) (int64, error) {
	var id int64
	err := db.w.write(ctx, false, func(c *sql.Tx) error {
		return c.QueryRowContext(ctx,
			`INSERT INTO crawl_runs (started_at, status, pid, sources) VALUES (?, ?, ?, ?) RETURNING id`,
			utc(time.Now()), RunRunning, os.Getpid(), jsonText(sources)).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("store: start run: %w", err)
	}
	return id, nil
}

// FinishRun records the end of run id with its counters.
func (db *DB) FinishRun(ctx context.Context, id int64, st RunStats) error {
	if st.Status == "" {
		st.Status = RunOK
	}
	_, err := db.exec(ctx, `UPDATE crawl_runs SET finished_at = ?, status = ?,
		pages_fetched = ?, pages_new = ?, pages_unchanged = ?, pages_failed = ?, error = ?
		WHERE id = ?`, utc(time.Now()), st.Status, st.Fetched, st.New, st.Unchanged, st.Failed, st.Error, id)
	if err != nil {
		return fmt.Errorf("store: finish run %d: %w", id, err)
	}
	return nil
}

// Run is one row of crawl_runs.
type Run struct {
	ID         int64
	StartedAt  time.Time
	FinishedAt *time.Time
	PID        int
	Sources    string // JSON list
	RunStats
}

// Runs returns the last n crawl runs, newest first.
func (db *DB) Runs(ctx context.Context, n int) ([]Run, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, started_at, finished_at, status, pid, sources,
		pages_fetched, pages_new, pages_unchanged, pages_failed, error
		FROM crawl_runs ORDER BY id DESC LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("store: runs: %w", err)
	}
	defer rows.Close()
	var out []Run
	for rows.Next() {
		var r Run
		var started string
		var finished *string
		if err := rows.Scan(&r.ID, &started, &finished, &r.Status, &r.PID, &r.Sources,
			&r.Fetched, &r.New, &r.Unchanged, &r.Failed, &r.Error); err != nil {
			return nil, fmt.Errorf("store: runs: %w", err)
		}
		r.StartedAt, _ = time.Parse(timeLayout, started)
		if finished != nil {
			t, _ := time.Parse(timeLayout, *finished)
			r.FinishedAt = &t
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
