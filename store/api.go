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
// serve's pages and watches are part of it (ServeStore, WatchStore): the serve and watch
// packages take those smaller interfaces.
type Store interface {
	Close() error
	ServeStore
	WatchStore

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

// ServeStore is what armswatch serve's pages read (store/serve.go says how each query stays
// fast); *DB and store/pgstore's DB implement it.
type ServeStore interface {
	Generation(ctx context.Context) (string, error)
	NewestFirstSeen(ctx context.Context) (string, error)
	RecentArticles(ctx context.Context, since string, limit int) ([]int64, int, error)
	ArticlesItems(ctx context.Context, ids []int64) ([]StatementRow, []FigureRow, error)
	Statements(ctx context.Context, f ListFilter) ([]StatementRow, error)
	EachStatement(ctx context.Context, f ListFilter, fn func(*StatementRow) error) error
	Figures(ctx context.Context, f ListFilter) ([]FigureRow, error)
	EachFigure(ctx context.Context, f ListFilter, fn func(*FigureRow) error) error
	Timeline(ctx context.Context, f ListFilter, by string) ([]Bucket, error)
	FigureSeries(ctx context.Context, treaty, by string, p Period) ([]FigureBucket, error)
	TopSpeakers(ctx context.Context, treaty string, limit int) ([]Tally, error)
	Treaty(ctx context.Context, id string) (TreatyRow, error)
	TreatyName(ctx context.Context, id string) (string, error)
	Treaties(ctx context.Context) ([]TreatyRow, error)
	Speaker(ctx context.Context, f ListFilter) (SpeakerRow, error)
	Article(ctx context.Context, id int64) (*ArticleDetail, error)
	SearchResults(ctx context.Context, q SearchQuery) (SearchResults, error)
}

// WatchStore is what watches (package watch) read and record: the items of changed articles,
// each watch's cursor and its deliveries. *DB and store/pgstore's DB implement it.
type WatchStore interface {
	WatchHead(ctx context.Context) (int64, error)
	WatchItems(ctx context.Context, after, upTo int64, fn func(*WatchItem) error) error
	StatementIDRange(ctx context.Context, after, upTo int64) (lo, hi int64, ok bool, err error)
	StatementsMatching(ctx context.Context, query string, minID, maxID int64) (map[int64]bool, error)
	WatchStates(ctx context.Context) (map[string]WatchState, error)
	EnqueueDeliveries(ctx context.Context, ds []Delivery, cursors map[string]int64) error
	ClaimDeliveries(ctx context.Context, watch, channel, claim string, reclaimBefore time.Time) ([]Delivery, error)
	FinishDeliveries(ctx context.Context, watch, channel, claim string, items []string, sendErr error) error
	SentDeliveries(ctx context.Context, watch, channel string, limit int) ([]Delivery, error)
	Payloads(ctx context.Context, items []string) (map[string]string, error)
	FinishWatchRun(ctx context.Context, watch, errText string) error
	WatchHealth(ctx context.Context) ([]WatchHealth, error)
}
