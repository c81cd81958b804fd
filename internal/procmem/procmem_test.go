package procmem

import (
	"os"
	"os/exec"
	"testing"
	"time"
)

// The child here allocates and touches 64 MiB, which its VmHWM shows while the parent (this
// test, much smaller) does not: the peak read is the child's own.
func TestWatchHWMReadsTheChildsPeak(t *testing.T) {
	if os.Getenv("PROCMEM_CHILD") == "1" {
		b := make([]byte, 64<<20)
		for i := range b {
			b[i] = byte(i)
		}
		time.Sleep(200 * time.Millisecond) // several of WatchHWM's reads
		if b[len(b)-1] == 0 {
			os.Exit(1)
		}
		os.Exit(0)
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWatchHWMReadsTheChildsPeak$")
	cmd.Env = append(os.Environ(), "PROCMEM_CHILD=1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	stop := WatchHWM(cmd.Process.Pid)
	if err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
	peak := stop()
	if peak < 64<<20 {
		t.Errorf("peak %d bytes, want at least the child's 64 MiB", peak)
	}
	if ReadHWM("/nonexistent/status") != 0 {
		t.Error("an unreadable status file gives a peak")
	}
}
