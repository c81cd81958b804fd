package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
)

// crawlFlags are the crawl command's flags (spec/cli.md).
type crawlFlags struct {
	configPath string
	dbPath     string
	sources    []string
	refresh    bool
	maxPages   int
	every      time.Duration
	logFormat  string // text or json
	quiet      bool
	// shared: other processes crawl into the database at the same time (armswatch worker), so
	// runs still marked running are theirs, not dead ones to close.
	shared bool
}

func runCrawl(ctx context.Context, e *env, args []string) error {
	var f crawlFlags
	fs := newFlags(e, "crawl", "")
	fs.StringVar(&f.configPath, "config", "", "config file (default ./config.toml, then $XDG_CONFIG_HOME/armswatch/config.toml)")
	fs.StringVar(&f.dbPath, "db", "", "database file (default: the config's database)")
	fs.Var((*stringList)(&f.sources), "source", "crawl only this source (repeatable)")
	fs.BoolVar(&f.refresh, "refresh", false, "fetch listed articles again even when already stored")
	fs.IntVar(&f.maxPages, "max-pages", 0, "article pages to fetch at most this run, a positive number (default: the config's max_pages_per_run)")
	fs.DurationVar(&f.every, "every", 0, "crawl again every DURATION until interrupted (for places without cron)")
	fs.StringVar(&f.logFormat, "log-format", "text", "text or json (one JSON object per event on stderr)")
	fs.BoolVar(&f.quiet, "quiet", false, "print errors only: no progress bar, no summary")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("crawl: unexpected argument %q", rest[0])
	}
	if f.logFormat != "text" && f.logFormat != "json" {
		return usageError("crawl: --log-format must be text or json, not %q", f.logFormat)
	}
	// --max-pages 0 would read as "no pages" but the crawler takes 0 as "no cap": refuse it
	// rather than fetch hundreds of pages.
	if flagGiven(fs, "max-pages") && f.maxPages <= 0 {
		return usageError("crawl: --max-pages must be a positive number (leave it out for the config's max_pages_per_run)")
	}
	if f.every < 0 {
		return usageError("crawl: --every must not be negative")
	}
	cfg, err := loadConfig(f.configPath, true)
	if err != nil {
		return err
	}
	if _, err := selectSources(cfg, f.sources); err != nil {
		return err
	}
	if f.dbPath == "" {
		f.dbPath = cfg.Database
	}
	tuneCrawlGC()
	if f.every == 0 {
		return crawlLocked(ctx, e, cfg, f)
	}
	return crawlEvery(ctx, e, cfg, f)
}

// crawlEvery crawls, then again each time f.every has passed since the last start, until ctx is
// cancelled (SIGTERM is how a container stops it: a clean exit, the run in progress recorded as
// interrupted). A tick finding the database locked or failing is reported and skipped.
func crawlEvery(ctx context.Context, e *env, cfg *appConfig, f crawlFlags) error {
	for {
		start := time.Now()
		err := crawlLocked(ctx, e, cfg, f)
		switch {
		case ctx.Err() != nil:
			return nil
		case err != nil:
			fmt.Fprintf(e.stderr, "armswatch: %v\n", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Until(start.Add(f.every))):
		}
	}
}

