package pgstore

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// hostsTable is the per-host politeness every worker shares: no request to host before
// next_fetch_at, nor while a worker holds it (held_until, the end of the hold should the
// holder die; NULL when free), by the server's clock (so the workers' clocks need not agree).
// It lives outside the numbered migrations, as armswatch_copy does: those versions are shared
// with SQLite's (migrate --to copies between equal versions), and SQLite, one process, has no
// use for it. hostsUpgrade adds held_until to a table made before it.
const hostsTable = `CREATE TABLE IF NOT EXISTS armswatch_hosts (
    host          text PRIMARY KEY,
    next_fetch_at timestamptz NOT NULL,
    held_until    timestamptz)`

const hostsUpgrade = `ALTER TABLE armswatch_hosts ADD COLUMN IF NOT EXISTS held_until timestamptz`

// HostGate (a crawler.HostGate) keeps the crawler's per-host delay and Retry-After pauses in armswatch_hosts, so
// that they hold across all the processes crawling into the database (armswatch worker on any
// number of machines), not just within each.
//
// Within one process the takers of a host queue on a local lock first, so that only one of
// them at a time asks the database: a worker's parallel jobs, all waiting for one host, would
// otherwise poll it together (on a loaded machine the claims' row lock then delays even the
// holder's release).
type HostGate struct {
	db    *DB
	local *localHosts
}

// localHosts is one channel of capacity 1 per host: holding its slot is holding the host's
// local lock (a channel, so that a wait for it ends with the context).
type localHosts struct {
	mu    sync.Mutex
	hosts map[string]chan struct{}
}

func (l *localHosts) lock(ctx context.Context, host string) error {
	l.mu.Lock()
	c := l.hosts[host]
	if c == nil {
		c = make(chan struct{}, 1)
		l.hosts[host] = c
	}
	l.mu.Unlock()
	select {
	case c <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (l *localHosts) unlock(host string) {
	l.mu.Lock()
	c := l.hosts[host]
	l.mu.Unlock()
	<-c
}

// Hosts returns the database's shared host gate, creating its table if needed (under the
// migration lock: workers starting together would otherwise race in CREATE TABLE).
func (db *DB) Hosts(ctx context.Context) (HostGate, error) {
	err := db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('armswatch migrate ' || current_schema()))`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, hostsTable); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, hostsUpgrade)
		return err
	})
	if err != nil {
		return HostGate{}, fmt.Errorf("pgstore: hosts table: %w", err)
	}
	return HostGate{db: db, local: &localHosts{hosts: map[string]chan struct{}{}}}, nil
}

// claimHost holds the host for $2 microseconds in one atomic statement when it is free (no
// live hold) and its time has come (the row lock makes concurrent claimers queue, and each
// sees the winner's hold); it returns the hold's end, which the release names so that it
// never frees a later holder's hold. A claim lost says how long to wait: until next_fetch_at,
// or while the host is held for $3 microseconds (the delay, which will run from the answer
// anyway, or heldPoll if longer). The clock is read after the row lock was had, not before a wait for it.
const claimHost = `WITH claim AS (
    INSERT INTO armswatch_hosts AS h (host, next_fetch_at, held_until)
    VALUES ($1, clock_timestamp(), clock_timestamp() + $2 * interval '1 microsecond')
    ON CONFLICT (host) DO UPDATE SET held_until = clock_timestamp() + $2 * interval '1 microsecond'
    WHERE h.next_fetch_at <= clock_timestamp() AND (h.held_until IS NULL OR h.held_until <= clock_timestamp())
    RETURNING held_until)
SELECT (SELECT held_until FROM claim),
       coalesce((SELECT CASE WHEN held_until > clock_timestamp() THEN $3
                             ELSE extract(epoch FROM next_fetch_at - clock_timestamp()) * 1e6 END
                 FROM armswatch_hosts WHERE host = $1), 0)::bigint`

// releaseHost ends the hold whose end was $3 and sets the next request $2 microseconds from
// now, the answer's arrival; a hold that ran out and was taken by another is left to it.
const releaseHost = `UPDATE armswatch_hosts SET
    held_until = CASE WHEN held_until = $3 THEN NULL ELSE held_until END,
    next_fetch_at = greatest(next_fetch_at, clock_timestamp() + $2 * interval '1 microsecond')
    WHERE host = $1`

// minPoll bounds how often a waiting claimer asks again: a claim lost to another worker reads
// the time from before the winner's update, which may already be past.
const minPoll = 2 * time.Millisecond

// heldPoll is the least wait of a claimer that found the host held: the answer's time is
// unknown, and with a short delay the claimers of every worker would poll the row together.
const heldPoll = 5 * time.Millisecond

// releaseTimeout bounds a release, which runs even when the crawl is stopping: a release lost
// is not a fault, the hold only runs out later.
const releaseTimeout = 10 * time.Second

// Take waits until host is free and its next request slot has come, and holds it for the
// caller for at most hold; release (after the answer) sets the next slot interval later.
func (g HostGate) Take(ctx context.Context, host string, interval, hold time.Duration) (release func(), err error) {
	if err := g.local.lock(ctx, host); err != nil {
		return nil, err
	}
	for {
		var held *time.Time
		var waitMicros int64
		if err := g.db.pool.QueryRow(ctx, claimHost, host, hold.Microseconds(), max(interval, heldPoll).Microseconds()).Scan(&held, &waitMicros); err != nil {
			g.local.unlock(host)
			return nil, fmt.Errorf("pgstore: claim host %s: %w", host, err)
		}
		if held != nil {
			return func() {
				g.release(ctx, host, interval, *held)
				g.local.unlock(host)
			}, nil
		}
		wait := max(time.Duration(waitMicros)*time.Microsecond, minPoll)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			g.local.unlock(host)
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

func (g HostGate) release(ctx context.Context, host string, interval time.Duration, held time.Time) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), releaseTimeout)
	defer cancel()
	// An error leaves the host held until the hold runs out: slower, never less polite.
	_, _ = g.db.pool.Exec(ctx, releaseHost, host, interval.Microseconds(), held)
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

// NextIn says how long until host's next request slot by the database's clock: 0 when it is
// due, the host unknown, or only held by a request in flight (whose answer's time is unknown).
// A job about to wait that long can give its worker's slot back instead.
func (g HostGate) NextIn(ctx context.Context, host string) (time.Duration, error) {
	var micros int64
	err := g.db.pool.QueryRow(ctx, `SELECT coalesce(max(greatest(extract(epoch FROM next_fetch_at - clock_timestamp()) * 1e6, 0)), 0)::bigint
		FROM armswatch_hosts WHERE host = $1`, host).Scan(&micros)
	if err != nil {
		return 0, fmt.Errorf("pgstore: host %s: %w", host, err)
	}
	return time.Duration(micros) * time.Microsecond, nil
}
