package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
)

// writeDriver is go-sqlite3 for writable databases, with temp_store = MEMORY on every
// connection (go-sqlite3's DSN has no parameter for it). Saving an article runs statements that
// change many rows (its analysis rows replaced, the full-text triggers), each with a statement
// journal; past 64 KiB SQLite spilled that journal to a deleted file in /var/tmp, one file per
// article and a pwrite per page: over a 300-page loopback crawl 297 such files and 34,124 of the
// 137,009 reads and writes the process made. In memory the journal costs no system call; it
// lives only for the statement.
const writeDriver = "sqlite3_armswatch_rw"

func init() {
	sql.Register(writeDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		if _, err := c.Exec("PRAGMA temp_store = MEMORY", nil); err != nil {
			return fmt.Errorf("writable connection: temp_store: %w", err)
		}
		return nil
	}})
}

// writeIdleConns is how many idle connections a writable database keeps. database/sql keeps 2
// by default, but a crawl's fetchers read (HasArticle, DuplicateOf) while one of them saves:
// the third and fourth connections were closed as soon as they went idle and opened again on
// the next page (39 opens over a 300-page crawl), each with a cold page cache whose pages it read
// again from the WAL and statements it prepared again.
const writeIdleConns = 6

// writerCacheKiB is the page cache of the writer connection. A save touches the article's
// B-trees, the full-text index, a leaf of story_bands for each of its 48 band keys and the
// statement groups' keys; at the pool's 512 KiB most of those pages were read again from the
// WAL or the file on every save (174,536 pread calls for 987 saved pages; 40,671 at 8 MiB).
// One connection holds it, so the process's memory grows by this once, not per connection.
const writerCacheKiB = 8192

// writer is the one connection a writable DB writes through. SQLite has one writer at a time
// anyway, but in WAL mode a connection drops its whole page cache when it starts a transaction
// after another connection committed: with saves, frontier updates and validators spread over
// the pool, each save began cold. Through one connection its cache stays valid between writes
// (only another process's commit resets it), and it can be larger than the readers'.
//
// With batching on (BatchWrites), its transaction stays open across writes and commits every
// batch articles or maxAge, whichever comes first: see BatchWrites.
type writer struct {
	db *sql.DB
	mu sync.Mutex // held for a whole write (or a read that must see the batch)
	// conn is nil until the first write, and after a broken connection.
	conn *sql.Conn

	batch    int           // articles per transaction; 0: batching off
	maxAge   time.Duration // how long a batch stays open at most
	open     *sql.Tx       // the batch in hand, nil when none
	articles int           // articles saved in open
	timer    *time.Timer   // commits open at maxAge
	err      error         // why a batch committed by the timer failed, for the next caller
}

// connLocked returns the writer connection, opening it when needed.
func (w *writer) connLocked(ctx context.Context) (*sql.Conn, error) {
	if w.conn != nil {
		return w.conn, nil
	}
	c, err := w.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("writer connection: %w", err)
	}
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA cache_size = -%d", writerCacheKiB)); err != nil {
		c.Close()
		return nil, fmt.Errorf("writer connection: cache size: %w", err)
	}
	w.conn = c
	return c, nil
}

// dropBroken forgets a connection that database/sql says is unusable.
func (w *writer) dropBroken(err error) {
	if w.conn != nil && (errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone)) {
		w.conn.Close()
		w.conn = nil
	}
}

// write runs fn in a transaction of the writer connection, one write at a time: its own
// transaction, or, with batching on, a savepoint of the batch in hand (so a failing write
// undoes only itself). article counts the write towards the batch's size. fn must not write
// through the DB itself (the lock is not reentrant); reads through the pool are fine.
func (w *writer) write(ctx context.Context, article bool, fn func(*sql.Tx) error) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.takeErr(); err != nil {
		return err
	}
	c, err := w.connLocked(ctx)
	if err != nil {
		return err
	}
	if w.batch == 0 {
		err := runTx(ctx, c, fn)
		w.dropBroken(err)
		return err
	}
	if err := w.beginLocked(c); err != nil {
		return err
	}
	if err := inSavepoint(ctx, w.open, fn); err != nil {
		return err
	}
	if article {
		w.articles++
	}
	if w.articles >= w.batch {
		return w.commitLocked()
	}
	return nil
}

