package main

import (
	"context"
	"fmt"
	"net/url"
	"time"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// With worker --split, a crawl is split into jobs: discovery of each source (feeds, sitemaps,
// start pages) is a periodic job, and each article it leaves pending is a job of its own,
// unique by URL, which any worker may take. The jobs share the worker's crawler.Session (one
// robots.txt read per host) and the database's per-host politeness.

// discoverArgs is the job of reading one source's discovery documents and queueing its
// pending articles.
type discoverArgs struct {
	Source string `json:"source"`
}

func (discoverArgs) Kind() string { return "armswatch_discover" }

func (discoverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: uniqueWhileQueued()}
}

// articleArgs is the job of fetching and analysing one article page.
type articleArgs struct {
	Source    string    `json:"source"`
	URL       string    `json:"url" river:"unique"`
	Published time.Time `json:"published,omitzero"`
}

func (articleArgs) Kind() string { return "armswatch_article" }

// InsertOpts: unique by URL (the field tagged unique) while queued or running, so a discovery that runs again while an
// article waits does not queue it twice; once done, the frontier no longer lists it.
func (articleArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: uniqueWhileQueued(), MaxAttempts: 5}
}

func uniqueWhileQueued() river.UniqueOpts {
	return river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled}}
}

// snoozeAfter is the least wait for a host that an article job gives its slot back for.
const snoozeAfter = time.Second

// hostWaiter says how long until a host's next request slot (pgstore.HostGate).
type hostWaiter interface {
	NextIn(ctx context.Context, host string) (time.Duration, error)
}

// splitJobs is what the discovery and article jobs of one worker share.
type splitJobs struct {
	hosts    hostWaiter // nil: article jobs wait for their host in their slot
	session  *crawler.Session
	sources  map[string]*crawler.Source
	state    crawler.State
	database string
	rescue   time.Duration // --rescue-after
}

func (s *splitJobs) source(name string) (*crawler.Source, error) {
	src := s.sources[name]
	if src == nil {
		// A job queued by a worker with another config: it cannot succeed here.
		return nil, river.JobCancel(fmt.Errorf("source %q is not in this worker's config", name))
	}
	return src, nil
}

type discoverWorker struct {
	river.WorkerDefaults[discoverArgs]
	jobs *splitJobs
}

// Work discovers the source's articles and queues a job for each pending one. It holds the
// crawl lock shared, as a whole-source crawl does, so that an armswatch crawl does not run
// beside it.
func (w *discoverWorker) Work(ctx context.Context, job *river.Job[discoverArgs]) error {
	src, err := w.jobs.source(job.Args.Source)
	if err != nil {
		return err
	}
	lock, err := pgstore.LockShared(ctx, w.jobs.database)
	if err != nil {
		return fmt.Errorf("discover %s: %w", src.Name, err)
	}
	defer lock.Unlock()
	if _, err := w.jobs.session.Discover(ctx, src); err != nil {
		return fmt.Errorf("discover %s: %w", src.Name, err)
	}
	// The frontier is read and queued a page at a time, as a crawl reads it: a source with a
	// large backlog does not hold it all in memory.
	for after := int64(0); ; {
		items, err := w.jobs.state.Pending(ctx, src.Name, after, 1000)
		if err != nil {
			return fmt.Errorf("discover %s: %w", src.Name, err)
		}
		if len(items) == 0 {
			break
		}
		params := make([]river.InsertManyParams, len(items))
		for i, it := range items {
			params[i] = river.InsertManyParams{Args: articleArgs{Source: src.Name, URL: it.URL, Published: it.Published}}
		}
		if _, err := river.ClientFromContext[pgx.Tx](ctx).InsertMany(ctx, params); err != nil {
			return fmt.Errorf("discover %s: queueing articles: %w", src.Name, err)
		}
		after = items[len(items)-1].Seq
	}
	return nil
}

type articleWorker struct {
	river.WorkerDefaults[articleArgs]
	jobs *splitJobs
}

// Work fetches and stores one article. The store upserts by URL and content hash and the
// frontier entry is finished only after, so a job run again after its worker was killed
// stores nothing twice. A page that fails is left to the frontier (retried by a later
// discovery, given up after its attempts); the job fails, and river retries it with backoff,
// only when it was interrupted.
func (w *articleWorker) Work(ctx context.Context, job *river.Job[articleArgs]) error {
	src, err := w.jobs.source(job.Args.Source)
	if err != nil {
		return err
	}
	// A host whose next slot is far (a long Crawl-delay, a Retry-After) would keep this slot
	// waiting while other sources' articles wait behind it: the job steps aside until then
	// (a snooze counts no attempt). The gate still spaces the requests: this only frees slots.
	if u, err := url.Parse(job.Args.URL); err == nil && w.jobs.hosts != nil {
		if wait, err := w.jobs.hosts.NextIn(ctx, u.Host); err == nil && wait >= snoozeAfter {
			return river.JobSnooze(wait)
		}
	}
	_, err = w.jobs.session.Article(ctx, src, crawler.Item{URL: job.Args.URL, Published: job.Args.Published})
	return err
}

// Timeout is --rescue-after: river never rescues a job without a timeout, and rescues one only
// once both its timeout and the rescue delay have passed, so a killed worker's article is run
// again after --rescue-after.
func (w *articleWorker) Timeout(*river.Job[articleArgs]) time.Duration { return w.jobs.rescue }

// newSplitJobs makes the worker's session: its requests live as long as ctx (the worker), its
// politeness is the database's, and it reads each host's robots.txt again after robotsTTL.
func newSplitJobs(ctx context.Context, cfg *appConfig, db *pgstore.DB, database string, sources []crawler.Source, rescue, robotsTTL time.Duration) (*splitJobs, error) {
	opt := crawlOptions(cfg, crawlFlags{})
	opt.RobotsTTL = robotsTTL
	hosts, err := db.Hosts(ctx)
	if err != nil {
		return nil, err
	}
	opt.Hosts = hosts
	state := dbState{db}
	j := &splitJobs{hosts: hosts, session: crawler.NewSession(ctx, opt, state, &articleSink{cfg: cfg, db: db}),
		sources: map[string]*crawler.Source{}, state: state, database: database, rescue: rescue}
	for i := range sources {
		j.sources[sources[i].Name] = &sources[i]
	}
	return j, nil
}
