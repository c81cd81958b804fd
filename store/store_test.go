package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

func openTemp(t *testing.T) (*store.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func count(t *testing.T, db *store.DB, query string, args ...any) int {
	t.Helper()
	rows, err := db.Query(context.Background(), query, args...)
	if err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	defer rows.Close()
	var n int
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
	}
	return n
}

func TestMigrationsIdempotent(t *testing.T) {
	db, path := openTemp(t)
	storetest.Realistic(t)
	db.Close()
	for i := 0; i < 3; i++ {
		db, err := store.Open(path)
		if err != nil {
			t.Fatalf("reopen %d: %v", i, err)
		}
		if v := count(t, db, "PRAGMA user_version"); v != store.SchemaVersion() {
			t.Errorf("user_version %d, want %d", v, store.SchemaVersion())
		}
		if n := count(t, db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles'"); n != 1 {
			t.Errorf("articles tables: %d", n)
		}
		if fk := count(t, db, "PRAGMA foreign_keys"); fk != 1 {
			t.Error("foreign keys off")
		}
		if m := count(t, db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"); m != 1 {
			t.Error("not in WAL mode")
		}
		db.Close()
	}
}

func TestOpenReadOnlyRefusesWrites(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	if _, err := db.SaveArticle(ctx, storetest.Realistic(t)[0]); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	for _, q := range []string{"DELETE FROM articles", "UPDATE articles SET title = 'x'", "DROP VIEW speakers",
		"CREATE TABLE t (x)", "PRAGMA user_version = 7"} {
		rows, err := ro.Query(ctx, q)
		if err == nil {
			rows.Close()
			t.Errorf("%s: no error", q)
		} else if !store.IsReadOnlyError(err) {
			t.Errorf("%s: %v, want a read-only error", q, err)
		}
	}
	if n := count(t, ro, "SELECT count(*) FROM articles WHERE title <> 'x'"); n != 1 {
		t.Errorf("articles after refused writes: %d", n)
	}
	if _, err := store.OpenReadOnly(filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("OpenReadOnly of a missing file: no error")
	}
}

func TestCascadeDelete(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	if _, err := db.SaveArticle(ctx, storetest.Realistic(t)[0]); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQLForTest().ExecContext(ctx, "DELETE FROM articles"); err != nil {
		t.Fatal(err)
	}
	for _, tb := range []string{"statements", "dates", "figures", "mentions"} {
		if n := count(t, db, "SELECT count(*) FROM "+tb); n != 0 {
			t.Errorf("%s: %d rows left after deleting their article", tb, n)
		}
	}
}
