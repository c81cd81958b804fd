package crawler

import (
	"context"
	"time"
)

// State is what the crawler remembers between runs: the frontier of article URLs with their
// status, the validators of feeds, sitemaps and start pages for conditional GET, and the
// feeds found on start pages. Implementations must be safe for concurrent use and leave a
// usable state whenever a run is killed: every call durable on its own, or (armswatch's SQLite
// store, which commits a crawl's writes in batches) durable together with the articles saved
// with it, so that a killed run loses a page's frontier entry only with its article, and the
// next run fetches it again.
type State interface {
	// Validators returns what the last 200 answer for a document said (zero when none).
	Validators(ctx context.Context, url string) (Validators, error)
	// SaveValidators records the validators of a document fetched with 200.
	SaveValidators(ctx context.Context, url string, v Validators) error

	// Enqueue adds discovered article URLs to the source's frontier and returns how many were
	// new. URLs already present keep their status, except that refresh sets them pending again.
	Enqueue(ctx context.Context, source string, items []Item, refresh bool) (int, error)
	// Pending lists the source's frontier entries to fetch, oldest first: those never fetched
	// (including ones an interrupted run left) and failed ones not yet given up. It lists at
	// most limit (> 0) of those after the entry whose Seq is after (0: from the first), so that
	// a run reads its frontier a page at a time however long it is.
	Pending(ctx context.Context, source string, after int64, limit int) ([]Item, error)
	// CountPending counts the entries Pending would list from the first, without a limit.
	CountPending(ctx context.Context, source string) (int, error)
	// Finish records the result of fetching url. Failed entries count an attempt; giveUpAfter
	// attempts make them permanent.
	Finish(ctx context.Context, url string, status Status, detail string, giveUpAfter int) error
	// Stored reports whether an article with this URL or canonical URL is already stored.
	Stored(ctx context.Context, url string) (bool, error)

	// Feeds lists the feeds discovered on the source's start pages in earlier runs.
	Feeds(ctx context.Context, source string) ([]string, error)
	// AddFeed remembers a feed discovered on a start page.
	AddFeed(ctx context.Context, source, url string) error
}

// Validators are the HTTP cache validators of a document.
type Validators struct {
	ETag         string
	LastModified string
}

// Item is one frontier entry.
type Item struct {
	URL       string
	Published time.Time // from the feed or sitemap, zero if unknown
	Seq       int64     // its place in the frontier, set by Pending: where the next page starts
}

// Status is a frontier entry's state.
type Status string

const (
	StatusPending Status = "pending" // to fetch
	StatusDone    Status = "done"    // fetched and handled (stored, unchanged, duplicate or skipped)
	StatusFailed  Status = "failed"  // last attempt failed; retried in later runs
	StatusGone    Status = "gone"    // 404, 410, robots.txt or off-host: never again
)
