package store

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
)

// A crawl saves hundreds of articles: their statements are prepared once, not per article, and
// a later save still replaces the analysis rows rather than adding to them.
func TestSaveArticleReusesStatements(t *testing.T) {
	ctx := context.Background()
	db, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	save := func(i int, statements int) {
		an := &extract.Analysis{Title: "Talks", Body: fmt.Sprintf("Talks resumed, round %d.", i), Language: "en"}
		for range statements {
			an.Statements = append(an.Statements, extract.Statement{Treaty: "new-start"})
		}
		an.Dates = []extract.Date{{Text: "Monday", Kind: "event", Value: "2025-11-03"}}
		a := &Article{URL: fmt.Sprintf("https://example.org/news/%d", i), HTML: []byte("<p>x</p>"), Analysis: an}
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// A new article, another, and one saved again take every path of a save (the grouping's
	// too: new groups, joined groups, pruned ones); saving more adds no statement.
	save(1, 2)
	save(2, 3)
	save(1, 1)
	prepared := len(db.stmts.m)
	if prepared == 0 {
		t.Fatal("no statement kept after a save")
	}
	// The story's candidates (a 48-way UNION, the dearest statement to prepare) are among them.
	story := false
	for q := range db.stmts.m {
		story = story || strings.Contains(q, "FROM story_bands WHERE key = ?")
	}
	if !story {
		t.Error("the story candidates' query is prepared on every save")
	}
	save(3, 2)
	save(2, 1)
	save(1, 3)
	save(1, 1)
	if n := len(db.stmts.m); n != prepared {
		t.Errorf("%d statements kept after seven saves, %d after the first three", n, prepared)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM statements").Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 4 {
		t.Errorf("%d statement rows, want 4 (2 of article 3, 1 of article 2, 1 of article 1 saved again)", n)
	}
}