func runTx(ctx context.Context, c *sql.Conn, fn func(*sql.Tx) error) error {
	tx, err := c.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// inSavepoint runs fn in tx under a savepoint, released when fn succeeds and rolled back to
// when it fails.
func inSavepoint(ctx context.Context, tx *sql.Tx, fn func(*sql.Tx) error) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT write"); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		// Not ctx: a cancelled write must still be undone.
		bg := context.WithoutCancel(ctx)
		if _, rerr := tx.ExecContext(bg, "ROLLBACK TO write"); rerr != nil {
			return errors.Join(err, fmt.Errorf("undo in batch: %w", rerr))
		}
		if _, rerr := tx.ExecContext(bg, "RELEASE write"); rerr != nil {
			return errors.Join(err, fmt.Errorf("undo in batch: %w", rerr))
		}
		return err
	}
	_, err := tx.ExecContext(ctx, "RELEASE write")
	return err
}

// beginLocked opens a batch when none is open. Its transaction ignores the callers' contexts
// (database/sql rolls a transaction back when its context ends): a SIGTERM must not undo the
// articles already saved in it.
func (w *writer) beginLocked(c *sql.Conn) error {
	if w.open != nil {
		return nil
	}
	tx, err := c.BeginTx(context.Background(), nil)
	if err != nil {
		w.dropBroken(err)
		return fmt.Errorf("batch: %w", err)
	}
	w.open, w.articles = tx, 0
	w.timer = time.AfterFunc(w.maxAge, w.commitDue)
	return nil
}

// commitLocked commits the batch in hand, if any.
func (w *writer) commitLocked() error {
	if w.open == nil {
		return nil
	}
	w.timer.Stop()
	err := w.open.Commit()
	w.open, w.articles, w.timer = nil, 0, nil
	if err != nil {
		w.dropBroken(err)
		return fmt.Errorf("batch commit: %w", err)
	}
	return nil
}

// commitDue commits the batch when maxAge has passed: a slow crawl neither holds the write
// lock against other processes nor keeps its saves uncommitted for long.
func (w *writer) commitDue() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if err := w.commitLocked(); err != nil && w.err == nil {
		w.err = err
	}
}

// takeErr returns (once) the error of a batch the timer failed to commit.
func (w *writer) takeErr() error {
	err := w.err
	w.err = nil
	return err
}

// setBatch commits the batch in hand and sets how writes are batched from now on (articles 0:
// each write its own transaction).
func (w *writer) setBatch(articles int, maxAge time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := w.commitLocked()
	w.batch, w.maxAge = articles, maxAge
	return errors.Join(err, w.takeErr())
}

// read runs fn with what must answer a read: the pool, or, with batching on, the writer's
// connection (within the batch in hand), so that reads see what the batch wrote.
func (w *writer) read(ctx context.Context, fn func(querier) error) error {
	w.mu.Lock()
	if w.batch == 0 {
		w.mu.Unlock()
		return fn(w.db)
	}
	defer w.mu.Unlock()
	if w.open != nil {
		return fn(w.open)
	}
	c, err := w.connLocked(ctx)
	if err != nil {
		return err
	}
	return fn(c)
}

// close commits the batch in hand and returns the connection to the pool, which closes it
// with the DB.
func (w *writer) close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	err := errors.Join(w.commitLocked(), w.takeErr())
	w.batch = 0
	if w.conn != nil {
		w.conn.Close()
		w.conn = nil
	}
	return err
}

// BatchWrites makes the writes of db share transactions: every articles saved articles, or
// after maxAge, whichever comes first, one commit (articles <= 0: each write its own
// transaction again; the batch in hand is committed either way). A one-article transaction
// wrote about 145 WAL frames and 290 pwrite calls (every B-tree page it touched, the full-text
// segments), most of them again for the next article; a batch writes a page it touches often
// once. For a crawl: a crash loses at most the batch in hand, whose pages' frontier entries
// (written in the same batch) are then still pending and fetched again. While batching, the
// reads a crawl makes (HasArticle, DuplicateOf, the frontier, validators) run in the batch, so
// they see its articles. Close commits the batch in hand.
func (db *DB) BatchWrites(articles int, maxAge time.Duration) error {
	if err := db.w.setBatch(max(articles, 0), maxAge); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// exec runs one writing statement through the writer.
func (db *DB) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := db.w.write(ctx, false, func(tx *sql.Tx) error {
		var err error
		res, err = tx.ExecContext(ctx, query, args...)
		return err
	})
	return res, err
}
