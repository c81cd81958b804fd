package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store/pgstore"

	"github.com/schollz/progressbar/v3"
)

// runReextract runs the current analyzer over stored pages whose analysis is older (all with
// --all), committing in batches as a crawl does, so that an analyzer upgrade reaches the
// database without fetching anything.
func runReextract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "reextract", "")
	db := dbFlag(fs)
	all := fs.Bool("all", false, "re-analyze every article, not only those of an older analyzer")
	configPath := fs.String("config", "", "config file (lexicon, reporting verbs, source profiles)")
	queue := fs.Bool("queue", false, "on PostgreSQL, queue the articles as jobs for armswatch worker processes instead of analyzing them here")
	batch := fs.Int("batch", 100, "with --queue, articles per job")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the re-analysis to this file (go tool pprof reads it)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("reextract: unexpected argument %q", pos[0])
	}
	if *batch < 1 {
		return usageError("reextract: --batch must be at least 1")
	}

	cfg, err := loadConfig(*configPath, false)
	if err != nil {
		return err
	}
	in, err := cfg.ingester() // the analysis options first: a bad lexicon stops before the database
	if err != nil {
		return err
	}
	path, err := dbPath(*db, *configPath)
	if err != nil {
		return err
	}
	if err := databaseExists(path); err != nil {
		return usageError("reextract: %v (crawl or run the demo first, or pass --db)", err)
	}
	if *queue {
		return queueReextractCommand(ctx, e, path, *all, *batch)
	}
	// Re-analysis rewrites every article: a crawl must not write at the same time.
	lock, err := lockDB(ctx, path)
	if err != nil {
		return err
	}
	defer lock.Unlock()
	d, err := openWrite(ctx, e, path)
	if err != nil {
		return err
	}
	defer d.Close()
	ids, err := d.StaleArticles(ctx, extract.Version, *all)
	if err != nil {
		return err
	}
	in.DB = d
	profile := sourceProfiles(cfg)
	var bar *progressbar.ProgressBar
	if e.isTerminal && len(ids) > 0 {
		bar = progressbar.NewOptions(len(ids), progressbar.OptionSetWriter(e.stderr),
			progressbar.OptionSetDescription("reextract"), progressbar.OptionShowCount(),
			progressbar.OptionClearOnFinish())
	}
	tuneGC()
	stopProfile, err := startCPUProfile(*cpuProfile)
	if err != nil {
		return err
	}
	defer stopProfile()
	var st reextractStats
	start := time.Now()
	endBatch, err := batchWrites(d)
	if err != nil {
		return err
	}
	// One worker per core the runtime may use (GOMAXPROCS limits it).
	err = reextractAll(ctx, ids, runtime.GOMAXPROCS(0), func(id int64) reanalysis { return reanalyze(ctx, in, id, profile) },
		func(id int64, o outcome) {
			st.add(o, e, id)
			if bar != nil {
				bar.Add(1)
			}
		})
	if err := errors.Join(err, endBatch()); err != nil {
		return err
	}
	superseded := ""
	if st.superseded > 0 {
		// a crawl stored a newer fetch of these while they were analysed: its analysis stays
		superseded = fmt.Sprintf(", %d left to a newer fetch a crawl stored meanwhile", st.superseded)
	}
	fmt.Fprintf(e.stderr, "reextract: %d articles re-analyzed with analyzer %s (%d changed), %d skipped without a stored page%s, %d failed, in %s\n",
		st.done, extract.Version, st.changed, st.skipped, superseded, st.failed, time.Since(start).Round(time.Millisecond))
	if st.failed > 0 {
		return fmt.Errorf("reextract: %d of %d articles failed", st.failed, len(ids))
	}
	return nil
}

// startCPUProfile starts a CPU profile into path ("": none) and returns what stops it: where
// the CPU of a run goes, measured on the very run (GOMAXPROCS=1 against 2, goal 2).
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// queueReextractCommand is reextract --queue: the stale articles (all with all) go to the
// workers' queue in jobs of batch articles. No crawl lock: the workers' jobs take it shared.
func queueReextractCommand(ctx context.Context, e *env, database string, all bool, batch int) error {
	if !pgstore.IsURL(database) {
		return usageError("reextract: --queue needs the workers' job queue in PostgreSQL (database = \"postgres://...\"); on SQLite reextract uses this machine's cores")
	}
	d, err := pgstore.Open(ctx, database)
	if err != nil {
		return err
	}
	defer d.Close()
	ids, err := d.StaleArticles(ctx, extract.Version, all)
	if err != nil {
		return err
	}
	jobs, err := queueReextract(ctx, database, ids, batch)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "reextract: %d articles queued for analyzer %s in %d new jobs of up to %d; armswatch worker processes run them (armswatch status shows the queue)\n",
		len(ids), extract.Version, jobs, batch)
	return nil
}

// reextractAll analyzes the articles ids on a pool of workers and saves them one at a time,
// in the order of ids (SQLite has one writer; the rows get the ids a one-by-one run gives
// them), handing each outcome to done (inOrder). Once ctx is done it takes no new article;
// those in hand are finished and saved, and ctx's error is returned.
func reextractAll(ctx context.Context, ids []int64, workers int, analyze func(int64) reanalysis, done func(int64, outcome)) error {
	return inOrder(ctx, len(ids), workers, func(i int) reanalysis { return analyze(ids[i]) },
		func(i int, r reanalysis) error {
			done(ids[i], r.save(ctx))
			return nil
		})
}

// reanalysis is one article analyzed again and not saved yet, or why it was not analyzed.
type reanalysis struct {
	r   *ingest.Reanalyzed
	ok  bool
	err error
}

func (a reanalysis) save(ctx context.Context) outcome {
	if a.r == nil {
		return outcome{skipped: !a.ok && a.err == nil, err: a.err}
	}
	out, err := a.r.Save(ctx)
	return outcome{changed: out == ingest.Changed, superseded: out == ingest.Superseded, err: err}
}

type reextractStats struct{ done, changed, skipped, superseded, failed int }

type outcome struct {
	changed, skipped, superseded bool
	err                          error
}

func (s *reextractStats) add(o outcome, e *env, id int64) {
	switch {
	case o.err != nil:
		s.failed++
		fmt.Fprintf(e.stderr, "armswatch: reextract article %d: %v\n", id, o.err)
	case o.skipped:
		s.skipped++
	case o.superseded:
		s.superseded++
	default:
		s.done++
		if o.changed {
			s.changed++
		}
	}
}

// reanalyze analyzes one stored page again, through the same path as a crawl (ingest), with the
// feed's publication hint the crawl stored.
func reanalyze(ctx context.Context, in *ingest.Ingester, id int64, profile func(string) string) reanalysis {
	r, ok, err := in.Reanalysis(ctx, id, profile)
	return reanalysis{r, ok, err}
}
