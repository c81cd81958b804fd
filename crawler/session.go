package crawler

import "context"

// Session serves many small crawl jobs, as a worker's discovery and article jobs are, through
// one fetcher: robots.txt is read once per host per session, and the per-host limits (and
// Options.Hosts, shared with other processes) hold across the jobs. Crawl is a session of one
// run over whole sources; a Session's jobs are each a part of one.
type Session struct {
	opt   Options
	state State
	sink  Sink
	f     *fetcher
}

// NewSession starts a session whose requests carry ctx (the worker's lifetime: cancelling it
// aborts downloads in flight).
func NewSession(ctx context.Context, opt Options, state State, sink Sink) *Session {
	opt = opt.withDefaults()
	return &Session{opt: opt, state: state, sink: sink, f: newFetcher(ctx, opt)}
}

// newRun is one job's run: its own stats and caps, the session's fetcher.
func (s *Session) newRun(src *Source) *run {
	r := &run{opt: s.opt, state: s.state, sink: s.sink, f: s.f, perHost: map[string]int{}}
	r.stats.Sources = map[string]*SourceStats{src.Name: {}}
	return r
}

// Discover reads the source's feeds, sitemaps and start pages (conditional GET) and adds the
// article URLs they list to the frontier; it fetches no article. Pending then lists what to
// fetch, each with Article.
func (s *Session) Discover(ctx context.Context, src *Source) (Stats, error) {
	r := s.newRun(src)
	r.discover(ctx, src)
	return r.stats, ctx.Err()
}

// Article fetches one frontier entry of the source and hands it to the sink, finishing the
// entry as Crawl does (a failed page stays in the frontier for a later attempt, counted in
// Stats.Failed). When ctx is cancelled first the entry stays pending and ctx's error is
// returned, so that the job runs again.
func (s *Session) Article(ctx context.Context, src *Source, it Item) (Stats, error) {
	r := s.newRun(src)
	r.article(ctx, src, it)
	return r.stats, ctx.Err()
}
