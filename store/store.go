// Package store keeps armswatch's data in SQLite (github.com/mattn/go-sqlite3): a versioned
// schema migrated on open, one transaction per article. It knows nothing of HTML: pages come in
// as bytes with their analysis (armswatch/extract's Analysis) and go out the same way.
//
// The schema is documented in docs/schema.md; migrations live in migrations.go.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/armswatch/armswatch/extract"

	_ "github.com/mattn/go-sqlite3" // registers the "sqlite3" driver
)

// Article is one fetched page with its analysis, as the crawler and reextract hand it over.
type Article struct {
	URL       string
	Source    string
	FetchedAt time.Time
	HTML      []byte // raw page, stored compressed; nil keeps the page already stored
	// PublishedHint is the publication time the feed or sitemap gave (zero: none), kept so
	// that reextract hands the analyzer what the crawl did.
	PublishedHint time.Time
	Analysis      *extract.Analysis
	// PageFetchedAt, with HTML nil, is the fetch time of the stored page the analysis was made
	// from (reextract). When the stored page is no longer that one (a crawl stored a newer
	// fetch while the page was being analysed again), nothing is saved and SaveResult says
	// Superseded: the crawl's own analysis of the newer page stays.
	PageFetchedAt time.Time
}

// SaveResult says what saving did.
type SaveResult struct {
	ArticleID int64
	New       bool // the URL was not stored before
	Changed   bool // stored before with another content hash
	// Superseded: a re-analysis of a page that a newer fetch replaced since; nothing was saved.
	Superseded bool
}

// Superseded tells whether a, a re-analysis of a stored page (HTML nil, PageFetchedAt set),
// was made from an older page than the one stored now, whose fetch time is storedFetched.
func Superseded(a *Article, storedFetched string) bool {
	return a.HTML == nil && !a.PageFetchedAt.IsZero() && storedFetched != utc(a.PageFetchedAt)
}

// DB is an open armswatch database.
type DB struct {
	sql      *sql.DB
	path     string
	readOnly bool
	fts      bool // the full-text tables and their triggers exist
	treaties treatyCache
	stmts    stmtCache // the statements of SaveArticle
	w        writer    // the connection writes go through (writable databases)
}

// timeLayout is how the store writes instants: UTC, second precision, sortable as text.
const timeLayout = "2006-01-02T15:04:05Z"

func utc(t time.Time) string { return t.UTC().Format(timeLayout) }

// busyTimeout is how long a connection waits for another process's write lock (a crawl running
// while reextract or a query runs) before giving up with "database is locked".
const busyTimeout = 10 * time.Second

// dsn builds the go-sqlite3 connection string. The pragmas go in the DSN rather than in one Exec
// so that every pooled connection gets them.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_busy_timeout", fmt.Sprint(busyTimeout.Milliseconds()))
	q.Set("_foreign_keys", "on")
	if readOnly {
		q.Set("mode", "ro")
		q.Set("_query_only", "on")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", "NORMAL")
		// BEGIN IMMEDIATE: a writer takes the lock when it starts, so two writers queue on
		// busy_timeout instead of failing when a read transaction tries to upgrade.
		q.Set("_txlock", "immediate")
		// Each pooled connection has its own page cache, 2 MiB by default, which fills as the
		// database outgrows it: SQLite's C heap of a 5,000-page soak crawl peaked at 11.5 MB
		// against 7.6 for 1,000 pages. At 512 KiB it no longer grows with the database (8.5
		// against 7.3) and the crawl cost no more CPU; the OS page cache holds the rest.
		q.Set("_cache_size", "-512")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Open opens (creating and migrating if needed) the database at path for reading and writing.
func Open(path string) (*DB, error) { return OpenContext(context.Background(), path, nil) }

// Progress is told how far the one-time grouping of stored articles into stories has got
// (done of total articles); it is called with done 0 before the first batch, and only when
// there is work to do.
type Progress func(done, total int)

// OpenContext is Open for a command that can be interrupted: a database upgraded from before
// schema version 6 groups its stored articles into stories on its first writing open, which
// takes minutes per 10,000 articles. progress (nil: none) follows it; cancelling ctx stops it
// (the batch in hand is rolled back), and the next open goes on from there.
func OpenContext(ctx context.Context, path string, progress Progress) (*DB, error) {
	s, err := sql.Open(writeDriver, dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.SetMaxIdleConns(writeIdleConns)
	db := &DB{sql: s, path: path, stmts: stmtCache{db: s}, w: writer{db: s}}
	if err := db.migrate(context.Background()); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	if err := db.syncFTS(context.Background()); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	if err := db.backfillStories(ctx, progress); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	// A writer (crawl, reextract, watch) runs long and churns SQLite's memory.
	releaseFreedMemory()
	return db, nil
}

// readOnlyIdleConns is how many idle connections a read-only database keeps.
const readOnlyIdleConns = 16

// ErrNoDatabase is returned by OpenReadOnly when the file does not exist.
var ErrNoDatabase = errors.New("no such database")

// OpenReadOnly opens an existing database read-only (mode=ro, query_only): any statement that
// would write fails, whatever SQL a user passes.
func OpenReadOnly(path string) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("store: %s: %w (run armswatch crawl or demo first)", path, ErrNoDatabase)
	}
	s, err := sql.Open(readOnlyDriver, dsn(path, true))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	// Keep the connections a busy server opened: each maps the file anew (readOnlyDriver), and a
	// new one pays a page fault for every page it touches the first time (a filtered search
	// for a common word: 100 ms of CPU became 350 once). database/sql keeps only 2 by default.
	s.SetMaxIdleConns(readOnlyIdleConns)
	db := &DB{sql: s, path: path, readOnly: true, w: writer{db: s}}
	if err := db.checkVersion(context.Background()); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	db.fts, err = db.hasFTSTables(context.Background())
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("store: %s: %w", path, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error {
	werr := db.w.close()
	db.stmts.close()
	if err := db.sql.Close(); err != nil {
		return err
	}
	if werr != nil {
		return fmt.Errorf("store: close %s: %w", db.path, werr)
	}
	return nil
}

// Path is the file the database was opened from.
func (db *DB) Path() string { return db.path }

// Query runs SQL and returns its rows; on a database opened with OpenReadOnly, a statement that
// would write fails with an error for which IsReadOnlyError is true.
func (db *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return db.sql.QueryContext(ctx, query, args...)
}
