package store_test

import (
	"context"
	"testing"
)

// A writable database's connections keep temporary data (statement journals) in memory, not in
// files: see writeDriver.
func TestWritableKeepsTempInMemory(t *testing.T) {
	db, _ := openTemp(t)
	rows, err := db.Query(context.Background(), "PRAGMA temp_store")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var v int
	if !rows.Next() {
		t.Fatal("PRAGMA temp_store: no row")
	}
	if err := rows.Scan(&v); err != nil {
		t.Fatal(err)
	}
	if v != 2 {
		t.Errorf("temp_store = %d, want 2 (MEMORY)", v)
	}
}
