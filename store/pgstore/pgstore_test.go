package pgstore_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestSchemaVersionsMatch: every SQLite migration needs its PostgreSQL twin (the version
// numbers are shared, and migrate --to copies between databases of the same version).
func TestSchemaVersionsMatch(t *testing.T) {
	if pg, lite := pgstore.SchemaVersion(), store.SchemaVersion(); pg != lite {
		t.Fatalf("PostgreSQL schema version %d, SQLite %d: add store/pgstore/migrations/%03d_*.sql for SQLite's migration %d",
			pg, lite, pg+1, pg+1)
	}
}

// columns returns each table's and view's columns, in order, from a store's own catalogue.
func columns(t *testing.T, db store.Store, query string) map[string][]string {
	t.Helper()
	rows, err := db.Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var table, col string
		if err := rows.Scan(&table, &col); err != nil {
			t.Fatal(err)
		}
		out[table] = append(out[table], col)
	}
	return out
}

// TestSameTablesViewsAndColumns compares the two schemas: the same tables and views with the
// same columns in the same order, but for the differences docs/schema.md lists.
func TestSameTablesViewsAndColumns(t *testing.T) {
	pg, _ := openTemp(t)
	lite, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	want := columns(t, lite, `SELECT m.name, p.name FROM sqlite_schema m, pragma_table_info(m.name) p
		WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '%_fts%'
		ORDER BY m.name, p.cid`)
	got := columns(t, pg, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name NOT LIKE '%_fts' AND table_name NOT LIKE 'armswatch_%'
		ORDER BY table_name, ordinal_position`)
	// frontier.seq is SQLite's implicit rowid made a column (discovery order).
	got["frontier"] = slices.DeleteFunc(got["frontier"], func(c string) bool { return c == "seq" })
	for table, cols := range want {
		if !slices.Equal(got[table], cols) {
			t.Errorf("%s: PostgreSQL columns %v, SQLite %v", table, got[table], cols)
		}
	}
	for table := range got {
		if want[table] == nil {
			t.Errorf("%s: in PostgreSQL, not in SQLite", table)
		}
	}
}

// TestRussianSearch: articles in Russian are indexed with the russian configuration, so a
// word finds its other forms (договор, договора).
func TestRussianSearch(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	a := storetest.Realistic(t)[0]
	an := *a.Analysis
	an.Language, an.Title = "ru", "Рябков о договоре"
	an.Body = "Рябков заявил, что действие договора СНВ-3 истекает."
	an.Statements, an.Figures, an.Mentions, an.Dates = nil, nil, nil, nil
	if _, err := db.SaveArticle(ctx, &store.Article{URL: "https://ria.ru/1", Source: "ria", Analysis: &an}); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "договор"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "«договора»") {
		t.Fatalf("hits %+v, want the Russian article with «договора» marked", hits)
	}
}

// TestCopyResumesWhereItStopped copies a SQLite database in small batches, stops it midway (a
// query fails), runs it again: every row is there once, with its id, the change log is SQLite's
// (not written again by the trigger), and new rows get new ids.
func TestCopyResumesWhereItStopped(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	lite, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.Realistic(t)
	for _, a := range arts[1:] {
		if _, err := lite.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	id, _ := lite.StartRun(ctx, []string{"tass"})
	lite.FinishRun(ctx, id, store.RunStats{New: 3})
	lite.Enqueue(ctx, "tass", []store.FrontierItem{{URL: "https://x/1"}, {URL: "https://x/2"}}, false)
	lite.Close()
	src, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()

	pg, _ := openTemp(t)
	stop := &stopAfter{SQLiteSource: src}
	stop.left.Store(12)
	err = pg.CopyFromSQLite(ctx, stop, 3, func(pgstore.TableCopy) {})
	if !errors.Is(err, errStopped) {
		t.Fatalf("first copy: %v, want it stopped", err)
	}
	partial := storetest.Count(t, pg, "SELECT count(*) FROM armswatch_copy")
	if partial == 0 {
		t.Fatal("the stopped copy recorded no progress")
	}
	var copied int64
	tables := map[string]pgstore.TableCopy{}
	if err := pg.CopyFromSQLite(ctx, src, 3, func(tc pgstore.TableCopy) { tables[tc.Table] = tc; copied += tc.Copied }); err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{"articles", "statements", "figures", "mentions", "dates", "article_changes", "crawl_runs", "frontier", "page_dicts"} {
		tc := tables[table]
		if tc.Rows == 0 || tc.Rows != tc.Source {
			t.Errorf("%s: %+v, want every SQLite row", table, tc)
		}
		q := "SELECT count(*) FROM " + table
		if n := storetest.Count(t, src, q); n != storetest.Count(t, pg, q) {
			t.Errorf("%s: %d rows in SQLite, %d in PostgreSQL", table, n, storetest.Count(t, pg, q))
		}
	}
	// Rows copied by the first run are not copied again.
	if total := storetest.Count(t, pg, "SELECT sum(copied) FROM armswatch_copy"); int64(total) != sumRows(tables) {
		t.Errorf("progress counts %d copies for %d rows", total, sumRows(tables))
	}
	if copied >= sumRows(tables) {
		t.Errorf("the second run copied %d of %d rows: it did not go on from the first", copied, sumRows(tables))
	}
	// Ids are kept: statements join the same articles.
	join := "SELECT count(*) FROM statements s JOIN articles a ON a.id = s.article_id WHERE a.url = 'URL' AND s.seq = 0"
	join = strings.Replace(join, "URL", arts[1].URL, 1)
	if storetest.Count(t, pg, join) != 1 || storetest.Count(t, src, join) != 1 {
		t.Error("statements no longer join their articles")
	}
	// A third run copies nothing, and the database takes new articles with new ids.
	if err := pg.CopyFromSQLite(ctx, src, 3, func(tc pgstore.TableCopy) {
		if tc.Copied != 0 {
			t.Errorf("third run copied %d rows of %s", tc.Copied, tc.Table)
		}
	}); err != nil {
		t.Fatal(err)
	}
	res, err := pg.SaveArticle(ctx, arts[0])
	if err != nil || !res.New || int(res.ArticleID) != len(arts) {
		t.Errorf("new article after the copy: %+v %v, want id %d", res, err, len(arts))
	}
	if hits, err := pg.Search(ctx, store.SearchQuery{Text: "warheads"}); err != nil || len(hits) == 0 {
		t.Errorf("copied rows are not searchable: %v %v", hits, err)
	}
	// Copied pages read back with the copied dictionaries, and so does a new one, compressed
	// with its host's copied dictionary.
	for _, id := range []int64{1, res.ArticleID} {
		p, err := pg.Page(ctx, id)
		if err != nil || string(p.HTML) != string(arts[id%int64(len(arts))].HTML) {
			t.Errorf("page %d after the copy: %v", id, err)
		}
	}
	if n := storetest.Count(t, pg, "SELECT count(*) FROM page_dicts"); n != storetest.Count(t, src, "SELECT count(*) FROM page_dicts") {
		t.Errorf("a new article of a copied host made a dictionary of its own: %d", n)
	}
}

func sumRows(tables map[string]pgstore.TableCopy) int64 {
	var n int64
	for _, tc := range tables {
		n += tc.Rows
	}
	return n
}

var errStopped = errors.New("stopped")

// stopAfter fails every query once left reaches zero: a copy killed midway.
type stopAfter struct {
	pgstore.SQLiteSource
	left atomic.Int64
}

func (s *stopAfter) Query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if s.left.Add(-1) < 0 {
		return nil, errStopped
	}
	return s.SQLiteSource.Query(ctx, q, args...)
}
