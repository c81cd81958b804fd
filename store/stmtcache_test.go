package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/stories"
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
		story = story || strings.Contains(q, "FROM story_bands WHERE likely(key = ?)")
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

// The story candidates' query searches the bands by key: its plan must not scan them. (Its
// cost per run, which showed it compiled again on every save before likely() kept SQLite from
// re-preparing it, is BenchmarkStoryCandidates': a timed test would fail on a loaded machine.)
func TestStoryCandidatesStayPrepared(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fp := stories.Of("Talks on the treaty resumed in Geneva on Monday, the ministry said, after a pause of two years.")
	keys := fp.BandKeys()
	plan := planOf(t, db, "EXPLAIN QUERY PLAN "+bandCandidatesSQL(len(keys)), bandArgs(keys[:], 1)...)
	if strings.Contains(plan, "SCAN story_bands") || !strings.Contains(plan, "SEARCH story_bands USING PRIMARY KEY (key=?)") {
		t.Errorf("story candidates' plan:\n%s", plan)
	}
}

// BenchmarkStoryCandidates runs the story candidates' query with new keys each time, as saves
// do (about 0.07 ms of CPU a run when it stays prepared, 1.07 ms when it was compiled again).
func BenchmarkStoryCandidates(b *testing.B) {
	ctx := context.Background()
	db, err := Open(filepath.Join(b.TempDir(), "a.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	fp := stories.Of("Talks on the treaty resumed in Geneva on Monday, the ministry said, after a pause of two years.")
	keys := fp.BandKeys()
	err = db.inTx(ctx, func(tx *sql.Tx) error {
		b.ResetTimer()
		for i := range b.N {
			for j := range keys {
				keys[j] += int64(i + 1) // new keys every run
			}
			if _, err := bestCopy(ctx, cachedTx{tx, &db.stmts}, int64(i+1), &fp, keys[:], "en", "2025-11-03T00:00:00Z"); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
}

func bandArgs(keys []int64, id int64) []any {
	var args []any
	for _, k := range keys {
		args = append(args, k, id)
	}
	return args
}

func planOf(t *testing.T, db *DB, query string, args ...any) string {
	t.Helper()
	rows, err := db.sql.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		b.WriteString(detail + "\n")
	}
	return b.String()
}
