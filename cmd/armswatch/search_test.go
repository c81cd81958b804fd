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
