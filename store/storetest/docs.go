package storetest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// DocQuery is one example query of the documentation.
type DocQuery struct {
	File, SQL string
	FTS5      bool // needs FTS5 (a ```sql fts5 block, or a query of an _fts table)
}

// CrawlerOnly matches queries of tables that only a crawl fills: empty in a database built with
// SaveArticle alone.
var CrawlerOnly = regexp.MustCompile(`\b(frontier|discovered_feeds|crawl_run_sources|http_cache)\b`)

// DocQueries collects the ```sql blocks of docs/schema.md and README.md, and the SQL of the
// README's `armswatch query "..."` command lines.
func DocQueries(t testing.TB) []DocQuery {
	root := ModuleRoot(t)
	var out []DocQuery
	block := regexp.MustCompile("(?s)```sql( fts5)?\n(.*?)```")
	cmd := regexp.MustCompile(`(?m)^\s*armswatch query (?:--[a-z]+ \S+ )*"([^"]+)"`)
	for _, name := range []string{"docs/schema.md", "README.md"} {
		b, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			if name == "README.md" {
				continue
			}
			t.Fatal(err)
		}
		for _, m := range block.FindAllStringSubmatch(string(b), -1) {
			out = append(out, DocQuery{File: name, SQL: m[2], FTS5: m[1] != "" || strings.Contains(m[2], "_fts")})
		}
		for _, m := range cmd.FindAllStringSubmatch(string(b), -1) {
			out = append(out, DocQuery{File: name, SQL: m[1], FTS5: strings.Contains(m[1], "_fts")})
		}
	}
	return out
}