// crawlLocked takes the database's lock, crawls once and releases it.
func crawlLocked(ctx context.Context, e *env, cfg *appConfig, f crawlFlags) error {
	lock, err := lockDB(ctx, f.dbPath)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	db, err := openWrite(ctx, e, f.dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err = crawlOnce(ctx, e, cfg, db, f); err != nil {
		return err
	}
	if len(cfg.Watches) > 0 && ctx.Err() == nil {
		return watchAfterCrawl(ctx, e, cfg, db, f.quiet)
	}
	return nil
}

// crawlOnce crawls the selected sources once into db, recording a crawl_runs row, and reports
// as f asks (progress bar, logs, summary). The caller holds the database lock (or owns the
// database alone, like the demo): runs still marked running are then dead and closed here.
func crawlOnce(ctx context.Context, e *env, cfg *appConfig, db store.Store, f crawlFlags) (crawler.Stats, error) {
	sources, err := selectSources(cfg, f.sources)
	if err != nil {
		return crawler.Stats{}, err
	}
	names := make([]string, len(sources))
	for i, s := range sources {
		names[i] = s.Name
	}
	rep := newReporter(e, f)
	opt := crawlOptions(cfg, f)
	opt.Logger, opt.Progress = rep.log, rep.progress
	if pg, ok := db.(*pgstore.DB); ok {
		// Per-host delay and Retry-After kept in the database, so that they hold across every
		// worker (and crawl) writing into it, not just within this process.
		hosts, err := pg.Hosts(ctx)
		if err != nil {
			return crawler.Stats{}, err
		}
		opt.Hosts = hosts
	}
	// The run row is written without ctx: an interrupted run must still be recorded as such.
	bg := context.WithoutCancel(ctx)
	if !f.shared {
		if _, err := db.CloseDeadRuns(bg); err != nil {
			return crawler.Stats{}, err
		}
	}
	runID, err := db.StartRun(bg, names)
	if err != nil {
		return crawler.Stats{}, err
	}
	start := time.Now()
	sink := &articleSink{cfg: cfg, db: db}
	endBatch, err := batchWrites(db)
	if err != nil {
		return crawler.Stats{}, err
	}
	stats, cerr := crawler.Crawl(ctx, sources, opt, dbState{db}, sink)
	if err := endBatch(); err != nil {
		return stats, err
	}
	rep.done()
	rs := store.RunStats{Status: store.RunOK, Fetched: stats.Fetched, New: stats.New,
		Unchanged: stats.Unchanged, Failed: stats.Failed}
	if cerr != nil {
		rs.Status, rs.Error = store.RunInterrupted, "interrupted: "+cerr.Error()
	}
	if err := db.FinishRun(bg, runID, rs); err != nil {
		return stats, err
	}
	if err := db.RecordRunSources(bg, runID, runSources(stats)); err != nil {
		return stats, err
	}
	rep.summary(runID, stats, time.Since(start), cerr != nil)
	if cerr != nil {
		return stats, fmt.Errorf("crawl interrupted: %d pages left in the frontier for the next run", stats.Pending)
	}
	return stats, nil
}

// Crawl and reextract writes commit in batches of batchArticles saved articles, or batchAge
// after a batch began (store.DB.BatchWrites): one transaction per article cost the crawl about
// 290 pwrite calls and a commit per page. A crash loses at most the batch in hand: a crawl's
// frontier entries are written in it too, so the next run fetches those pages again, and
// reextract finds those articles still stale. A batch holds the write lock against other
// processes (reextract, a worker, a crawl) no longer than batchAge.
const (
	batchArticles = 32
	batchAge      = time.Second
)

// batchWrites turns on db's write batching when it has one (SQLite; PostgreSQL's workers save
// concurrently) and returns what commits the batch in hand and turns it off.
func batchWrites(db store.Store) (end func() error, err error) {
	b, ok := db.(interface {
		BatchWrites(articles int, maxAge time.Duration) error
	})
	if !ok {
		return func() error { return nil }, nil
	}
	if err := b.BatchWrites(batchArticles, batchAge); err != nil {
		return nil, err
	}
	return func() error { return b.BatchWrites(0, 0) }, nil
}

// selectSources converts the configured sources, keeping those named (all when none are).
func selectSources(cfg *appConfig, only []string) ([]crawler.Source, error) {
	var out []crawler.Source
	for _, name := range only {
		if !slices.ContainsFunc(cfg.Sources, func(s config.Source) bool { return s.Name == name }) {
			return nil, usageError("crawl: --source %q is not in %s", name, cfg.Path)
		}
	}
	for _, s := range cfg.Sources {
		if len(only) > 0 && !slices.Contains(only, s.Name) {
			continue
		}
		out = append(out, crawler.Source{
			Name: s.Name, Profile: s.Profile, Language: s.Language, Feeds: s.Feeds, Sitemaps: s.Sitemaps,
			StartURLs: s.StartURLs, ArticlePattern: s.Pattern, AllowedHosts: s.AllowedHosts, Keywords: s.Keywords,
		})
	}
	if len(out) == 0 {
		return nil, usageError("crawl: %s has no [[sources]]", cfg.Path)
	}
	return out, nil
}

func crawlOptions(cfg *appConfig, f crawlFlags) crawler.Options {
	c := cfg.Crawl
	opt := crawler.Options{
		UserAgent: cfg.UserAgent, Parallelism: c.Parallelism, Delay: c.Delay.Duration,
		RandomDelay: c.RandomDelay.Duration, Timeout: c.Timeout.Duration, MaxBodyBytes: c.MaxBodyBytes,
		MaxPagesPerRun: c.MaxPagesPerRun, MaxPagesPerHost: c.MaxPagesPerHost,
		AllowPrivate: c.AllowPrivateAddresses, Refresh: f.refresh,
	}
	if f.maxPages > 0 {
		opt.MaxPagesPerRun = f.maxPages
	}
	// Backoff scales with the configured politeness, so tests and the demo (delays in
	// milliseconds) stay fast while real crawls wait seconds.
	opt.RetryBase = max(c.Delay.Duration, 10*time.Millisecond)
	return opt
}

func runSources(st crawler.Stats) []store.RunSource {
	var out []store.RunSource
	for name, s := range st.Sources {
		out = append(out, store.RunSource{Source: name, Documents: s.Documents, DocumentErrors: s.DocumentErrors,
			Fetched: s.Fetched, New: s.New, Failed: s.Failed, LastError: s.LastError})
	}
	slices.SortFunc(out, func(a, b store.RunSource) int { return strings.Compare(a.Source, b.Source) })
	return out
}
