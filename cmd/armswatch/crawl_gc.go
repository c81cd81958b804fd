package main

import (
	"os"
	"runtime/debug"
)

// The crawl's collector: GOGC=400 under a memory limit, as for extract (tuneGC), with a lower
// limit. At Go's default GOGC=100 the heap reaches twice the live heap, and the live heap
// jumps when several fetchers analyse large pages at once, so the peak RSS was a matter of
// how many such coincidences a crawl met: the longer the crawl, the higher (a 5,000-page
// loopback crawl peaked 18% above a 1,000-page one at load 10, its RSS swinging between 98
// and 141 MB within seconds). Under the limit the collector runs when the Go memory nears
// it, whatever the coincidence, so that any crawl long enough to get there peaks near the
// same figure; GOGC=400 collects less often than the default until then (67 collections
// instead of 206 over 1,000 pages).
const (
	crawlGCPercent   = 400
	crawlMemoryLimit = 128 << 20
)

// tuneCrawlGC sets the crawl's collector, unless the user set GOGC or GOMEMLIMIT.
func tuneCrawlGC() { setCollector(os.Getenv, crawlGCPercent, crawlMemoryLimit) }

// setCollector sets the GC percent and the memory limit, each unless getenv shows the user
// set its variable.
func setCollector(getenv func(string) string, percent int, limit int64) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(limit)
	}
}
