package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

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

// The story candidates' query searches story_bands by its primary key in each term, and stays
// prepared from one save to the next: run with new keys every time (as saves do), it must cost
// far less than compiling it (about 1 ms of CPU; 0.07 ms a run when it stays prepared).
func TestStoryCandidatesStayPrepared(t *testing.T) {
	if testing.Short() {
		t.Skip("measures CPU time")
	}
	ctx := context.Background()
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
	run := func(n int) time.Duration {
		start := cpuTime()
		err := db.inTx(ctx, func(tx *sql.Tx) error {
			for i := range n {
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
			t.Fatal(err)
		}
		return (cpuTime() - start) / time.Duration(n)
	}
	run(5) // prepared
	if per := run(300); per > 400*time.Microsecond {
		t.Errorf("the story candidates' query costs %v of CPU a run: compiled again every time?", per)
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

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
