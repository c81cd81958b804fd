package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestStoriesShowsTheDemosSyndicatedCopyAsOneStory: the demo site's World Wire Daily page is a
// copy of a TASS item under another headline and markup; stories lists them as one story first
// published by TASS (the digest's grouping is tested in store: its window here would end at
// the whole minute, which may precede the crawl).
func TestStoriesShowsTheDemosSyndicatedCopyAsOneStory(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, stderr := runCLI(t, "", "demo", "--db", db); code != 0 {
		t.Fatalf("demo: exit %d: %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "", "stories", "--db", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("stories: exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], `,tass,2,"tass, worldwire",en,"START-3 expires`) {
		t.Errorf("stories: want one story of tass and worldwire, got:\n%s", out)
	}
	if code, out, _ = runCLI(t, "", "stories", "--db", db, "--all", "--format", "csv"); code != 0 || strings.Count(out, "\n") != 15 {
		t.Errorf("stories --all: exit %d, want a header and 14 stories:\n%s", code, out)
	}
	if code, out, _ = runCLI(t, "", "stories", "--db", db, "--since", "2030-01-01"); code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("stories --since 2030-01-01: exit %d, want only the header:\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "", "stories", "--db", db, "extra"); code != 2 {
		t.Errorf("stories with an argument: exit %d, want 2", code)
	}
}
