package main

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/armswatch/armswatch/extract"
	"github.com/markusmobius/go-trafilatura"
)

// page is one input of a set, with the URL the analysis is told (it picks the site profile).
type page struct {
	url  string
	html []byte
}

// goalRatio measures goal 1 on the corpus and the profiled pages.
func goalRatio(c *config, rep *report) error {
	runtime.GOMAXPROCS(c.procs)
	defer runtime.GOMAXPROCS(runtime.NumCPU())
	// The 23 profiled pages take about 10 ms of our CPU a round: one round measured 2.91x where
	// a hundred, in the same minutes, measured 3.43-3.52x. So they run profiledRounds rounds at
	// least, about a second of ours and three of the peer's.
	sets := []struct {
		name, target string
		want         float64
		minRounds    int
		pages        func() ([]page, error)
	}{
		{"trafilatura-eval", ">= 1.2x", 1.2, 1, func() ([]page, error) { return corpusPages(c.corpus, c.limit) }},
		{"profiled", ">= 3x", 3, profiledRounds, func() ([]page, error) { return profiledPages(c.root) }},
	}
	for _, s := range sets {
		what := fmt.Sprintf("analysis / go-trafilatura alone, pages per CPU s, %s, GOMAXPROCS=%d", s.name, c.procs)
		pages, err := s.pages()
		if errors.Is(err, fs.ErrNotExist) || (err == nil && len(pages) == 0) {
			rep.skip("1", what, s.target, fmt.Sprint(orNone(err)))
			continue
		}
		if err != nil {
			return fmt.Errorf("goal 1: %s: %w", s.name, err)
		}
		rounds := max(c.rounds, s.minRounds)
		fmt.Fprintf(os.Stderr, "goal 1: %s, %d pages x %d round(s)\n", s.name, len(pages), rounds)
		r, err := measure(pages, rounds, c.chunk)
		if err != nil {
			return fmt.Errorf("goal 1: %s: %w", s.name, err)
		}
		n := float64(len(pages) * rounds)
		ratio := r.peer.cpu.Seconds() / r.ours.cpu.Seconds()
		rep.add("1", what+fmt.Sprintf(" (%d pages x %d round(s))", len(pages), rounds), fmt.Sprintf("%.2fx", ratio), s.target,
			fmt.Sprintf("ours %.1f pages/s (%s), go-trafilatura %.1f pages/s (%s); wall %s vs %s", n/r.ours.cpu.Seconds(), collectorOf(sideOurs),
				n/r.peer.cpu.Seconds(), collectorOf(sidePeer), r.ours.wall.Round(time.Millisecond), r.peer.wall.Round(time.Millisecond)), ratio >= s.want)
	}
	return nil
}

// profiledRounds is the fewest rounds of the profiled pages goal 1 measures.
const profiledRounds = 100

func orNone(err error) error {
	if err == nil {
		return errors.New("no pages")
	}
	return err
}

// cost is the time one side spent.
type cost struct{ cpu, wall time.Duration }

type result struct{ ours, peer cost }

// measure runs both sides over the pages, chunk by chunk, alternating which goes first.
func measure(pages []page, rounds, chunk int) (result, error) {
	var r result
	if chunk < 1 {
		chunk = 1
	}
	first := true
	for range rounds {
		for i := 0; i < len(pages); i += chunk {
			part := pages[i:min(i+chunk, len(pages))]
			sides := []func() error{
				func() error { return timed(&r.ours, collectorOf(sideOurs), func() error { return ours(part) }) },
				func() error { return timed(&r.peer, collectorOf(sidePeer), func() error { peer(part); return nil }) },
			}
			if !first {
				sides[0], sides[1] = sides[1], sides[0]
			}
			first = !first
			for _, side := range sides {
				if err := side(); err != nil {
					return r, err
				}
			}
		}
	}
	return r, nil
}

// ourGC and ourMemLimit are the collector settings of armswatch extract and reextract
// (analysisGCPercent and analysisMemoryLimit in cmd/armswatch/extract.go). The peer runs under
// the same ones unless -peer-gc says otherwise: with Go's default (100) for the peer alone, the
// peer paid for collections that ours, at 400, never reached within a timed chunk (the forced
// collection before each chunk leaves a 4-6 MB heap, and 20 of our pages allocate about 4 MB),
// which measured the collector setting, not the code.
var (
	ourGC       = 400
	ourMemLimit = int64(224 << 20)
	peerGC      = -1 // -1: ourGC
)

