package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"
)

// Crawl crawls the sources once: discovery documents first (feeds, sitemaps, start pages, with
// conditional GET), then the article pages waiting in the frontier, each handed to sink. When
// ctx is cancelled the pages in hand are finished, the rest stays in the frontier for the next
// run, and ctx's error is returned with the stats so far.
func Crawl(ctx context.Context, sources []Source, opt Options, state State, sink Sink) (Stats, error) {
	opt = opt.withDefaults()
	r := &run{opt: opt, state: state, sink: sink, f: newFetcher(ctx, opt), perHost: map[string]int{}}
	r.stats.Sources = map[string]*SourceStats{}
	for i := range sources {
		r.stats.Sources[sources[i].Name] = &SourceStats{}
	}
	var wg sync.WaitGroup
	for i := range sources {
		wg.Go(func() { r.source(ctx, &sources[i]) })
	}
	wg.Wait()
	r.stats.Pending = r.pending(ctx, sources)
	return r.stats, ctx.Err()
}

type run struct {
	opt   Options
	state State
	sink  Sink
	f     *fetcher

	mu       sync.Mutex
	stats    Stats
	taken    int             // article fetches this run
	perHost  map[string]int  // article fetches per host this run
	reported map[string]bool // host-down errors already logged
}

func (r *run) source(ctx context.Context, src *Source) {
	r.discover(ctx, src)
	if ctx.Err() == nil {
		r.articles(ctx, src)
	}
}

// articles fetches the source's pending frontier entries with Parallelism workers (the colly
// limit rule keeps each host to Parallelism requests and its delay).
func (r *run) articles(ctx context.Context, src *Source) {
	limit := 0
	if r.opt.MaxPagesPerRun > 0 {
		r.mu.Lock()
		limit = max(r.opt.MaxPagesPerRun-r.taken, 0)
		r.mu.Unlock()
		if limit == 0 {
			return
		}
	}
	total, err := r.state.CountPending(ctx, src.Name)
	if err != nil {
		r.sourceError(src, "reading the frontier", err)
		return
	}
	if limit > 0 {
		total = min(total, limit)
	}
	r.opt.Progress(Event{Kind: EventQueued, Source: src.Name, Total: total})
	jobs := make(chan Item)
	var wg sync.WaitGroup
	for range r.opt.Parallelism {
		wg.Go(func() {
			for it := range jobs {
				r.article(ctx, src, it)
			}
		})
	}
	r.feed(ctx, src, limit, jobs)
	close(jobs)
	wg.Wait()
}

// pendingPage is how many frontier entries the run reads at a time: the whole list of a big
// frontier (a first crawl of a sitemap of 100,000 URLs) held in memory for the whole run made
// its memory grow with the frontier.
const pendingPage = 256

// feed hands the workers the source's pending entries, at most limit (0: all), reading them a
// page at a time, until ctx is done.
func (r *run) feed(ctx context.Context, src *Source, limit int, jobs chan<- Item) {
	var after int64
	for sent := 0; limit == 0 || sent < limit; {
		n := pendingPage
		if limit > 0 {
			n = min(n, limit-sent)
		}
		items, err := r.state.Pending(ctx, src.Name, after, n)
		if err != nil {
			if ctx.Err() == nil {
				r.sourceError(src, "reading the frontier", err)
			}
			return
		}
		for _, it := range items {
			if ctx.Err() != nil {
				return
			}
			jobs <- it
			after = it.Seq
			sent++
		}
		if len(items) < n {
			return
		}
	}
}

// interrupted says whether err is the run being stopped (its ctx cancelled or past its
// deadline), as opposed to a request's own timeout, which is a failure of the page. A ctx
// cancelled with a cause (signal.NotifyContext's "terminated signal received") makes what
// stops on it report the cause rather than context.Canceled: that is the run stopping too.
func interrupted(ctx context.Context, err error) bool {
	if err == nil || ctx.Err() == nil {
		return false
	}
	return errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Cause(ctx))
}

// pending counts what the frontier holds for a later run once this one ends: pages never
// fetched (caps, interruption, a host down) and failed pages not yet given up. It is read
// from the state, not counted along the way, so pages the run never looked at count too.
func (r *run) pending(ctx context.Context, sources []Source) int {
	n := 0
	for i := range sources {
		c, err := r.state.CountPending(context.WithoutCancel(ctx), sources[i].Name)
		if err != nil {
			r.sourceError(&sources[i], "counting the frontier", err)
			continue
		}
		n += c
	}
	return n
}

