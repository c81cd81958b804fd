package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeQueriesRunOnTheDemoDatabase keeps the README's example SQL true: each ```sql block
// runs through `armswatch query` against a database the demo built, and returns rows.
func TestReadmeQueriesRunOnTheDemoDatabase(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```sql\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 4 {
		t.Fatalf("README has %d sql examples", len(blocks))
	}
	dbFile := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := runCLI(t, "", "demo", "--db", dbFile); code != 0 {
		t.Fatalf("demo: %s", stderr)
	}
	for _, b := range blocks {
		q := strings.TrimSpace(b[1])
		code, out, stderr := runCLI(t, "", "query", "--db", dbFile, "--format", "csv", q)
		if code != 0 {
			t.Errorf("%s\nexit %d: %s", q, code, stderr)
			continue
		}
		if lines := strings.Count(strings.TrimSpace(out), "\n"); lines < 1 {
			t.Errorf("%s\nreturned no rows:\n%s", q, out)
		}
	}
}
