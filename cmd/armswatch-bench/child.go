package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"time"

	"github.com/armswatch/armswatch/internal/procmem"
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
	hwm := procmem.WatchHWM(cmd.Process.Pid) // not rusage: see package procmem
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

// median is the middle of durations (the upper one of an even count).
func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }
