package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
)

// By default (worker --split) a crawl is split into jobs: discovery of each source (feeds,
// sitemaps, start pages) is a periodic job, and each article it leaves pending is a job of its
// own, unique by URL, which any worker may take. The jobs share the worker's crawler.Session
// (one robots.txt read per host) and the database's per-host politeness. Each discovery pass
// is a crawl_runs row which its article jobs' outcomes are counted into (pgstore's split runs),
// and the jobs hold the worker's share of the crawl lock (crawlLock).

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
	Run       int64     `json:"run,omitempty"` // the crawl_runs row of the discovery that queued it (0: none, queued by an older version)
}

func (articleArgs) Kind() string { return pgstore.ArticleJobKind }

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

// lockedSnooze is how long an article job waits, without counting an attempt, when an
// armswatch crawl or reextract holds the crawl lock alone.
const lockedSnooze = 30 * time.Second

// hostWaiter says how long until a host's next request slot (pgstore.HostGate).
type hostWaiter interface {
	NextIn(ctx context.Context, host string) (time.Duration, error)
}

// splitJobs is what the discovery and article jobs of one worker share.
type splitJobs struct {
	hosts   hostWaiter // nil: article jobs wait for their host in their slot
	session *crawler.Session
	sources map[string]*crawler.Source
	state   crawler.State
	db      *pgstore.DB
	lock    *crawlLock
	rescue  time.Duration // --rescue-after
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
// beside it. It is the source's crawl run: the previous runs of the source are closed first
// (ok, or interrupted when their discovery never ended: a worker killed), and the run's
// counts and its article jobs are written in one transaction.
func (w *discoverWorker) Work(ctx context.Context, job *river.Job[discoverArgs]) error {
	src, err := w.jobs.source(job.Args.Source)
	if err != nil {
		return err
	}
	if err := w.jobs.lock.acquire(ctx); err != nil {
		return fmt.Errorf("discover %s: %w", src.Name, err)
	}
	defer w.jobs.lock.release()
	// The run's rows are written without ctx: an interrupted discovery must still be recorded.
	bg := context.WithoutCancel(ctx)
	if _, err := w.jobs.db.CloseSourceRuns(bg, src.Name); err != nil {
		return fmt.Errorf("discover %s: %w", src.Name, err)
	}
	run, err := w.jobs.db.StartRun(bg, []string{src.Name})
	if err != nil {
		return fmt.Errorf("discover %s: %w", src.Name, err)
	}
	st, err := w.jobs.session.Discover(ctx, src)
	if err != nil {
		ferr := w.jobs.db.FinishRun(bg, run, store.RunStats{Status: store.RunInterrupted, Error: "interrupted: " + err.Error()})
		return errors.Join(fmt.Errorf("discover %s: %w", src.Name, err), ferr)
	}
	ss := st.Sources[src.Name]
	rs := store.RunSource{Source: src.Name, Documents: ss.Documents, DocumentErrors: ss.DocumentErrors, LastError: ss.LastError}
	err = w.jobs.db.QueueRun(ctx, run, rs, func(tx pgx.Tx) (int, error) {
		return w.queueArticles(ctx, tx, src.Name, run)
	})
	if err != nil {
		// Nothing of it was queued (the transaction is undone): the run ends here.
		ferr := w.jobs.db.FinishRun(bg, run, store.RunStats{Status: store.RunInterrupted, Error: "queueing the articles: " + err.Error()})
		return errors.Join(fmt.Errorf("discover %s: %w", src.Name, err), ferr)
	}
	return nil
}

// queueArticles queues a job for each of the source's pending frontier entries, in tx, and
// returns how many it queued (an entry whose job still waits from an earlier run is not queued
// again). The frontier is read and queued a page at a time, as a crawl reads it: a source with
// a large backlog does not hold it all in memory.
func (w *discoverWorker) queueArticles(ctx context.Context, tx pgx.Tx, source string, run int64) (int, error) {
	queued := 0
	for after := int64(0); ; {
		items, err := w.jobs.state.Pending(ctx, source, after, 1000)
		if err != nil {
			return 0, err
		}
		if len(items) == 0 {
			return queued, nil
		}
		params := make([]river.InsertManyParams, len(items))
		for i, it := range items {
			params[i] = river.InsertManyParams{Args: articleArgs{Source: source, URL: it.URL, Published: it.Published, Run: run}}
		}
		res, err := river.ClientFromContext[pgx.Tx](ctx).InsertManyTx(ctx, tx, params)
		if err != nil {
			return 0, fmt.Errorf("queueing articles: %w", err)
		}
		for _, r := range res {
			if !r.UniqueSkippedAsDuplicate {
				queued++
			}
		}
		after = items[len(items)-1].Seq
	}
}

type articleWorker struct {
	river.WorkerDefaults[articleArgs]
	jobs *splitJobs
}

// Work fetches and stores one article. The store upserts by URL and content hash and the
// frontier entry is finished only after, so a job run again after its worker was killed
// stores nothing twice. A page that fails is left to the frontier (retried by a later
// discovery, given up after its attempts); the job fails, and river retries it with backoff,
// only when it was interrupted. The page's outcome is counted into its discovery's run in the
// transaction that completes the job.
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
	if err := w.jobs.lock.acquire(ctx); err != nil {
		if le := (*store.LockedError)(nil); errors.As(err, &le) {
			return river.JobSnooze(lockedSnooze) // an armswatch crawl or reextract runs: after it
		}
		return fmt.Errorf("article %s: %w", job.Args.URL, err)
	}
	defer w.jobs.lock.release()
	st, err := w.jobs.session.Article(ctx, src, crawler.Item{URL: job.Args.URL, Published: job.Args.Published})
	if err != nil || job.Args.Run == 0 {
		return err
	}
	ss := st.Sources[src.Name]
	page := store.RunStats{Fetched: st.Fetched, New: st.New, Unchanged: st.Unchanged, Failed: st.Failed}
	// Counted even when the worker is stopping: the page is stored.
	bg := context.WithoutCancel(ctx)
	return w.jobs.db.CountRunPage(bg, job.Args.Run, src.Name, page, ss.LastError, func(tx pgx.Tx) error {
		_, err := river.JobCompleteTx[*riverpgxv5.Driver](bg, tx, job)
		return err
	})
}

// Timeout is --rescue-after: river never rescues a job without a timeout, and rescues one only
// once both its timeout and the rescue delay have passed, so a killed worker's article is run
// again after --rescue-after.
func (w *articleWorker) Timeout(*river.Job[articleArgs]) time.Duration { return w.jobs.rescue }

// newSplitJobs makes the worker's session: its requests live as long as ctx (the worker), its
// politeness is the database's, and it reads each host's robots.txt again after robotsTTL.
func newSplitJobs(ctx context.Context, cfg *appConfig, db *pgstore.DB, lock *crawlLock, sources []crawler.Source, rescue, robotsTTL time.Duration) (*splitJobs, error) {
	opt := crawlOptions(cfg, crawlFlags{})
	opt.RobotsTTL = robotsTTL
	hosts, err := db.Hosts(ctx)
	if err != nil {
		return nil, err
	}
	opt.Hosts = hosts
	state := dbState{db}
	j := &splitJobs{hosts: hosts, session: crawler.NewSession(ctx, opt, state, &articleSink{cfg: cfg, db: db}),
		sources: map[string]*crawler.Source{}, state: state, db: db, lock: lock, rescue: rescue}
	for i := range sources {
		j.sources[sources[i].Name] = &sources[i]
	}
	return j, nil
}
