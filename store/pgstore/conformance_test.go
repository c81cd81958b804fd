package pgstore_test

import (
	"context"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

func openTemp(t *testing.T) (*pgstore.DB, string) {
	t.Helper()
	u := pgtest.URL(t)
	db, err := pgstore.Open(context.Background(), u)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, u
}

// TestConformance runs the store's behavioural tests (store/storetest) on PostgreSQL.
func TestConformance(t *testing.T) {
	storetest.Conformance(t, storetest.Backend{
		Open: func(t *testing.T) (store.Store, func() (store.Store, error)) {
			db, u := openTemp(t)
			return db, func() (store.Store, error) { return pgstore.OpenReadOnly(context.Background(), u) }
		},
		Search:          true,
		IsReadOnlyError: pgstore.IsReadOnlyError,
	})
}
