package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/armswatch/armswatch/extract"
)

// Store is what the commands need of a database, whichever holds it: *DB (SQLite, this
// package) or store/pgstore's (PostgreSQL). The conformance suite in store/storetest runs the
// same tests against both. Rows that users see (query, stories) are *sql.Rows on both.
//
// serve and watches still take *DB: on PostgreSQL those commands say so and stop.
type Store interface {
	Close() error

	// Saving (crawl, reextract, demo through ingest).
	SaveArticle(ctx context.Context, a *Article) (SaveResult, error)
	SaveArticles(ctx context.Context, as []*Article) error
	DuplicateOf(ctx context.Context, url string, an *extract.Analysis) (string, error)

	// The crawler's state.
	Validators(ctx context.Context, url string) (etag, lastModified string, err error)
	SaveValidators(ctx context.Context, url, etag, lastModified string) error
	Enqueue(ctx context.Context, source string, items []FrontierItem, refresh bool) (int, error)
	Pending(ctx context.Context, source string, after int64, limit int) ([]FrontierItem, error)
	CountPending(ctx context.Context, source string) (int, error)
	Finish(ctx context.Context, url, state, detail string, giveUpAfter int) error
	HasArticle(ctx context.Context, url string) (bool, error)
	DiscoveredFeeds(ctx context.Context, source string) ([]string, error)
	AddDiscoveredFeed(ctx context.Context, source, url string) error

	// Runs and status.
	CloseDeadRuns(ctx context.Context) (int, error)
	StartRun(ctx context.Context, sources []string) (int64, error)
	FinishRun(ctx context.Context, id int64, st RunStats) error
	RecordRunSources(ctx context.Context, id int64, rs []RunSource) error
	Runs(ctx context.Context, n int) ([]Run, error)
	Health(ctx context.Context) ([]SourceHealth, error)
	WatchHealth(ctx context.Context) ([]WatchHealth, error)

	// Reading: query (read-only on a store opened read-only), search, export, digest, stories.
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
	SearchResults(ctx context.Context, q SearchQuery) (SearchResults, error)
	Export(ctx context.Context, kind string, p Period, fn func(row []string) error) error
	Digest(ctx context.Context, p Period, fn func(*DigestItem) error) error
	DigestCounts(ctx context.Context, p Period) (DigestSummary, error)
	Stories(ctx context.Context, since time.Time, all bool) (*sql.Rows, error)

	// reextract.
	StaleArticles(ctx context.Context, version string, all bool) ([]int64, error)
	Page(ctx context.Context, id int64) (*StoredPage, error)
}

var _ Store = (*DB)(nil)
