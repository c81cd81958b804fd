package pgstore

import (
	"context"
	"fmt"

	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
)

// Split runs. With armswatch worker's split jobs a crawl_runs row is one discovery pass of one
// source: the discovery job starts it (StartRun), records what it read and queues the source's
// article jobs in one transaction (QueueRun), and each article job adds its page's outcome to
// it as it completes (CountRunPage). The run is finished by its last article job, or, when
// some never complete (discarded, or still waiting), at the source's next discovery
// (CloseSourceRuns). Its crawl_run_sources row is what status's per-source health reads, as
// for any crawl.

// ArticleJobKind is the river kind of armswatch worker's article jobs, whose args name their run
// ("run"): the run's last one finishes it.
const ArticleJobKind = "armswatch_article"

// deadRunError is the error of a run closed because its process ended before recording its end.
const deadRunError = "the worker ended without recording its end (killed?)"

// CloseSourceRuns closes the runs of source alone that are still marked running, before a new
// one starts: the caller is the only job of that source (a worker's crawl or discovery job is
// unique per source), so none of them is in progress any more. A run that recorded its source's
// counts (a discovery that queued its articles) is ok, finished now, and its articles still
// queued go on counting into it; one that did not (a worker killed mid-crawl or mid-discovery)
// is interrupted, its end unknown. It returns how many it closed.
func (db *DB) CloseSourceRuns(ctx context.Context, source string) (int, error) {
	tag, err := db.pool.Exec(ctx, `WITH closing AS (
		SELECT r.id, EXISTS (SELECT 1 FROM crawl_run_sources s WHERE s.run_id = r.id) AS queued
		FROM crawl_runs r WHERE r.status = $1 AND r.sources = $2)
		UPDATE crawl_runs r SET status = CASE WHEN c.queued THEN $3 ELSE $4 END,
		finished_at = CASE WHEN c.queued THEN $5 END,
		error = CASE WHEN c.queued THEN r.error ELSE $6 END
		FROM closing c WHERE r.id = c.id`,
		store.RunRunning, store.JSONText([]string{source}), store.RunOK, store.RunInterrupted, now(), deadRunError)
	if err != nil {
		return 0, fmt.Errorf("store: close runs of %s: %w", source, err)
	}
	return int(tag.RowsAffected()), nil
}

// QueueRun records a discovery's counts for run id (rs: documents read, their errors) and, in
// the same transaction, queues the run's article jobs with queue, which returns how many it
// queued: no article job exists before the run's counts do, and a discovery killed midway
// queues nothing. A run that queued nothing is finished at once.
func (db *DB) QueueRun(ctx context.Context, id int64, rs store.RunSource, queue func(pgx.Tx) (int, error)) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO crawl_run_sources (run_id, source, documents, document_errors, last_error)
			VALUES ($1, $2, $3, $4, $5)`, id, rs.Source, rs.Documents, rs.DocumentErrors, rs.LastError); err != nil {
			return err
		}
		n, err := queue(tx)
		if err != nil || n > 0 {
			return err
		}
		return finishRunTx(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: queue run %d: %w", id, err)
	}
	return nil
}

// CountRunPage adds one article job's outcome (st's page counters, the page's error if it
// failed) to run id and its source's row, and in the same transaction calls complete (river's
// JobCompleteTx), so that a job run again after its worker was killed is counted once. When no
// article job of the run is left unfinished, the run is finished. The counters are updated
// first: that row lock makes the last two jobs' transactions take turns, so that the second
// sees the first's job completed.
func (db *DB) CountRunPage(ctx context.Context, id int64, source string, st store.RunStats, lastError string, complete func(pgx.Tx) error) error {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE crawl_runs SET pages_fetched = pages_fetched + $1, pages_new = pages_new + $2,
			pages_unchanged = pages_unchanged + $3, pages_failed = pages_failed + $4 WHERE id = $5`,
			st.Fetched, st.New, st.Unchanged, st.Failed, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO crawl_run_sources (run_id, source, fetched, new, failed, last_error)
			SELECT $1, $2, $3, $4, $5, $6 WHERE EXISTS (SELECT 1 FROM crawl_runs WHERE id = $1)
			ON CONFLICT (run_id, source) DO UPDATE SET fetched = crawl_run_sources.fetched + excluded.fetched,
			new = crawl_run_sources.new + excluded.new, failed = crawl_run_sources.failed + excluded.failed,
			last_error = CASE WHEN excluded.last_error = '' THEN crawl_run_sources.last_error ELSE excluded.last_error END`,
			id, source, st.Fetched, st.New, st.Failed, lastError); err != nil {
			return err
		}
		if err := complete(tx); err != nil {
			return err
		}
		var left bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = $1
			AND args @> jsonb_build_object('run', $2::bigint) AND state NOT IN ('completed', 'cancelled', 'discarded'))`,
			ArticleJobKind, id).Scan(&left); err != nil {
			return err
		}
		if left {
			return nil
		}
		return finishRunTx(ctx, tx, id)
	})
	if err != nil {
		return fmt.Errorf("store: count a page of run %d: %w", id, err)
	}
	return nil
}

// finishRunTx finishes run id as ok with the counters it has, if it is still running.
func finishRunTx(ctx context.Context, tx pgx.Tx, id int64) error {
	_, err := tx.Exec(ctx, `UPDATE crawl_runs SET status = $1, finished_at = $2 WHERE id = $3 AND status = $4`,
		store.RunOK, now(), id, store.RunRunning)
	return err
}
