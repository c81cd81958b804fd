package store_test

import (
	"context"
	"testing"

	"github.com/armswatch/armswatch/store"
)

// TestReadOnlyMmap checks that read-only connections map the file: without it, serve's row
// lookups spend as much time in read() as in SQLite.
func TestReadOnlyMmap(t *testing.T) {
	_, path := openTemp(t)
	db, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(context.Background(), "PRAGMA mmap_size")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	if n < 1<<30 {
		t.Errorf("mmap_size %d on a read-only connection, want at least 1 GiB", n)
	}
}
