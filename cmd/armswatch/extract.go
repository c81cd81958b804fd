package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/armswatch/armswatch/extract"
)

// runExtract analyzes local files and prints the contract JSON (spec/extract-json.md).
func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "FILE...")
	pageURL := fs.String("url", "", "the page's URL (resolves links, picks the site profile)")
	published := fs.String("published", "", "publication time (RFC 3339 or YYYY-MM-DD) when the input lacks one")
	text := fs.Bool("text", false, "inputs are plain text, paragraphs separated by blank lines")
	source := fs.String("source", "", "source name to record (default: the profile's or the host)")
	jsonl := fs.Bool("jsonl", false, "one JSON object per line")
	configPath := fs.String("config", "", "config file (reporting verbs, lexicon, profiles)")
	timeout := fs.Duration("timeout", 0, "per-file analysis deadline; a file past it prints what was found, with a warning (default: the config's crawl.analysis_timeout, 30s)")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usageError("extract: give at least one FILE (or - for standard input)")
	}
	opt := extract.Options{URL: *pageURL, Source: *source}
	if *published != "" {
		t, err := extract.ParseTime(*published)
		if err != nil {
			return usageError("extract: --published: %v", err)
		}
		opt.Published, opt.PublishedDateOnly = t.Time, t.DateOnly
	}
	cfg, err := loadConfig(*configPath, false)
	if err != nil {
		return err
	}
	if err := cfg.applyAnalysis(&opt); err != nil {
		return err
	}
	if *timeout < 0 {
		return usageError("extract: --timeout must not be negative")
	}
	if *timeout == 0 {
		*timeout = cfg.Crawl.AnalysisTimeout.Duration
	}
	enc := newAnalysisWriter(e.stdout, !*jsonl && len(files) == 1)
	tuneGC()
	failed := 0
	err = analyzeFiles(ctx, files, runtime.GOMAXPROCS(0), func(f string) (*extract.Analysis, error) {
		return analyzeFile(ctx, e, f, *text, *timeout, opt)
	}, func(f string, a *extract.Analysis, err error) error {
		if err != nil {
			fmt.Fprintf(e.stderr, "armswatch: extract %s: %v\n", f, err)
			failed++
			return nil
		}
		if err := enc.Write(a); err != nil {
			return fmt.Errorf("extract: write output: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed > 0 {
		return &exitError{code: exitFailed, err: fmt.Errorf("extract: %d of %d files failed", failed, len(files))}
	}
	return nil
}

// analyzeFiles analyzes files on a pool of workers (one per core: analysis is CPU work) and hands
// the results to done in the order of files, one at a time (inOrder). An error from done or a
// done ctx stops it: the files in hand are finished, not printed.
func analyzeFiles(ctx context.Context, files []string, workers int, analyze func(string) (*extract.Analysis, error),
	done func(string, *extract.Analysis, error) error) error {
	type result struct {
		a   *extract.Analysis
		err error
	}
	return inOrder(ctx, len(files), workers, func(i int) result {
		a, err := analyze(files[i])
		return result{a, err}
	}, func(i int, r result) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return done(files[i], r.a, r.err)
	})
}

// analyzeFile analyzes one file within timeout (0: none). A file past its deadline gives the
// partial analysis, whose warnings say so, as the crawl stores it; an interrupted run (ctx) gives
// an error.
func analyzeFile(ctx context.Context, e *env, name string, text bool, timeout time.Duration, opt extract.Options) (*extract.Analysis, error) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(e.stdin)
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	opt.Input = name
	if looksBinary(data) {
		return nil, fmt.Errorf("not an HTML or text file (it holds NUL bytes); nothing to analyze")
	}
	actx := ctx
	if timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeoutCause(ctx, timeout, fmt.Errorf("a --timeout of %v", timeout))
		defer cancel()
	}
	var a *extract.Analysis
	if text {
		a, err = extract.TextContext(actx, string(data), opt)
	} else {
		a, err = extract.HTMLContext(actx, data, opt)
	}
	if err != nil && errors.Is(err, extract.ErrStopped) && ctx.Err() == nil && a != nil {
		fmt.Fprintf(e.stderr, "armswatch: extract %s: past its --timeout of %v: the output is partial\n", name, timeout)
		return a, nil
	}
	return a, err
}

// Analysis makes much short-lived garbage over a small live heap (a parsed page, some MB), so
// Go's default GOGC=100 collects every page or so. Measured over 200 trafilatura-eval pages
// (armswatch extract --jsonl, GOMAXPROCS=1, two runs each): GOGC=100 user 3.45/3.60 s, max RSS
// 44/48 MB; GOGC=400 user 3.12/2.70 s, 97/72 MB. The memory limit makes the collector work
// harder before a huge page takes the process past it; only such pages reach it. For a 10 MiB
// page (issue 15's goal 4, under 300 MB), peak RSS by limit (2026-12-07, user CPU): 256 MiB
// 279 MiB (2.75 s), 224 MiB 255-261 MiB (2.6-3.2 s), 192 MiB 225 MiB (3.3-3.8 s).
const (
	analysisGCPercent   = 400
	analysisMemoryLimit = 224 << 20 // leaves the 10 MiB page 10% under 300 MB
)

// tuneGC sets the collector for analysis work, unless the user set GOGC or GOMEMLIMIT.
func tuneGC() { setCollector(os.Getenv, analysisGCPercent, analysisMemoryLimit) }

// looksBinary tells an executable, image or archive from a page: text in any charset armswatch
// reads has no NUL bytes (UTF-16 pages, which do, declare themselves with a byte order mark).
func looksBinary(data []byte) bool {
	head := data[:min(len(data), 8192)]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	return bytes.IndexByte(head, 0) >= 0
}
