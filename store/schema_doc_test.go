package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// docDB is a database of the realistic articles and one finished crawl run, opened read-only
// as armswatch query opens it.
func docDB(t *testing.T) *store.DB {
	ctx := context.Background()
	db, path := openTemp(t)
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	id, err := db.StartRun(ctx, []string{"tass"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.FinishRun(ctx, id, store.RunStats{Fetched: 6, New: 6}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}

func TestDocumentedQueriesRun(t *testing.T) {
	qs := storetest.DocQueries(t)
	if len(qs) < 15 {
		t.Fatalf("found only %d example queries in the docs", len(qs))
	}
	db := docDB(t)
	for _, q := range qs {
		if q.FTS5 && !builtWithFTS5 {
			continue
		}
		rows, err := db.Query(context.Background(), q.SQL)
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
		// The crawler's own tables are empty in a database filled without crawling.
		if n == 0 && !storetest.CrawlerOnly.MatchString(q.SQL) {
			t.Errorf("%s: no rows from\n%s", q.File, q.SQL)
		}
	}
}

// TestSchemaIsDocumented checks that docs/schema.md has a section for every table and view and
// names every column in it.
func TestSchemaIsDocumented(t *testing.T) {
	ctx := context.Background()
	doc, err := os.ReadFile(filepath.Join(storetest.ModuleRoot(t), "docs", "schema.md"))
	if err != nil {
		t.Fatal(err)
	}
	db, _ := openTemp(t)
	rows, err := db.Query(ctx, `SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	for _, name := range names {
		section := docSection(string(doc), name)
		if section == "" {
			t.Errorf("docs/schema.md has no section ### %s", name)
			continue
		}
		cols, err := db.Query(ctx, "SELECT name FROM pragma_table_info(?)", name)
		if err != nil {
			t.Fatal(err)
		}
		for cols.Next() {
			var c string
			cols.Scan(&c)
			if !strings.Contains(section, "| `"+c+"` |") {
				t.Errorf("docs/schema.md, %s: column %s is not documented", name, c)
			}
		}
		cols.Close()
	}
}

// docSection returns the text of the "### name" section, up to the next heading.
func docSection(doc, name string) string {
	i := strings.Index(doc, "\n### "+name+"\n")
	if i < 0 {
		return ""
	}
	rest := doc[i+len(name)+6:]
	if j := strings.Index(rest, "\n#"); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
