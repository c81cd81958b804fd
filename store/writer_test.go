package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
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

// With BatchWrites, saves commit every batch articles: until then another connection does not
// see them, while the batching handle's own reads (DuplicateOf, HasArticle) do.
func TestBatchWritesCommitEveryBatch(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	arts := storetest.Realistic(t)
	if len(arts) < 3 {
		t.Skip("needs three articles")
	}
	if err := db.BatchWrites(3, time.Hour); err != nil {
		t.Fatal(err)
	}
	other, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for _, a := range arts[:2] {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, other, "SELECT count(*) FROM articles"); n != 0 {
		t.Errorf("another connection sees %d articles of an uncommitted batch", n)
	}
	if ok, err := db.HasArticle(ctx, arts[1].URL); err != nil || !ok {
		t.Errorf("HasArticle of an article of the batch in hand = %v, %v; want true", ok, err)
	}
	if dup, err := db.DuplicateOf(ctx, "https://elsewhere.example/copy", arts[1].Analysis); err != nil || dup != arts[1].URL {
		t.Errorf("DuplicateOf a copy of an article of the batch in hand = %q, %v; want %q", dup, err, arts[1].URL)
	}
	if _, err := db.SaveArticle(ctx, arts[2]); err != nil {
		t.Fatal(err)
	}
	if n := count(t, other, "SELECT count(*) FROM articles"); n != 3 {
		t.Errorf("after the third save another connection sees %d articles, want 3", n)
	}
}

// A batch not full commits after maxAge, and Close commits the batch in hand.
func TestBatchWritesCommitAtMaxAgeAndClose(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	arts := storetest.Realistic(t)
	if err := db.BatchWrites(100, 20*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	other, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := db.SaveArticle(ctx, arts[0]); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for count(t, other, "SELECT count(*) FROM articles") != 1 {
		if time.Now().After(deadline) {
			t.Fatal("a batch of one article not committed 5 s after its maxAge of 20 ms")
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := db.BatchWrites(100, time.Hour); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveArticle(ctx, arts[1]); err != nil {
		t.Fatal(err)
	}
	if err := db.Finish(ctx, arts[1].URL, store.FrontierDone, "", 3); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if n := count(t, other, "SELECT count(*) FROM articles"); n != 2 {
		t.Errorf("after Close another connection sees %d articles, want 2", n)
	}
	if n := count(t, other, "SELECT count(*) FROM frontier WHERE state = 'done'"); n != 1 {
		t.Errorf("after Close another connection sees %d finished frontier entries, want 1", n)
	}
}

// Saving in batches makes the same rows as saving each article alone: the same stories,
// statement and figure groups (grouping reads what the batch's earlier saves wrote).
func TestBatchWritesSameRows(t *testing.T) {
	ctx := context.Background()
	arts := storetest.Realistic(t)
	dump := func(batch int) string {
		db, _ := openTemp(t)
		if err := db.BatchWrites(batch, time.Hour); err != nil {
			t.Fatal(err)
		}
		for _, a := range arts {
			// Saved twice, the second a copy under another URL: a story of two.
			c := *a
			c.URL += "?copy"
			for _, x := range []*store.Article{a, &c} {
				if _, err := db.SaveArticle(ctx, x); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := db.BatchWrites(0, 0); err != nil {
			t.Fatal(err)
		}
		if count(t, db, "SELECT count(*) FROM stories WHERE articles = 2") == 0 {
			t.Errorf("batch %d: no story of an article and its copy", batch)
		}
		var b strings.Builder
		for _, q := range []string{
			"SELECT id, url, story_id, content_hash FROM articles ORDER BY id",
			"SELECT id, articles, sources, first_article_id, title FROM stories ORDER BY id",
			"SELECT id, speaker, match_key, text, first_at, last_at FROM statement_groups ORDER BY id",
			"SELECT id, article_id, group_id FROM statements ORDER BY id",
			"SELECT id, match_key FROM figure_groups ORDER BY id",
			"SELECT id, article_id, group_id FROM figures ORDER BY id",
		} {
			b.WriteString(dumpRows(t, db, q))
		}
		return b.String()
	}
	alone, batched := dump(0), dump(5)
	if alone != batched {
		t.Errorf("rows saved in batches of 5 differ from rows saved one by one:\n%s\n---\n%s", batched, alone)
	}
}

func dumpRows(t *testing.T, db *store.DB, query string) string {
	t.Helper()
	rows, err := db.Query(context.Background(), query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		b.WriteString(fmt.Sprintln(vals...))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
