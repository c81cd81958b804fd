package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"time"

	awconfig "github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// crawled is one loopback crawl: its config (and database), the site it crawled (closed, its
// pages kept) and what the crawl cost.
type crawled struct {
	config, db string
	pages      int
	site       *site
	cost       usage
}

// goalsCrawl measures goals 2, 4 and 5, which need crawls of the loopback site serving the
// corpus pages: 2 re-analyzes the small crawl's database, 4 compares the two crawls' peak RSS
// (and analyzes a 10 MiB page), 5 weighs the small crawl's database.
func goalsCrawl(c *config, rep *report, bin, dir string) error {
	pages, err := corpusPages(c.corpus, 0)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(pages) == 0) {
		why := fmt.Sprintf("no corpus to serve: %v", orNone(err))
		skipCrawlGoals(c, rep, why)
	} else if err != nil {
		return fmt.Errorf("corpus: %w", err)
	} else if err := crawlGoals(c, rep, bin, dir, pages); err != nil {
		return err
	}
	if c.goals["4"] {
		return goalBigPage(rep, bin, dir)
	}
	return nil
}

func skipCrawlGoals(c *config, rep *report, why string) {
	if c.goals["2"] {
		rep.skip("2", "reextract throughput, GOMAXPROCS=2 / GOMAXPROCS=1", ">= 1.8x", why)
	}
	if c.goals["4"] {
		rep.skip("4", "peak RSS of a large crawl / a small one", "within 10%, < 256 MB", why)
	}
	if c.goals["5"] {
		rep.skip("5", "database / gzip -6 of the HTML it keeps", "<= 1.2x", why)
	}
}

func crawlGoals(c *config, rep *report, bin, dir string, pages []page) error {
	small, err := crawl(bin, filepath.Join(dir, "small"), pages, c.crawlSmall)
	if err != nil {
		return err
	}
	if c.goals["5"] {
		if err := goalStorage(c, rep, small); err != nil {
			return err
		}
	}
	if c.goals["2"] {
		if err := goalReextract(c, rep, bin, small); err != nil {
			return err
		}
	}
	if !c.goals["4"] {
		return nil
	}
	if c.crawlLarge <= 0 {
		rep.skip("4", "peak RSS of a large crawl / a small one", "within 10%, < 256 MB", "-large 0")
		return nil
	}
	large, err := crawl(bin, filepath.Join(dir, "large"), pages, c.crawlLarge)
	if err != nil {
		return err
	}
	growth := float64(large.cost.maxRSS)/float64(small.cost.maxRSS) - 1
	rep.add("4", fmt.Sprintf("peak RSS of a %d-page loopback crawl", large.pages), mib(large.cost.maxRSS), "within 10%, < 256 MB",
		fmt.Sprintf("%+.1f%% over the %d-page crawl's %s", 100*growth, small.pages, mib(small.cost.maxRSS)),
		growth <= 0.10 && large.cost.maxRSS < 256<<20)
	return nil
}

// crawl serves n pages on a loopback site and crawls them into a fresh database in dir.
func crawl(bin, dir string, pages []page, n int) (*crawled, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("crawl folder: %w", err)
	}
	s := newSite(pages, n)
	defer s.Close()
	cfg, err := crawlConfig(dir, s.URL)
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "crawling %d loopback pages\n", n)
	u, err := runChild(bin, nil, "crawl", "--config", cfg, "--quiet")
	if err != nil {
		return nil, fmt.Errorf("crawl of %d pages: %w", n, err)
	}
	return &crawled{config: cfg, db: filepath.Join(dir, "bench.db"), pages: n, site: s, cost: u}, nil
}

