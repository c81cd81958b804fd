package main

import (
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/armswatch/armswatch/crawler"

	"github.com/schollz/progressbar/v3"
)

// reporter is what a crawl shows: on a terminal a progress bar and warnings; elsewhere (cron
// mails whatever is printed) only errors and one summary line; with --log-format json one JSON
// object per event for log shippers; with --quiet only errors.
type reporter struct {
	e     *env
	f     crawlFlags
	log   *slog.Logger
	mu    sync.Mutex
	bar   *progressbar.ProgressBar
	total int // article pages queued so far, over all sources
}

func newReporter(e *env, f crawlFlags) *reporter {
	r := &reporter{e: e, f: f}
	level := slog.LevelError
	switch {
	case f.quiet:
	case f.logFormat == "json":
		level = slog.LevelInfo
	case e.isTerminal:
		level = slog.LevelWarn
	}
	hopt := &slog.HandlerOptions{Level: level}
	if f.logFormat == "json" {
		r.log = slog.New(slog.NewJSONHandler(e.stderr, hopt))
	} else {
		r.log = slog.New(slog.NewTextHandler(e.stderr, hopt))
	}
	if e.isTerminal && !f.quiet && f.logFormat == "text" {
		r.bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("discovering"), progressbar.OptionShowCount(),
			progressbar.OptionSetElapsedTime(true), progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond))
	}
	return r
}

func (r *reporter) progress(ev crawler.Event) {
	if r.bar == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev.Kind {
	case crawler.EventQueued:
		// The spinner's max is not 0 (progressbar keeps its own for -1), so count here.
		r.total += ev.Total
		r.bar.ChangeMax(r.total)
		r.bar.Describe("crawling")
	case crawler.EventPage:
		r.bar.Add(1)
	}
}

func (r *reporter) done() {
	if r.bar != nil {
		r.bar.Finish()
		r.bar.Clear()
	}
}

// summary prints the run's one line: to stdout as text, or as a JSON log record.
func (r *reporter) summary(runID int64, st crawler.Stats, took time.Duration, interrupted bool) {
	if r.f.quiet {
		return
	}
	if r.f.logFormat == "json" {
		r.log.Info("crawl finished", "run", runID, "fetched", st.Fetched, "new", st.New, "changed", st.Changed,
			"unchanged", st.Unchanged, "failed", st.Failed, "pending", st.Pending, "documents", st.Documents,
			"not_modified", st.NotModified, "discovered", st.Discovered, "seconds", took.Seconds(), "interrupted", interrupted)
		return
	}
	writeSummary(r.e.stdout, runID, st, took, interrupted)
}

func writeSummary(w io.Writer, runID int64, st crawler.Stats, took time.Duration, interrupted bool) {
	state := "done"
	if interrupted {
		state = "interrupted"
	}
	problems := 0
	for _, s := range st.Sources {
		problems += s.DocumentErrors
	}
	fmt.Fprintf(w, "crawl run %d %s in %s: %d new, %d changed, %d unchanged, %d failed of %d pages fetched; %d feeds/sitemaps/start pages read (%d not modified, %d with errors); %d URLs discovered, %d left for later\n",
		runID, state, took.Round(10*time.Millisecond), st.New, st.Changed, st.Unchanged, st.Failed, st.Fetched,
		st.Documents, st.NotModified, problems, st.Discovered, st.Pending)
}
