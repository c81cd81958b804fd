package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store/storetest"
)

// TestDocumentedQueriesOnDemoDB runs the example queries of docs/schema.md and the README through
// armswatch query against the database armswatch demo builds: what a newcomer does first.
func TestDocumentedQueriesOnDemoDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := runCLI(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	qs := storetest.DocQueries(t)
	for _, q := range qs {
		if q.FTS5 && !builtWithFTS5 {
			continue
		}
		code, out, stderr := runCLI(t, "", "query", "--db", db, "--", q.SQL) // "--": some begin with a -- comment
		if code != 0 {
			t.Errorf("%s: exit %d: %s\n%s", q.File, code, stderr, q.SQL)
			continue
		}
		// A header line and at least one row, except for what only a real crawl's history fills.
		if rows := strings.Count(out, "\n") - 1; rows < 1 && !strings.Contains(q.SQL, "discovered_feeds") {
			t.Errorf("%s: no rows from\n%s", q.File, q.SQL)
		}
	}
}
