package main

import (
	"math"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestSetCollectorLeavesUserSettings(t *testing.T) {
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	env := map[string]string{"GOGC": "150"}
	setCollector(func(k string) string { return env[k] }, crawlGCPercent, crawlMemoryLimit)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, GC percent = %d, want it left at 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != crawlMemoryLimit {
		t.Errorf("memory limit = %d, want %d", got, crawlMemoryLimit)
	}
	env = map[string]string{"GOMEMLIMIT": "1GiB"}
	debug.SetMemoryLimit(math.MaxInt64)
	setCollector(func(k string) string { return env[k] }, crawlGCPercent, crawlMemoryLimit)
	if got := debug.SetGCPercent(100); got != crawlGCPercent {
		t.Errorf("GC percent = %d, want %d", got, crawlGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
		t.Errorf("with GOMEMLIMIT set, memory limit = %d, want it left", got)
	}
}

// TestWorkerUsesTheCrawlCollector: armswatch worker sets the crawl's collector before it reads
// its config (the config here is missing, so it stops there, with the setting made).
func TestWorkerUsesTheCrawlCollector(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	oldPercent := debug.SetGCPercent(100)
	oldLimit := debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	if code, _, _ := runCLI(t, "", "worker", "--config", filepath.Join(t.TempDir(), "missing.toml")); code == 0 {
		t.Fatal("worker ran without a config")
	}
	if got := debug.SetGCPercent(100); got != crawlGCPercent {
		t.Errorf("worker: GC percent = %d, want the crawl's %d", got, crawlGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != crawlMemoryLimit {
		t.Errorf("worker: memory limit = %d, want the crawl's %d", got, crawlMemoryLimit)
	}
}
