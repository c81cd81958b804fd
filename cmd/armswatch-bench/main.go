// Command armswatch-bench measures the five speed goals of issue 15 and prints each figure with
// its target and the figure it is compared with:
//
//  1. the whole analysis (text, publication date, statements, dates, figures, mentions) against
//     go-trafilatura's text extraction alone, pages per CPU second, on one core: the 990
//     trafilatura-eval pages and the repository's profiled pages;
//
//  2. reextract of 1,000 stored pages with GOMAXPROCS=2 against GOMAXPROCS=1 (wall time);
//
//  3. start-up: the CPU of `armswatch version` and of a one-shot `extract` of the seed page;
//
//  4. memory: peak RSS of a 5,000-page loopback crawl against a 1,000-page one, and of the
//     analysis of a 10 MiB page;
//
//  5. storage: the database against the gzip -6 size of the HTML it keeps, and the CPU that
//     fetching and storing add to the analysis of the same pages (the crawled bytes at their
//     URLs, analysed again in the bench process, under the crawl's collector settings).
//
//     go run -tags sqlite_fts5 ./cmd/armswatch-bench            # from a checkout beside ../shared
//     go run -tags sqlite_fts5 ./cmd/armswatch-bench -rounds 3  # steadier figures
//     go run -tags sqlite_fts5 ./cmd/armswatch-bench -goals 1,3 # some goals only
//
// Goals 2-5 run the armswatch command (built from ROOT with -tags sqlite_fts5, or -bin) as a
// child process and read its rusage: CPU is user + system time, memory the peak RSS. The
// crawls fetch from a loopback site serving the trafilatura-eval pages (cycled, each copy
// marked, to make 5,000); a goal whose pages are missing prints "not measured".
//
// Goal 1 in detail: pages run in small chunks, ours and the peer's alternating, with a
// collection between chunks so that each side pays for its own garbage. The peer is what a
// go-trafilatura user runs for text: parse, then ExtractDocument with its fallbacks
// (readability, dom-distiller), comments excluded, no date search. Both sides run under the
// collector setting of the armswatch command (GOGC=400, a 224 MiB limit; -gc, -peer-gc).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// config is what the flags say.
type config struct {
	root, corpus, bin string
	rounds, limit     int
	chunk, procs      int
	goals             map[string]bool
	keep              bool // keep the temporary folder (databases, binary) and print its path
	crawlSmall        int  // pages of the reference crawl (goal 4) and of goals 2 and 5
	crawlLarge        int  // pages of the large crawl (goal 4)
}

func main() {
	var c config
	flag.StringVar(&c.root, "root", ".", "the repository checkout (its ../shared holds the corpus)")
	flag.StringVar(&c.corpus, "corpus", "", "trafilatura-eval folder (default ROOT/../shared/corpus/trafilatura-eval)")
	flag.StringVar(&c.bin, "bin", "", "armswatch binary for goals 2-5 (default: built from ROOT)")
	flag.IntVar(&c.rounds, "rounds", 1, "passes over each set (goal 1), runs of each side (goals 2 and 3 take the median)")
	flag.IntVar(&c.limit, "limit", 0, "goal 1: use only the first N corpus pages (0: all)")
	flag.IntVar(&c.chunk, "chunk", 20, "goal 1: pages per timed chunk; ours and the peer's alternate by chunk")
	flag.IntVar(&c.procs, "cpu", 1, "goal 1: GOMAXPROCS")
	flag.IntVar(&ourGC, "gc", ourGC, "goal 1: GC percent of both sides, each with the armswatch command's memory limit")
	flag.IntVar(&peerGC, "peer-gc", peerGC, "goal 1: GC percent of the peer alone, with no memory limit (-1: the same as ours; 100: Go's default)")
	flag.IntVar(&c.crawlSmall, "pages", 1000, "goals 2, 4, 5: pages of the reference crawl")
	flag.IntVar(&c.crawlLarge, "large", 5000, "goal 4: pages of the large crawl (0: skip it)")
	flag.BoolVar(&c.keep, "keep", false, "keep the crawls' databases and the binary (the folder is printed)")
	goals := flag.String("goals", "1,2,3,4,5", "goals to measure, comma-separated")
	flag.Parse()
	c.goals = map[string]bool{}
	for _, g := range strings.Split(*goals, ",") {
		c.goals[strings.TrimSpace(g)] = true
	}
	if c.corpus == "" {
		c.corpus = filepath.Join(c.root, "..", "shared", "corpus", "trafilatura-eval")
	}
	var rep report
	if err := run(&c, &rep); err != nil {
		rep.print(os.Stdout)
		fmt.Fprintf(os.Stderr, "armswatch-bench: %v\n", err)
		os.Exit(1)
	}
	rep.print(os.Stdout)
}

// run measures the chosen goals into rep. Goals that cannot run (no corpus) are reported as not
// measured; an error is a failure of the bench itself.
func run(c *config, rep *report) error {
	rep.header = fmt.Sprintf("%s, %d CPUs, load average at start %s; %d round(s)", runtime.Version(), runtime.NumCPU(), loadAverage(), c.rounds)
	if c.goals["1"] {
		if err := goalRatio(c, rep); err != nil {
			return err
		}
	}
	if !c.goals["2"] && !c.goals["3"] && !c.goals["4"] && !c.goals["5"] {
		return nil
	}
	dir, err := os.MkdirTemp("", "armswatch-bench-")
	if err != nil {
		return fmt.Errorf("temporary folder: %w", err)
	}
	if c.keep {
		fmt.Fprintf(os.Stderr, "keeping %s\n", dir)
	} else {
		defer os.RemoveAll(dir)
	}
	bin, err := binary(c, dir)
	if err != nil {
		return err
	}
	if c.goals["3"] {
		if err := goalStartup(c, rep, bin); err != nil {
			return err
		}
	}
	if c.goals["2"] || c.goals["4"] || c.goals["5"] {
		if err := goalsCrawl(c, rep, bin, dir); err != nil {
			return err
		}
	}
	rep.footer = "load average at end " + loadAverage()
	return nil
}

// loadAverage is the 1, 5 and 15 minute load of the machine: other work on its cores bends wall
// times (goal 2) more than CPU times.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}
