//go:build unix

package storetest

import (
	"syscall"
	"time"
)

// CPUTime is the process's user and system CPU time so far. Benchmarks report it beside the
// wall time because the machines they run on are often shared: wall time then measures the
// queue for the CPU as much as the work.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
