package main

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
	"github.com/riverqueue/river/rivertype"
)

// armswatch worker: crawl processes, on any number of machines, sharing the work through a job
// queue in the PostgreSQL database (github.com/riverqueue/river: jobs claimed with FOR UPDATE
// SKIP LOCKED, retries with backoff, stuck-job rescue, unique and periodic jobs).
//
// By default discovery of each source is a periodic job and each article a job of its own
// (worker_jobs.go); with --split=false it schedules one job per source and period instead:
// each job crawls its source once, as armswatch crawl --source does, and a source is never
// crawled by two workers at once (unique jobs). Per-host politeness holds between all of them
// (the crawler is given the database's HostGate). Workers also run the batches reextract
// --queue queues (reextract_jobs.go).

// crawlSourceArgs is the job of crawling one configured source once.
type crawlSourceArgs struct {
	Source string `json:"source"`
}

func (crawlSourceArgs) Kind() string { return "armswatch_crawl_source" }

// InsertOpts makes a source's job unique while one waits or runs: the periodic schedule of
// every worker, or a slow crawl, never queues a second crawl of one source.
func (crawlSourceArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRunning,
		rivertype.JobStateRetryable, rivertype.JobStateScheduled}}}
}

type crawlSourceWorker struct {
	river.WorkerDefaults[crawlSourceArgs]
	e      *env
	cfg    *appConfig
	db     *pgstore.DB
	lock   *crawlLock
	quiet  bool
	rescue time.Duration // --rescue-after
}

// Work crawls the job's source into the database. A crawl cut short (the worker stopped, or
// killed and its job rescued) fails the job, and river runs it again later: the crawl resumes
// from the frontier it left, and closes the killed crawl's run as interrupted.
func (w *crawlSourceWorker) Work(ctx context.Context, job *river.Job[crawlSourceArgs]) error {
	// Shared with the other workers' crawls, exclusive of an armswatch crawl or reextract: while
	// one of those runs, the job fails and river retries it later.
	if err := w.lock.acquire(ctx); err != nil {
		return fmt.Errorf("crawl %s: %w", job.Args.Source, err)
	}
	defer w.lock.release()
	// The job is the only one of its source: a run of the source alone still marked running
	// is a killed worker's.
	if _, err := w.db.CloseSourceRuns(context.WithoutCancel(ctx), job.Args.Source); err != nil {
		return fmt.Errorf("crawl %s: %w", job.Args.Source, err)
	}
	_, err := crawlOnce(ctx, w.e, w.cfg, w.db, crawlFlags{sources: []string{job.Args.Source}, logFormat: "text",
		quiet: w.quiet, shared: true})
	return err
}

// Timeout is --rescue-after: river (v0.51) never rescues a job without a timeout, so with none a
// killed worker's source stayed "running" for good. A crawl past it stops after the pages in
// hand and goes on from the frontier at the next period; a killed worker's job is run again
// once its timeout and the rescue delay have both passed.
func (w *crawlSourceWorker) Timeout(*river.Job[crawlSourceArgs]) time.Duration { return w.rescue }

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "worker", "")
	configPath := fs.String("config", "", "config file (default ./config.toml, then $XDG_CONFIG_HOME/armswatch/config.toml)")
	dbFlag := fs.String("db", "", "PostgreSQL database URL (default: ARMSWATCH_DATABASE, then the config's database)")
	every := fs.Duration("every", 30*time.Minute, "crawl each source this often")
	concurrency := fs.Int("concurrency", 2, "jobs this worker runs at once (articles and discoveries; whole sources with --split=false)")
	rescue := fs.Duration("rescue-after", time.Hour, "a job running this long is taken to be a dead worker's and run again")
	robotsTTL := fs.Duration("robots-ttl", 24*time.Hour, "read each host's robots.txt again after this (with --split=false a source's job reads it at each crawl)")
	split := fs.Bool("split", true, "discovery of each source and each article as jobs of their own, shared by all workers (--split=false: one job crawls a whole source)")
	quiet := fs.Bool("quiet", false, "print errors only")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError("worker: unexpected argument %q", rest[0])
	}
	if *every < time.Second || *concurrency < 1 || *rescue < time.Minute || *robotsTTL < time.Second {
		return usageError("worker: --every and --robots-ttl must be at least 1s, --concurrency at least 1, --rescue-after at least 1m")
	}
	// A worker crawls and analyses as a crawl does, for days: the crawl's collector (GOGC=400
	// under a memory limit), so that it collects less often and its peak RSS does not follow
	// how many large pages its jobs happen to hold at once.
	tuneCrawlGC()
	cfg, err := loadConfig(*configPath, true)
	if err != nil {
		return err
	}
	sources, err := selectSources(cfg, nil)
	if err != nil {
		return err
	}
	database := *dbFlag
	if database == "" {
		database = cfg.Database
	}
	if !pgstore.IsURL(database) {
		return usageError("worker: workers share a job queue in PostgreSQL: set database = \"postgres://...\" (or ARMSWATCH_DATABASE, or --db URL); on SQLite use armswatch crawl")
	}
	in, err := cfg.ingester() // for reextract jobs: a bad lexicon stops the worker at once
	if err != nil {
		return err
	}
	db, err := pgstore.Open(ctx, database)
	if err != nil {
		return err
	}
	defer db.Close()
	in.DB = db
	lock := &crawlLock{database: database, linger: lockLinger}
	defer lock.close()
	sj, err := newSplitJobs(ctx, cfg, db, lock, sources, *rescue, *robotsTTL)
	if err != nil {
		return err
	}
	client, pool, err := newQueue(ctx, database, queueOptions{e: e, cfg: cfg, db: db, lock: lock, database: database, quiet: *quiet,
		concurrency: *concurrency, rescue: *rescue, jobs: sj, ingester: in})
	if err != nil {
		return err
	}
	defer pool.Close()
	var jobs []*river.PeriodicJob
	for _, s := range sources {
		name := s.Name
		jobs = append(jobs, river.NewPeriodicJob(river.PeriodicInterval(*every),
			func() (river.JobArgs, *river.InsertOpts) {
				if *split {
					return discoverArgs{Source: name}, nil
				}
				return crawlSourceArgs{Source: name}, nil
			},
			&river.PeriodicJobOpts{RunOnStart: true}))
	}
	client.PeriodicJobs().AddMany(jobs)
	if err := client.Start(ctx); err != nil {
		return fmt.Errorf("worker: %w", err)
	}
	if !*quiet {
		fmt.Fprintf(e.stdout, "worker: %d sources every %s, %d at once, into %s (SIGTERM stops)\n",
			len(sources), *every, *concurrency, pgstore.Redact(database))
	}
	<-ctx.Done()
	// Stop cancels the crawls in hand: they finish the page they hold and record their runs
	// as interrupted, and their jobs run again later.
	stop, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	return client.StopAndCancel(stop)
}

// queueOptions are what the worker's queue client needs.
type queueOptions struct {
	e           *env
	cfg         *appConfig
	db          *pgstore.DB
	lock        *crawlLock
	database    string
	quiet       bool
	concurrency int
	rescue      time.Duration
	jobs        *splitJobs
	ingester    *ingest.Ingester // reextract jobs'
}

// newQueue migrates river's tables (the queue lives in the armswatch database, in river's own
// tables) and makes the client with the crawl worker.
func newQueue(ctx context.Context, database string, o queueOptions) (*river.Client[pgx.Tx], *pgxpool.Pool, error) {
	pool, err := pgxpool.New(ctx, database)
	if err != nil {
		return nil, nil, fmt.Errorf("worker: %s: %w", pgstore.Redact(database), err)
	}
	driver := riverpgxv5.New(pool)
	if err := migrateQueue(ctx, pool, driver); err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("worker: job queue tables: %w", err)
	}
	workers := river.NewWorkers()
	// The crawls never draw a progress bar: several run at once.
	e := &env{stdin: o.e.stdin, stdout: o.e.stdout, stderr: o.e.stderr}
	river.AddWorker(workers, &crawlSourceWorker{e: e, cfg: o.cfg, db: o.db, lock: o.lock, quiet: o.quiet, rescue: o.rescue})
	river.AddWorker(workers, &discoverWorker{jobs: o.jobs})
	river.AddWorker(workers, &articleWorker{jobs: o.jobs})
	river.AddWorker(workers, &reextractWorker{in: o.ingester, profile: sourceProfiles(o.cfg), database: o.database, rescue: o.rescue})
	level := slog.LevelWarn
	if o.quiet {
		level = slog.LevelError
	}
	client, err := river.NewClient(driver, &river.Config{
		Queues:               map[string]river.QueueConfig{river.QueueDefault: {MaxWorkers: o.concurrency}},
		Workers:              workers,
		JobTimeout:           -1,
		RescueStuckJobsAfter: o.rescue,
		Logger:               slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level})),
	})
	if err != nil {
		pool.Close()
		return nil, nil, fmt.Errorf("worker: %w", err)
	}
	return client, pool, nil
}

// migrateQueue creates or updates river's tables. Workers starting together would run river's
// migrations at once and collide (deadlocks, "already exists"): a session advisory lock on a
// connection of its own makes them take turns.
func migrateQueue(ctx context.Context, pool *pgxpool.Pool, driver *riverpgxv5.Driver) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	const key = `hashtext('armswatch river migrate ' || current_schema())`
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock(`+key+`)`); err != nil {
		return err
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock(`+key+`)`)
	migrator, err := rivermigrate.New(driver, nil)
	if err != nil {
		return err
	}
	_, err = migrator.Migrate(ctx, rivermigrate.DirectionUp, nil)
	return err
}
