package pgstore

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"

	"github.com/jackc/pgx/v5"
)

// Lock is the exclusive right to crawl into a database, as store.Lock is for a SQLite file: a
// session-level advisory lock held by a connection of its own, so the server releases it when
// the process dies (its connection closes), even by SIGKILL.
type Lock struct {
	conn *pgx.Conn
}

// lockKey names the lock; the schema is part of it so that two databases in one server (or
// tests in schemas of their own) do not exclude each other.
const lockKey = `hashtext('armswatch crawl ' || current_schema())`

// appPrefix starts the application_name of the lock's connection, which tells another run who
// holds it.
const appPrefix = "armswatch lock pid "

// LockDB takes the lock of the database at url without waiting: when another process holds it,
// the error is a *store.LockedError naming that process.
func LockDB(ctx context.Context, url string) (*Lock, error) {
	return lock(ctx, url, "pg_try_advisory_lock")
}

// LockShared takes the same lock shared, as each job of armswatch worker does: any number of
// workers' crawls at once, but none while an armswatch crawl (or reextract, or migrate) holds it
// alone, and no armswatch crawl while one runs. A crawl holding the lock alone knows that runs
// still marked running are dead.
func LockShared(ctx context.Context, url string) (*Lock, error) {
	return lock(ctx, url, "pg_try_advisory_lock_shared")
}

func lock(ctx context.Context, url, try string) (*Lock, error) {
	cfg, err := pgx.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("pgstore: lock %s: %w", Redact(url), err)
	}
	cfg.RuntimeParams["application_name"] = appPrefix + strconv.Itoa(os.Getpid())
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("pgstore: lock %s: %w", Redact(url), err)
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT `+try+`(`+lockKey+`)`).Scan(&ok); err != nil {
		conn.Close(ctx)
		return nil, fmt.Errorf("pgstore: lock %s: %w", Redact(url), err)
	}
	if !ok {
		le := &store.LockedError{Path: Redact(url)}
		var app string
		var started time.Time
		err := conn.QueryRow(ctx, `SELECT a.application_name, a.backend_start FROM pg_locks l
			JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objid = (`+lockKey+`)::oid AND l.database =
			(SELECT oid FROM pg_database WHERE datname = current_database()) LIMIT 1`).Scan(&app, &started)
		if err == nil && strings.HasPrefix(app, appPrefix) {
			le.PID, _ = strconv.Atoi(strings.TrimPrefix(app, appPrefix))
			le.Started = started
		}
		conn.Close(ctx)
		return nil, le
	}
	return &Lock{conn: conn}, nil
}

// Unlock releases the lock. It unlocks before closing: closing alone leaves the release to the
// server's backend as it exits, after Close returns, so a run started right after this one
// could still find the lock held (seen in CI: migrate run twice in a row, exit 3).
func (l *Lock) Unlock() error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := l.conn.Exec(ctx, `SELECT pg_advisory_unlock_all()`)
	if cerr := l.conn.Close(ctx); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("pgstore: unlock: %w", err)
	}
	return nil
}