// goalReextract measures goal 2: reextract --all of the crawl's database with GOMAXPROCS=1 and
// 2, alternating, median wall time of each.
func goalReextract(c *config, rep *report, bin string, cr *crawled) error {
	var walls [2][]time.Duration
	var cpus [2][]time.Duration
	var cores [2][]float64
	for r := range c.rounds {
		for k := range 2 {
			procs := 1 + (k+r)%2 // which goes first alternates by round
			fmt.Fprintf(os.Stderr, "goal 2: reextract, GOMAXPROCS=%d\n", procs)
			u, err := runChild(bin, []string{fmt.Sprintf("GOMAXPROCS=%d", procs)}, "reextract", "--all", "--config", cr.config)
			if err != nil {
				return fmt.Errorf("goal 2: %w", err)
			}
			// Each run's figures and the load: on a machine other work shares, a GOMAXPROCS=2
			// run that got fewer than two cores (CPU/wall) cannot reach 1.8x, whatever the code.
			fmt.Fprintf(os.Stderr, "goal 2: GOMAXPROCS=%d: wall %s, CPU %s (%.2f cores), load %s\n", procs,
				u.wall.Round(time.Millisecond), u.cpu.Round(time.Millisecond), coresUsed(u), loadAverage())
			walls[procs-1] = append(walls[procs-1], u.wall)
			cpus[procs-1] = append(cpus[procs-1], u.cpu)
			cores[procs-1] = append(cores[procs-1], coresUsed(u))
		}
	}
	one, two := median(walls[0]), median(walls[1])
	ratio := one.Seconds() / two.Seconds()
	n := float64(cr.pages)
	// On a machine other work shares, the wall ratio says how many cores the run got; the CPU
	// ratio says what running on two costs (1.00: nothing, no contention).
	rep.add("2", fmt.Sprintf("reextract --all of %d stored pages, throughput GOMAXPROCS=2 / GOMAXPROCS=1 (wall)", cr.pages),
		fmt.Sprintf("%.2fx", ratio), ">= 1.8x",
		fmt.Sprintf("GOMAXPROCS=1 %.1f pages/s (CPU %s), GOMAXPROCS=2 %.1f pages/s (CPU %s, %.2fx the CPU of 1, at most %.2f cores busy)", n/one.Seconds(),
			median(cpus[0]).Round(time.Millisecond), n/two.Seconds(), median(cpus[1]).Round(time.Millisecond),
			median(cpus[1]).Seconds()/median(cpus[0]).Seconds(), slices.Max(cores[1])), ratio >= 1.8)
	return nil
}

// coresUsed is how many cores a run kept busy on average: its CPU over its wall time.
func coresUsed(u usage) float64 {
	if u.wall <= 0 {
		return 0
	}
	return u.cpu.Seconds() / u.wall.Seconds()
}

// goalStorage measures goal 5: the database's size against the HTML it keeps, each page
// compressed alone with gzip -6, and the crawl's CPU against the CPU of analysing the same pages
// in this process (what fetching and storing add).
func goalStorage(c *config, rep *report, cr *crawled) error {
	dbSize, err := fileSizes(cr.db, cr.db+"-wal")
	if err != nil {
		return fmt.Errorf("goal 5: %w", err)
	}
	kept, raw, err := keptHTML(cr.db)
	if err != nil {
		return fmt.Errorf("goal 5: %w", err)
	}
	ratio := float64(dbSize) / float64(kept)
	rep.add("5", fmt.Sprintf("database of a %d-page crawl / gzip -6 of the HTML it keeps", cr.pages), fmt.Sprintf("%.2fx", ratio), "<= 1.2x",
		fmt.Sprintf("database %s, HTML %s, gzip -6 %s", mib(dbSize), mib(raw), mib(kept)), ratio <= 1.2)
	fmt.Fprintf(os.Stderr, "goal 5: analysis of the %d crawled pages alone\n", cr.pages)
	alone, err := analyseServed(c, cr)
	if err != nil {
		return fmt.Errorf("goal 5: %w", err)
	}
	r := cr.cost.cpu.Seconds() / alone.Seconds()
	rep.add("5", fmt.Sprintf("crawl CPU / analysis CPU of the same %d pages (fetch + store)", cr.pages), fmt.Sprintf("%.2fx", r), "<= 1.05x",
		fmt.Sprintf("crawl %s CPU (4 fetchers, its start-up, feed), analysis alone %s (the same pages, URLs and timeout, in-process, GOMAXPROCS=%d, GOGC=%d, no memory limit)",
			cr.cost.cpu.Round(time.Millisecond), alone.Round(time.Millisecond), c.procs, ourGC), r <= 1.05)
	return nil
}

