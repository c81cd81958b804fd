package main

import (
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// realisticDB saves the realistic articles (seed and demo pages) into a new database.
func realisticDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

func fileHash(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestQueryFormats(t *testing.T) {
	db := realisticDB(t)
	q := "SELECT speaker, count(*) AS n FROM statements_v WHERE speaker = 'Dmitry Peskov' GROUP BY speaker"
	code, out, stderr := runCLI(t, "", "query", "--db", db, q)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 || recs[0][0] != "speaker" || recs[1][0] != "Dmitry Peskov" {
		t.Fatalf("csv (the default off a terminal) = %q, %v", out, err)
	}
	_, out, _ = runCLI(t, "", "query", "--db", db, "--format", "json", q)
	var objs []map[string]any
	if err := json.Unmarshal([]byte(out), &objs); err != nil || len(objs) != 1 || objs[0]["speaker"] != "Dmitry Peskov" {
		t.Fatalf("json = %q, %v", out, err)
	}
	if !strings.HasPrefix(strings.TrimSpace(out), `[`) || !strings.Contains(out, `{"speaker":"Dmitry Peskov","n":`) {
		t.Errorf("json keeps column order: %s", out)
	}
	_, out, _ = runCLI(t, "", "query", "--db", db, "--format", "jsonl", "SELECT id, title FROM articles ORDER BY id LIMIT 2")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); len(lines) != 2 || !strings.HasPrefix(lines[0], `{"id":1,"title":`) {
		t.Errorf("jsonl = %q", out)
	}
	_, out, _ = runCLI(t, "", "query", "--db", db, "--format", "table", "SELECT id, title, body FROM articles WHERE url LIKE '%/1215477' LIMIT 1")
	lines := strings.Split(out, "\n")
	if len(lines) < 4 || !strings.HasPrefix(lines[1], "--") || !strings.Contains(out, "(1 rows)") ||
		strings.Index(lines[0], "title") != strings.Index(lines[2], "Kremlin") || !strings.Contains(lines[2], "…") {
		t.Errorf("table not aligned or long cell not cut:\n%s", out)
	}
}

func TestQueryRefusesWrites(t *testing.T) {
	db := realisticDB(t)
	before := fileHash(t, db)
	for _, q := range []string{
		"DELETE FROM statements",
		"UPDATE articles SET title = 'hacked'",
		"DROP TABLE figures",
		"INSERT INTO crawl_runs (started_at) VALUES ('x')",
		"PRAGMA query_only = 0; DELETE FROM articles",
		"VACUUM",
		"VACUUM INTO '" + filepath.Join(filepath.Dir(db), "copy.db") + "'",
		"ATTACH '" + filepath.Join(filepath.Dir(db), "other.db") + "' AS o",
	} {
		code, _, stderr := runCLI(t, "", "query", "--db", db, q)
		if code != exitFailed {
			t.Errorf("%s: exit %d, want %d", q, code, exitFailed)
		}
		if !strings.Contains(stderr, "read-only") {
			t.Errorf("%s: error %q does not say the database is read-only", q, stderr)
		}
	}
	if fileHash(t, db) != before {
		t.Error("the database file changed")
	}
	for _, f := range []string{"copy.db", "other.db"} {
		if _, err := os.Stat(filepath.Join(filepath.Dir(db), f)); err == nil {
			t.Errorf("%s was created", f)
		}
	}
	_, out, _ := runCLI(t, "", "query", "--db", db, "SELECT count(*) FROM articles WHERE title = 'hacked'")
	if !strings.HasSuffix(out, "0\r\n") && !strings.HasSuffix(out, "0\n") {
		t.Errorf("after refused writes: %q", out)
	}
}

func TestQueryUsage(t *testing.T) {
	db := realisticDB(t)
	cases := [][]string{
		{"query", "--db", db},
		{"query", "--db", db, "--format", "xml", "SELECT 1"},
		{"query", "--db", filepath.Join(t.TempDir(), "missing.db"), "SELECT 1"},
	}
	for _, c := range cases {
		if code, _, _ := runCLI(t, "", c...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", c, code, exitUsage)
		}
	}
	if code, _, stderr := runCLI(t, "", "query", "--db", db, "SELECT nosuchcolumn FROM articles"); code != exitFailed || !strings.Contains(stderr, "no such column") {
		t.Errorf("bad SQL: exit %d %q", code, stderr)
	}
}
