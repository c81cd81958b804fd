// Package crawler fetches the pages of configured sources with colly v2: it discovers article
// URLs from feeds, sitemaps and start pages, is polite (robots.txt with Crawl-delay, per-host
// delay and parallelism, Retry-After, backoff) and hands each article page to a Sink. It knows
// nothing of SQL or extraction: what it must remember between runs goes through State.
package crawler

import (
	"context"
	"log/slog"
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
	ArticlePattern *regexp.Regexp // nil: every link on an allowed host is a candidate
	AllowedHosts   []string
	Keywords       []string // passed through to the sink, which decides relevance
}

// Options are the crawl settings shared by all sources. Zero values get the defaults noted.
type Options struct {
	UserAgent       string
	Parallelism     int           // concurrent requests per host (default 2)
	Delay           time.Duration // between requests to one host; robots.txt Crawl-delay wins if larger
	RandomDelay     time.Duration
	Timeout         time.Duration // per request (default 30s)
	MaxBodyBytes    int           // larger pages fail (default 10 MiB)
	MaxPagesPerRun  int           // article pages fetched per run, all sources (0: no cap)
	MaxPagesPerHost int           // article pages fetched per host per run (0: no cap)
	AllowPrivate    bool          // allow loopback and private addresses (demo, tests)
	Refresh         bool          // fetch discovered articles again even when already stored
	Hosts           HostGate      // shared per-host delay and Retry-After (nil: this process's own)
	RobotsTTL       time.Duration // a Session reads a host's robots.txt again after this (0: once for its life)

	Retries       int           // extra attempts for timeouts, resets, 5xx (default 3)
	RetryBase     time.Duration // first backoff, doubled each attempt, plus jitter (default 1s)
	MaxRetryAfter time.Duration // a longer Retry-After leaves the page for the next run (default 2m)
	MaxSitemaps   int           // sitemap documents read per source per run (default 50)
	MaxAge        time.Duration // sitemap entries dated earlier are ignored (default 30 days)
	GiveUpAfter   int           // runs in which a page failed before it is abandoned (default 5)

	Logger   *slog.Logger // nil: discard
	Progress func(Event)  // nil: none; called from several goroutines
}

// Event tells a progress display what happened.
type Event struct {
	Kind   EventKind
	Source string
	URL    string
	Total  int    // with EventQueued: article pages this run will try
	Result string // with EventPage: new, changed, unchanged, duplicate, skipped, failed, gone
}

// EventKind says what an Event reports.
type EventKind int

const (
	EventQueued EventKind = iota // the article phase starts with Total pages
	EventPage                    // one article page finished
)

// Page is one fetched article page.
type Page struct {
	URL         string // the URL as discovered
	FinalURL    string // after redirects
	Source      *Source
	ContentType string
	Body        []byte
	FetchedAt   time.Time
	Published   time.Time // from the feed or sitemap entry, zero if unknown
}

// Outcome is what the sink made of a page.
type Outcome string

const (
	New       Outcome = "new"       // stored for the first time
	Changed   Outcome = "changed"   // stored before, content differed
	Unchanged Outcome = "unchanged" // stored before with the same content
	Duplicate Outcome = "duplicate" // same canonical URL or content as another stored article
	Skipped   Outcome = "skipped"   // deliberately not stored (e.g. off-topic)
)

// Sink receives article pages. HandlePage is called from several goroutines at once; an error
// counts the page as failed (it is retried in a later run) and never stops the crawl. ctx is
// cancelled when the run is stopped (SIGTERM): a sink may stop its work on the page and return
// ctx's error, which leaves the page pending, but what it saves it must finish saving.
type Sink interface {
	HandlePage(ctx context.Context, p Page) (Outcome, error)
}

// Stats count what a crawl did.
type Stats struct {
	Fetched     int // article pages fetched (any HTTP answer)
	New         int
	Changed     int
	Unchanged   int // includes duplicates and skipped pages (NotHTML too)
	Failed      int
	Documents   int // feeds, sitemaps and start pages requested
	NotModified int // of those, answered 304
	Discovered  int // article URLs new to the frontier
	NotHTML     int // article URLs that answered with something else (PDF, archive): skipped
	Pending     int // article URLs in the frontier for a later run at the end (never fetched, or failed and not given up)
	Sources     map[string]*SourceStats
}

// SourceStats count one source's share of a run, for its health.
type SourceStats struct {
	Fetched, New, Failed, Documents, DocumentErrors int
	LastError                                       string
}

// Defaults are the values the crawler uses for options left zero; the config's defaults
// (config.Default) take theirs from here, so the two cannot disagree. Delay, RandomDelay and
// the page caps have no default here: zero means none.
func Defaults() Options {
	return Options{
		UserAgent:   "armswatch/0.1 (+https://github.com/armswatch/armswatch)",
		Parallelism: 2, Timeout: 30 * time.Second, MaxBodyBytes: 10 << 20,
		Retries: 3, RetryBase: time.Second, MaxRetryAfter: 2 * time.Minute,
		MaxSitemaps: 50, MaxAge: 30 * 24 * time.Hour, GiveUpAfter: 5,
	}
}

// withDefaults fills the zero values from Defaults. Retries below zero mean none.
func (o Options) withDefaults() Options {
	d := Defaults()
	def := func(v *time.Duration, dv time.Duration) {
		if *v <= 0 {
			*v = dv
		}
	}
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	if o.Parallelism <= 0 {
		o.Parallelism = d.Parallelism
	}
	def(&o.Timeout, d.Timeout)
	def(&o.RetryBase, d.RetryBase)
	def(&o.MaxRetryAfter, d.MaxRetryAfter)
	def(&o.MaxAge, d.MaxAge)
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = d.MaxBodyBytes
	}
	if o.Retries == 0 {
		o.Retries = d.Retries
	}
	o.Retries = max(o.Retries, 0)
	if o.MaxSitemaps <= 0 {
		o.MaxSitemaps = d.MaxSitemaps
	}
	if o.GiveUpAfter <= 0 {
		o.GiveUpAfter = d.GiveUpAfter
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Progress == nil {
		o.Progress = func(Event) {}
	}
	return o
}
