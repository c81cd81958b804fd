package main

import (
	"bytes"
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestFirstOpenAfterStoriesSaysWhatItDoes: a writing command opening a database whose articles
// have no story yet (stored before schema version 6) says on stderr that it groups them and how
// far it got, instead of staying silent for half an hour on a big database.
func TestFirstOpenAfterStoriesSaysWhatItDoes(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	g := storetest.NewSynthetic(4, 3)
	for i := range 12 {
		if _, err := db.SaveArticle(ctx, g.Article(i)); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	// What a database at version 5 held: articles without stories.
	rw, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rw.Exec("UPDATE articles SET story_id = NULL; DELETE FROM story_bands; DELETE FROM article_fingerprints; DELETE FROM stories"); err != nil {
		t.Fatal(err)
	}
	rw.Close()
	var stderr bytes.Buffer
	db, err = openStore(ctx, &env{stderr: &stderr}, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := stderr.String()
	if !strings.Contains(out, "grouping 12 stored articles into stories") || !strings.Contains(out, "grouped 12 of 12") {
		t.Errorf("stderr:\n%s", out)
	}
	if n := queryInt(t, openSQL(t, path), "SELECT count(*) FROM articles WHERE story_id IS NULL"); n != 0 {
		t.Errorf("%d articles without a story", n)
	}
}
