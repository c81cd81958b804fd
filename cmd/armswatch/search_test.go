package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSearchCommand(t *testing.T) {
	db := realisticDB(t)
	if !builtWithFTS5 {
		code, _, stderr := runCLI(t, "", "search", "--db", db, "dialogue")
		if code != exitFailed || !strings.Contains(stderr, "sqlite_fts5") {
			t.Errorf("without FTS5: exit %d %q, want an error naming the build tag", code, stderr)
		}
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	code, out, stderr := runCLI(t, "", "search", "--db", db, "--speaker", "Peskov", "dialogue")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(out, "1. Dmitry Peskov") || !strings.Contains(out, "**dialogue**") {
		t.Errorf("text output:\n%s", out)
	}
	_, out, _ = runCLI(t, "", "search", "--db", db, "--format", "jsonl", "--limit", "3", "--treaty", "New START", "warheads")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) == 0 || len(lines) > 3 {
		t.Fatalf("jsonl hits: %q", out)
	}
	for _, l := range lines {
		var h hitJSON
		if err := json.Unmarshal([]byte(l), &h); err != nil || !strings.Contains(h.Snippet, "«warheads»") {
			t.Errorf("hit %q: %v", l, err)
		}
	}
	_, out, _ = runCLI(t, "", "search", "--db", db, "--since", "2030-01-01", "dialogue")
	if !strings.Contains(out, "no matches") {
		t.Errorf("--since in the future: %q", out)
	}
	for _, args := range [][]string{{"search", "--db", db}, {"search", "--db", db, "--limit", "0", "x"},
		{"search", "--db", db, "--until", "soon", "x"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}

// TestSearchSyntaxErrorIsBadUsage checks that a query FTS5 cannot parse is bad usage (exit 2)
// told in one line with the way out, and that column filters work on the table that has the
// column.
func TestSearchSyntaxErrorIsBadUsage(t *testing.T) {
	if !builtWithFTS5 {
		t.Skip("search needs FTS5")
	}
	db := realisticDB(t)
	for _, q := range []string{"U.S. AND Russia", "New START OR", `"unterminated`, "(treaty", "nosuchcolumn: x"} {
		code, out, stderr := runCLI(t, "", "search", "--db", db, q)
		if code != exitUsage || out != "" {
			t.Errorf("%q: exit %d, want %d; stdout %q", q, code, exitUsage, out)
		}
		if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "double quotes") {
			t.Errorf("%q: want one line saying how to quote, got %q", q, stderr)
		}
	}
	code, out, stderr := runCLI(t, "", "search", "--db", db, `"New-START" AND Russia`)
	if code != 0 || out == "no matches\n" {
		t.Errorf("the quoted form: exit %d %q %s", code, out, stderr)
	}
	for _, q := range []string{"speaker: Peskov", "title: START"} {
		if code, out, stderr := runCLI(t, "", "search", "--db", db, q); code != 0 || out == "no matches\n" {
			t.Errorf("%q: exit %d %q %s", q, code, out, stderr)
		}
	}
}
