package pgstore_test

import (
	"context"
	"maps"
	"path/filepath"
	"slices"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestServeAnswersAsSQLite: the same articles saved in the same order into PostgreSQL and
// SQLite, every question serve's pages ask gets the same answer from both (the same rows, the
// same order, the same ids), read through a read-only connection as serve reads.
func TestServeAnswersAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg, u := openTemp(t)
	lite, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	arts := storetest.ServeArticles(t)
	for _, db := range []store.Store{pg, lite} {
		if err := db.SaveArticles(ctx, arts); err != nil {
			t.Fatal(err)
		}
	}
	ro, err := pgstore.OpenReadOnly(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	fromPG, fromLite := storetest.ServeAnswers(t, ro), storetest.ServeAnswers(t, lite)
	for _, q := range slices.Sorted(maps.Keys(fromLite)) {
		if fromPG[q] != fromLite[q] {
			t.Errorf("%s:\nPostgreSQL %.600s\nSQLite     %.600s", q, fromPG[q], fromLite[q])
		}
	}
	if len(fromPG) != len(fromLite) {
		t.Errorf("%d answers from PostgreSQL, %d from SQLite", len(fromPG), len(fromLite))
	}
}
