package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// usage is what one child process cost.
type usage struct {
	cpu, wall time.Duration
	maxRSS    int64 // bytes
}

// binary builds the armswatch command into dir, unless -bin names one.
func binary(c *config, dir string) (string, error) {
	if c.bin != "" {
		return c.bin, nil
	}
	bin := filepath.Join(dir, "armswatch")
	fmt.Fprintln(os.Stderr, "building armswatch (-tags sqlite_fts5)")
	cmd := exec.Command("go", "build", "-tags", "sqlite_fts5", "-o", bin, "./cmd/armswatch")
	cmd.Dir = c.root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("build armswatch: %w\n%s", err, out)
	}
	return bin, nil
}

// runChild runs bin with args and extra environment, its output discarded (it would cost the
// bench, not the child), and returns its rusage.
func runChild(bin string, env []string, args ...string) (usage, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return usage{}, fmt.Errorf("%s %v: %w", filepath.Base(bin), args, err)
	}
	hwm := watchHWM(cmd.Process.Pid)
	err := cmd.Wait()
	wall := time.Since(start)
	peak := hwm()
	if err != nil {
		return usage{}, fmt.Errorf("%s %v: %w\n%s", filepath.Base(bin), args, err, errb.Bytes())
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if peak == 0 { // no /proc: rusage, floored by this process's peak
		peak = ru.Maxrss << 10 // KiB on Linux
	}
	return usage{
		cpu:    time.Duration(ru.Utime.Nano() + ru.Stime.Nano()),
		wall:   wall,
		maxRSS: peak,
	}, nil
}

// hwmEvery is how often watchHWM reads the child's peak RSS; growth in its last interval before
// exit is missed.
const hwmEvery = 10 * time.Millisecond

// watchHWM follows the peak RSS (VmHWM) of process pid until the returned function is called,
// which gives the last value read (0 if none). The rusage of a child is no measure of it: Go
// starts children with CLONE_VM, and Linux's exec counts the peak of the memory it replaces,
// this bench's (which holds the corpus pages, goal 1's and goal 5's analyses), into the child's
// maxrss, so every child read at least this process's peak.
func watchHWM(pid int) func() int64 {
	path := fmt.Sprintf("/proc/%d/status", pid)
	var peak atomic.Int64
	stop, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(hwmEvery)
		defer t.Stop()
		for {
			if kb := readHWM(path); kb > peak.Load() {
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

// readHWM is the VmHWM line of a /proc status file, in KiB (0: unreadable, or a zombie's).
func readHWM(path string) int64 {
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

// median is the middle of durations (the upper one of an even count).
func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
