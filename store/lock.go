package store

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gofrs/flock"
)

// Lock is the exclusive right to crawl into a database: cron may start a run while the last
// one is still going, and two crawls would fetch the same frontier twice. It is an OS file lock
// (flock) on PATH.lock, so it is released when the process dies, even by SIGKILL.
type Lock struct {
	fl *flock.Flock
}

// LockedError says which run holds the lock.
type LockedError struct {
	Path    string
	PID     int       // 0 when the holder has not written it yet
	Started time.Time // zero when unknown
}

func (e *LockedError) Error() string {
	who := "another run"
	if e.PID != 0 {
		who = fmt.Sprintf("run pid %d started %s", e.PID, e.Started.Local().Format(time.DateTime+" MST"))
	}
	return fmt.Sprintf("%s is locked by %s; this run exits", e.Path, who)
}

// LockDB takes the lock of the database at dbPath without waiting: when another process holds
// it, the error is a *LockedError naming that process.
func LockDB(dbPath string) (*Lock, error) {
	path := dbPath + ".lock"
	fl := flock.New(path)
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	if !ok {
		le := &LockedError{Path: dbPath}
		// A holder that locked a moment ago may not have written its line yet: wait briefly.
		for try := 0; try < 50 && le.PID == 0; try++ {
			if try > 0 {
				time.Sleep(10 * time.Millisecond)
			}
			if data, err := os.ReadFile(path); err == nil {
				le.PID, le.Started = parseLockFile(string(data))
			}
		}
		return nil, le
	}
	// The holder writes who it is; the file is never removed (removing a lock file lets two
	// processes lock two different files of the same name).
	info := fmt.Sprintf("%d %s\n", os.Getpid(), time.Now().UTC().Format(time.RFC3339))
	if err := os.WriteFile(path, []byte(info), 0o644); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("store: lock %s: %w", path, err)
	}
	return &Lock{fl: fl}, nil
}

func parseLockFile(s string) (int, time.Time) {
	f := strings.Fields(s)
	if len(f) < 2 {
		return 0, time.Time{}
	}
	pid, _ := strconv.Atoi(f[0])
	t, _ := time.Parse(time.RFC3339, f[1])
	return pid, t
}

// Unlock releases the lock.
func (l *Lock) Unlock() error { return l.fl.Unlock() }