// analyseServed is the CPU time of analysing, in this process, the pages the crawl fetched:
// the same bytes at the same URLs, with the crawl's analysis timeout, at the crawl's GOGC.
// Goal 1's pages/s is no measure of them: with -limit it is the first pages of the corpus only,
// whose sizes differ from the crawl's 1,000. The crawl's memory limit is left out: this process
// also holds the corpus (over 100 MiB), which would make the collector run far more often near
// the limit than in the crawl, and the analysis look dearer than it is.
func analyseServed(c *config, cr *crawled) (time.Duration, error) {
	runtime.GOMAXPROCS(c.procs)
	defer runtime.GOMAXPROCS(runtime.NumCPU())
	defer debug.SetGCPercent(debug.SetGCPercent(ourGC))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	var spent time.Duration
	for i := 1; i <= cr.pages; i += c.chunk {
		part := make([]page, 0, c.chunk)
		for j := i; j < i+c.chunk && j <= cr.pages; j++ {
			part = append(part, cr.site.article(j))
		}
		runtime.GC() // each chunk pays for its own garbage, as in goal 1
		cpu0 := cpuTime()
		err := oursCrawled(part)
		spent += cpuTime() - cpu0
		if err != nil {
			return 0, err
		}
	}
	return spent, nil
}

// oursCrawled analyzes pages as the crawl does: with a deadline, and a page without a body is
// no error (the crawl counts it failed, after the same work).
func oursCrawled(pages []page) error {
	timeout := awconfig.Default().Crawl.AnalysisTimeout.Duration // the bench's crawl config keeps it
	for _, p := range pages {
		ctx, cancel := context.WithTimeout(context.Background(), timeout)
		_, err := extract.HTMLContext(ctx, p.html, extract.Options{URL: p.url, ContentType: "text/html"})
		cancel()
		if err != nil && !errors.Is(err, extract.ErrNotText) && !errors.Is(err, extract.ErrStopped) {
			return fmt.Errorf("analyze %s: %w", p.url, err)
		}
	}
	return nil
}

// fileSizes is the total size of the files that exist among paths.
func fileSizes(paths ...string) (int64, error) {
	var n int64
	for _, p := range paths {
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return 0, fmt.Errorf("size: %w", err)
		}
		n += st.Size()
	}
	return n, nil
}

// keptHTML is the total gzip -6 size of the pages the database keeps, each compressed alone as
// the store does, and their raw size.
func keptHTML(path string) (gz, raw int64, err error) {
	ctx := context.Background()
	db, err := store.OpenReadOnly(path)
	if err != nil {
		return 0, 0, err
	}
	defer db.Close()
	ids, err := db.StaleArticles(ctx, "", true)
	if err != nil {
		return 0, 0, err
	}
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, 6) // a valid level: no error
	for _, id := range ids {
		p, err := db.Page(ctx, id)
		if err != nil {
			return 0, 0, err
		}
		if p.HTML == nil {
			continue
		}
		b.Reset()
		zw.Reset(&b)
		zw.Write(p.HTML) // a bytes.Buffer does not fail
		zw.Close()
		gz, raw = gz+int64(b.Len()), raw+int64(len(p.HTML))
	}
	return gz, raw, nil
}

// goalBigPage measures goal 4's second figure: the peak RSS of `armswatch extract` of a 10 MiB
// page. The analysis gets a long --timeout: at the default 30 s, a loaded machine stops it part
// way and the figure is that of a partial analysis.
func goalBigPage(rep *report, bin, dir string) error {
	path := filepath.Join(dir, "big.html")
	if err := os.WriteFile(path, bigPage(10<<20), 0o644); err != nil {
		return fmt.Errorf("goal 4: %w", err)
	}
	fmt.Fprintln(os.Stderr, "goal 4: extract of a 10 MiB page")
	u, err := runChild(bin, nil, bigPageArgs(path)...)
	if err != nil {
		return fmt.Errorf("goal 4: %w", err)
	}
	rep.add("4", "peak RSS of `armswatch extract --timeout 10m` of a 10 MiB page", mib(u.maxRSS), "< 300 MB",
		fmt.Sprintf("CPU %s, wall %s", u.cpu.Round(time.Millisecond), u.wall.Round(time.Millisecond)), u.maxRSS < 300e6)
	return nil
}

// bigPageArgs is goal 4's extract command line for the page at path.
func bigPageArgs(path string) []string {
	return []string{"extract", "--timeout", "10m", "--url", "https://example.org/news/1", path}
}
