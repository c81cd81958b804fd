package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// Goal 1 compares code, not collector settings: by default the peer runs under ours.
func TestSidesShareTheCollector(t *testing.T) {
	if o, p := collectorOf(sideOurs), collectorOf(sidePeer); o != p || o.percent != ourGC || o.limit != ourMemLimit {
		t.Fatalf("ours %v, peer %v: want both GOGC=%d with a %d-byte limit", o, p, ourGC, ourMemLimit)
	}
	defer func(old int) { peerGC = old }(peerGC)
	peerGC = 100
	if p := collectorOf(sidePeer); p.percent != 100 || p.limit != math.MaxInt64 {
		t.Fatalf("-peer-gc 100: peer %v, want GOGC=100 with no limit", p)
	}
	if o := collectorOf(sideOurs); o.percent != ourGC {
		t.Fatalf("-peer-gc 100 changed ours: %v", o)
	}
}

// timed runs its function under the side's setting and restores the process's afterwards.
func TestTimedSetsAndRestoresTheCollector(t *testing.T) {
	before := debug.SetGCPercent(77)
	defer debug.SetGCPercent(before)
	limit := debug.SetMemoryLimit(-1)
	var inside, insideLimit int64
	var c cost
	err := timed(&c, collector{321, 123 << 20}, func() error {
		inside = int64(debug.SetGCPercent(321))
		insideLimit = debug.SetMemoryLimit(-1)
		return nil
	})
	if err != nil || inside != 321 || insideLimit != 123<<20 {
		t.Fatalf("inside: GOGC %d, limit %d, err %v", inside, insideLimit, err)
	}
	if got := debug.SetGCPercent(77); got != 77 {
		t.Fatalf("GOGC after: %d, want 77", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Fatalf("limit after: %d, want %d", got, limit)
	}
}
