// Package crawler fetches the pages of configured sources with colly v2: it discovers article
// URLs from feeds, sitemaps and start pages, is polite (robots.txt, per-host delay and
// parallelism), and hands each article page to a Sink. It knows nothing of SQL or extraction.
package crawler

import (
	"context"
	"regexp"
	"time"
)

// Source is one site to crawl, as configured.
type Source struct {
	Name           string
	Profile        string
	Language       string
	Feeds          []string
	Sitemaps       []string
	StartURLs      []string
	ArticlePattern *regexp.Regexp
	AllowedHosts   []string
	Keywords       []string
}

// Options are the crawl settings shared by all sources.
type Options struct {
	UserAgent       string
	Parallelism     int
	Delay           time.Duration
	RandomDelay     time.Duration
	Timeout         time.Duration
	MaxBodyBytes    int
	MaxPagesPerRun  int
	MaxPagesPerHost int
	AllowPrivate    bool // allow loopback and private addresses (demo, tests)
	Refresh         bool // fetch articles again even when already stored
}

// Page is one fetched article page.
type Page struct {
	URL         string // the URL as discovered
	FinalURL    string // after redirects
	Source      string
	Profile     string
	Language    string
	ContentType string
	Body        []byte
	FetchedAt   time.Time
	Published   time.Time // from the feed or sitemap entry, zero if unknown
}

// Sink receives pages. HandlePage is called from several goroutines at once.
type Sink interface {
	HandlePage(ctx context.Context, p Page) error
}

// Stats count what a crawl did.
type Stats struct {
	Fetched, New, Unchanged, Failed int
}

// Crawl crawls the sources once, handing every article page to sink.
func Crawl(ctx context.Context, sources []Source, opt Options, sink Sink) (Stats, error) {
	return Stats{}, nil
}