// article fetches one page and hands it to the sink. The frontier entry is finished only after
// the sink returned, so a run killed in between fetches the page again (the store's unique URL
// and the Stored check keep that from duplicating anything).
func (r *run) article(ctx context.Context, src *Source, it Item) {
	if !r.opt.Refresh {
		stored, err := r.state.Stored(ctx, it.URL)
		if err == nil && stored {
			// Stored by a run that was killed before it could finish the entry.
			r.finish(ctx, src, it.URL, StatusDone, "", "unchanged")
			return
		}
	}
	if !r.take(it.URL) {
		return
	}
	resp, err := r.f.get(ctx, src, it.URL, nil)
	if interrupted(ctx, err) || errors.Is(err, errHostDown) {
		return // the run is stopping, or the host is down: the entry stays pending
	}
	var fe *fetchError
	if !errors.As(err, &fe) || !fe.Refused {
		r.count(src, func(s *Stats, ss *SourceStats) { s.Fetched++; ss.Fetched++ })
	}
	if err != nil {
		status := StatusFailed
		if errors.As(err, &fe) && fe.Permanent {
			status = StatusGone
		}
		r.fail(ctx, src, it.URL, status, err)
		return
	}
	if kind := notHTML(resp.Header.Get("Content-Type"), resp.Body); kind != "" {
		// A PDF or an archive is no article: recorded as handled, with what it was, and never
		// fetched again (a URL that changes its type is rare; --refresh fetches it anyway).
		r.count(src, func(s *Stats, _ *SourceStats) { s.Unchanged++; s.NotHTML++ })
		detail := fmt.Sprintf("skipped: not HTML (%s)", kind)
		r.opt.Logger.Info("page", "source", src.Name, "url", it.URL, "result", "skipped", "reason", detail)
		r.finish(ctx, src, it.URL, StatusDone, detail, string(Skipped))
		return
	}
	page := Page{URL: it.URL, FinalURL: resp.URL, Source: src, ContentType: resp.Header.Get("Content-Type"),
		Body: resp.Body, FetchedAt: time.Now().UTC(), Published: it.Published}
	out, err := r.sink.HandlePage(ctx, page)
	if interrupted(ctx, err) {
		return // stopped in the sink's analysis: the entry stays pending for the next run
	}
	if err != nil {
		r.fail(ctx, src, it.URL, StatusFailed, err)
		return
	}
	r.count(src, func(s *Stats, ss *SourceStats) {
		switch out {
		case New:
			s.New++
			ss.New++
		case Changed:
			s.Changed++
		default:
			s.Unchanged++
		}
	})
	r.opt.Logger.Info("page", "source", src.Name, "url", it.URL, "result", string(out), "status", resp.Status, "ms", resp.Elapsed.Milliseconds())
	r.finish(ctx, src, it.URL, StatusDone, "", string(out))
}

func (r *run) fail(ctx context.Context, src *Source, u string, status Status, err error) {
	r.count(src, func(s *Stats, ss *SourceStats) { s.Failed++; ss.Failed++; ss.LastError = err.Error() })
	r.opt.Logger.Warn("page failed", "source", src.Name, "url", u, "error", err.Error(), "permanent", status == StatusGone)
	result := "failed"
	if status == StatusGone {
		result = "gone"
	}
	r.finish(ctx, src, u, status, err.Error(), result)
}

func (r *run) finish(ctx context.Context, src *Source, u string, status Status, detail, result string) {
	if err := r.state.Finish(context.WithoutCancel(ctx), u, status, detail, r.opt.GiveUpAfter); err != nil {
		r.sourceError(src, "recording "+u, err)
	}
	r.opt.Progress(Event{Kind: EventPage, Source: src.Name, URL: u, Result: result})
}

// take reserves one article fetch against the per-run and per-host caps.
func (r *run) take(raw string) bool {
	host := ""
	if u, err := url.Parse(raw); err == nil {
		host = u.Host
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.opt.MaxPagesPerRun > 0 && r.taken >= r.opt.MaxPagesPerRun {
		return false
	}
	if r.opt.MaxPagesPerHost > 0 && r.perHost[host] >= r.opt.MaxPagesPerHost {
		return false
	}
	r.taken++
	r.perHost[host]++
	return true
}

func (r *run) count(src *Source, f func(*Stats, *SourceStats)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	f(&r.stats, r.stats.Sources[src.Name])
}

func (r *run) sourceError(src *Source, what string, err error) {
	r.mu.Lock()
	ss := r.stats.Sources[src.Name]
	ss.DocumentErrors++
	ss.LastError = err.Error()
	r.mu.Unlock()
	r.opt.Logger.Error(what, "source", src.Name, "error", err.Error())
}
