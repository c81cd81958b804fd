package store_test

import (
	"context"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestFTSUnchangedSaveAddsNothing checks that saving an article again with the same text (a
// refetch, a reextract) leaves the full-text index as it was: FTS5 keeps a re-indexed body as a
// delete and an insert until its segments merge, so every no-op save grew the database.
func TestFTSUnchangedSaveAddsNothing(t *testing.T) {
	if !builtWithFTS5 {
		t.Skip("needs FTS5: run go test -tags sqlite_fts5")
	}
	db, _ := openTemp(t)
	ctx := context.Background()
	a := storetest.SearchArticle("https://tass.com/1", "tass", "2020-10-21T13:05:00+03:00", "Talks",
		`"We are open to dialogue," Peskov said.`, "", [2]string{"We are open to dialogue", "Dmitry Peskov"})
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	before := count(t, db, "SELECT count(*) FROM articles_fts_data")
	for range 3 {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if after := count(t, db, "SELECT count(*) FROM articles_fts_data"); after != before {
		t.Errorf("articles_fts_data rows %d after saving the same article again, %d before", after, before)
	}
	a.Analysis.Title = "Talks resumed"
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if hits, err := db.Search(ctx, store.SearchQuery{Text: "resumed"}); err != nil || len(hits) != 1 {
		t.Errorf("changed title: hits %+v, err %v", hits, err)
	}
}

// TestFTSTriggerUpgraded checks that a database whose update trigger re-indexed every save (made
// before the trigger had its WHEN clause) gets the new trigger on a read-write open, and that
// search still follows changes.
func TestFTSTriggerUpgraded(t *testing.T) {
	if !builtWithFTS5 {
		t.Skip("needs FTS5: run go test -tags sqlite_fts5")
	}
	db, path := openTemp(t)
	ctx := context.Background()
	if _, err := db.SQLForTest().ExecContext(ctx, `DROP TRIGGER articles_fts_au;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, subtitle, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, subtitle, body) VALUES ('delete', old.id, old.title, old.subtitle, old.body);
    INSERT INTO articles_fts(rowid, title, subtitle, body) VALUES (new.id, new.title, new.subtitle, new.body);
END;`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if n := count(t, db, "SELECT count(*) FROM sqlite_schema WHERE name = 'articles_fts_au' AND sql LIKE '%WHEN old.title IS NOT new.title%'"); n != 1 {
		t.Errorf("articles_fts_au not upgraded")
	}
	if n := count(t, db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%fts%'"); n != 6 {
		t.Errorf("%d full-text triggers, want 6", n)
	}
}
