// Package procmem reads the peak resident memory of a child process on Linux.
//
// A child's rusage is no measure of it: Go starts children with CLONE_VM, and Linux's exec
// counts the peak of the memory it replaces (the parent's) into the child's maxrss, so every
// child reads at least its parent's peak. The child's own peak is the VmHWM line of
// /proc/<pid>/status, which is gone once the child is reaped: it is polled while the child runs.
package procmem

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// Every is how often WatchHWM reads the peak; growth in the child's last interval before it
// exits is missed.
const Every = 10 * time.Millisecond

// WatchHWM follows the peak RSS (VmHWM) of process pid until the returned function is called,
// which gives the largest value read, in bytes (0 if none could be read).
func WatchHWM(pid int) func() int64 {
	path := fmt.Sprintf("/proc/%d/status", pid)
	var peak atomic.Int64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(Every)
		defer t.Stop()
		for {
			if kb := ReadHWM(path); kb > peak.Load() {
				peak.Store(kb)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	return func() int64 {
		close(stop)
		<-done
		return peak.Load() << 10
	}
}

// ReadHWM is the VmHWM line of a /proc status file, in KiB (0: unreadable, or a zombie's).
func ReadHWM(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb
		}
	}
	return 0
}
