package store_test

import (
	"path/filepath"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestConformance runs the store's behavioural tests on SQLite; store/pgstore runs the same
// ones on PostgreSQL.
func TestConformance(t *testing.T) {
	storetest.Conformance(t, storetest.Backend{
		Open: func(t *testing.T) (store.Store, func() (store.Store, error)) {
			path := filepath.Join(t.TempDir(), "a.db")
			db, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db, func() (store.Store, error) { return store.OpenReadOnly(path) }
		},
		Search:          builtWithFTS5,
		IsReadOnlyError: store.IsReadOnlyError,
	})
}