// side is one of the two compared in goal 1.
type side int

const (
	sideOurs side = iota
	sidePeer
)

// collector is a GC setting: debug.SetGCPercent's percent and debug.SetMemoryLimit's bytes.
type collector struct {
	percent int
	limit   int64 // math.MaxInt64: none
}

func (c collector) String() string {
	if c.limit == math.MaxInt64 {
		return fmt.Sprintf("GOGC=%d", c.percent)
	}
	return fmt.Sprintf("GOGC=%d, limit %d MiB", c.percent, c.limit>>20)
}

// collectorOf is the setting a side runs under: ours that of the armswatch command, the peer's
// the same unless peerGC names another percent (then with no memory limit, as Go's default).
func collectorOf(s side) collector {
	if s == sidePeer && peerGC >= 0 && peerGC != ourGC {
		return collector{peerGC, math.MaxInt64}
	}
	return collector{ourGC, ourMemLimit}
}

// timed runs f under the collector setting col after a collection, adding its CPU and wall time to c.
func timed(c *cost, col collector, f func() error) error {
	defer debug.SetGCPercent(debug.SetGCPercent(col.percent))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(col.limit))
	runtime.GC()
	cpu0, wall0 := cpuTime(), time.Now()
	err := f()
	c.cpu += cpuTime() - cpu0
	c.wall += time.Since(wall0)
	return err
}

func ours(pages []page) error {
	for _, p := range pages {
		if _, err := extract.HTML(p.html, extract.Options{URL: p.url}); err != nil && !errors.Is(err, extract.ErrNotText) {
			return fmt.Errorf("analyze %s: %w", p.url, err)
		}
	}
	return nil
}

func peer(pages []page) {
	for _, p := range pages {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(p.html))
		if err != nil {
			continue
		}
		opts := trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled}
		trafilatura.ExtractDocument(doc.Nodes[0], opts)
	}
}

// cpuTime is the process's user plus system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// corpusPages reads the trafilatura-eval pages with the URLs of truth.jsonl, in its order.
func corpusPages(dir string, limit int) ([]page, error) {
	urls, order, err := corpusURLs(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		return nil, err
	}
	f, err := os.Open(filepath.Join(dir, "pages.tar.gz"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", f.Name(), err)
	}
	html := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name(), err)
		}
		name := strings.TrimPrefix(h.Name, "./")
		if _, ok := urls[name]; ok {
			if html[name], err = io.ReadAll(tr); err != nil {
				return nil, fmt.Errorf("%s: %s: %w", f.Name(), name, err)
			}
		}
	}
	var pages []page
	for _, name := range order {
		if b, ok := html[name]; ok && (limit <= 0 || len(pages) < limit) {
			pages = append(pages, page{url: urls[name], html: b})
		}
	}
	return pages, nil
}

func corpusURLs(path string) (map[string]string, []string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	urls := map[string]string{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d struct{ File, URL string }
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
		urls[d.File] = d.URL
		order = append(order, d.File)
	}
	return urls, order, sc.Err()
}

// profiledPages are the repository's pages in the markup of a profiled site: the demo's TASS
// articles and testdata/profiles, each with the URL its labels give.
func profiledPages(root string) ([]page, error) {
	var pages []page
	for _, glob := range []string{"demo/site/articles/*.gold.json", "testdata/profiles/*.golden.json"} {
		labels, err := filepath.Glob(filepath.Join(root, glob))
		if err != nil {
			return nil, err
		}
		for _, l := range labels {
			b, err := os.ReadFile(l)
			if err != nil {
				return nil, err
			}
			var d struct{ URL string }
			if err := json.Unmarshal(b, &d); err != nil {
				return nil, fmt.Errorf("%s: %w", l, err)
			}
			base := strings.TrimSuffix(strings.TrimSuffix(l, ".gold.json"), ".golden.json")
			html, err := os.ReadFile(base + ".html")
			if err != nil {
				return nil, err
			}
			pages = append(pages, page{url: d.URL, html: html})
		}
	}
	return pages, nil
}
