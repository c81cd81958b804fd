package pgstore

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// hostsTable is the per-host politeness every worker shares: no request to host before
// next_fetch_at, by the server's clock (so the workers' clocks need not agree). It lives
// outside the numbered migrations, as armswatch_copy does: those versions are shared with
// SQLite's (migrate --to copies between equal versions), and SQLite, one process, has no use
// for it.
const hostsTable = `CREATE TABLE IF NOT EXISTS armswatch_hosts (
    host          text PRIMARY KEY,
    next_fetch_at timestamptz NOT NULL)`

// HostGate (a crawler.HostGate) keeps the crawler's per-host delay and Retry-After pauses in armswatch_hosts, so
// that they hold across all the processes crawling into the database (armswatch worker on any
// number of machines), not just within each.
type HostGate struct {
	db *DB
}

// Hosts returns the database's shared host gate, creating its table if needed (under the
// migration lock: workers starting together would otherwise race in CREATE TABLE).
func (db *DB) Hosts(ctx context.Context) (HostGate, error) {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('armswatch migrate ' || current_schema()))`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, hostsTable)
		return err
	})
	if err != nil {
		return HostGate{}, fmt.Errorf("pgstore: hosts table: %w", err)
	}
	return HostGate{db: db}, nil
}

// claimHost reserves the host's next request slot in one atomic statement: the row is
// updated only when its time has come (the row lock makes concurrent claimers queue, and each
// sees the winner's new time), and otherwise says how long to wait. The next slot is counted
// from the clock after the row lock was had, not from before a wait for it.
const claimHost = `WITH claim AS (
    INSERT INTO armswatch_hosts AS h (host, next_fetch_at)
    VALUES ($1, clock_timestamp() + $2 * interval '1 microsecond')
    ON CONFLICT (host) DO UPDATE SET next_fetch_at = clock_timestamp() + $2 * interval '1 microsecond'
    WHERE h.next_fetch_at <= clock_timestamp()
    RETURNING 1)
SELECT EXISTS (SELECT 1 FROM claim),
       coalesce((SELECT extract(epoch FROM next_fetch_at - clock_timestamp()) * 1e6
                 FROM armswatch_hosts WHERE host = $1), 0)::bigint`

// minPoll bounds how often a waiting claimer asks again: a claim lost to another worker reads
// the time from before the winner's update, which may already be past.
const minPoll = 2 * time.Millisecond

// Take waits until host's next request slot has come and claims it, setting the next one
// interval later.
func (g HostGate) Take(ctx context.Context, host string, interval time.Duration) error {
	for {
		var ok bool
		var waitMicros int64
		if err := g.db.pool.QueryRow(ctx, claimHost, host, interval.Microseconds()).Scan(&ok, &waitMicros); err != nil {
			return fmt.Errorf("pgstore: claim host %s: %w", host, err)
		}
		if ok {
			return nil
		}
		wait := max(time.Duration(waitMicros)*time.Microsecond, minPoll)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Pause holds every request to host for d from now (a Retry-After), never shortening a pause
// already set.
func (g HostGate) Pause(ctx context.Context, host string, d time.Duration) error {
	_, err := g.db.pool.Exec(ctx, `INSERT INTO armswatch_hosts AS h (host, next_fetch_at)
		VALUES ($1, clock_timestamp() + $2 * interval '1 microsecond')
		ON CONFLICT (host) DO UPDATE SET next_fetch_at = greatest(h.next_fetch_at, excluded.next_fetch_at)`,
		host, d.Microseconds())
	if err != nil {
		return fmt.Errorf("pgstore: pause host %s: %w", host, err)
	}
	return nil
}
