package store_test

import (
	"errors"
	"os"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
)

func TestLockNamesTheHolder(t *testing.T) {
	path := t.TempDir() + "/a.db"
	l, err := store.LockDB(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = store.LockDB(path)
	var le *store.LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || time.Since(le.Started) > time.Minute {
		t.Fatalf("second lock: %v", err)
	}
	l.Unlock()
	l2, err := store.LockDB(path)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	l2.Unlock()
}
