package pgstore_test

import (
	"context"
	"regexp"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// sqliteOnly matches the documented examples written in SQLite's own SQL: PRAGMA, BLOB casts
// for byte offsets, group_concat, json_each, scalar max(a, b), several statements at once.
var sqliteOnly = regexp.MustCompile(`(?i)\bPRAGMA\b|\bAS BLOB\b|group_concat|json_each|\bmax\((?:[^()]|\([^()]*\))*,|;\s*\S`)

// groupsOnly matches examples of stories and groups, which PostgreSQL does not make yet.
var groupsOnly = regexp.MustCompile(`\b(article_fingerprints|statement_groups|statement_keys|figure_groups|statement_groups_v|story_bands|stories)\b`)

// TestDocumentedQueriesRun runs the example SQL of docs/schema.md and the README on
// PostgreSQL, as store's test of the same name does on SQLite: the documented schema is one,
// but for the examples in SQLite's own dialect (sqliteOnly).
func TestDocumentedQueriesRun(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	id, _ := db.StartRun(ctx, []string{"tass"})
	db.FinishRun(ctx, id, store.RunStats{Fetched: 6, New: 6})
	ran := 0
	for _, q := range storetest.DocQueries(t) {
		if q.FTS5 || sqliteOnly.MatchString(q.SQL) {
			continue
		}
		ran++
		rows, err := db.Query(ctx, q.SQL)
		if err != nil {
			t.Errorf("%s: %v\n%s", q.File, err, q.SQL)
			continue
		}
		n := 0
		for rows.Next() {
			n++
		}
		if err := rows.Err(); err != nil {
			t.Errorf("%s: %v\n%s", q.File, err, q.SQL)
		}
		rows.Close()
		if n == 0 && !storetest.CrawlerOnly.MatchString(q.SQL) && !groupsOnly.MatchString(q.SQL) {
			t.Errorf("%s: no rows from\n%s", q.File, q.SQL)
		}
	}
	if ran < 15 {
		t.Errorf("only %d documented queries ran on PostgreSQL", ran)
	}
}
