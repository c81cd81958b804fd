package main

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestReextractCatchesUp stores pages as an older analyzer saw them (no statements, an old
// version) and checks that reextract brings exactly those up to date from the stored HTML.
func TestReextractCatchesUp(t *testing.T) {
	path := filepath.Join(t.TempDir(), "r.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	arts := storetest.Realistic(t)
	saveStale(t, db, arts)
	db.Close()
	code, _, stderr := runCLI(t, "", "reextract", "--db", path)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "reextract: ") || !strings.Contains(stderr, " articles re-analyzed with analyzer "+extract.Version) {
		t.Errorf("summary line: %q", stderr)
	}
	_, out, _ := runCLI(t, "", "query", "--db", path, "SELECT count(*) FROM articles WHERE analyzer_version = '"+extract.Version+"' AND title <> 'stale title'")
	if got := strings.TrimSpace(strings.Split(out, "\n")[1]); got != strconv.Itoa(len(arts)) {
		t.Errorf("%s articles brought up to date, want %d", got, len(arts))
	}
	// The stored page was kept, and a second run has nothing to do.
	_, out, _ = runCLI(t, "", "query", "--db", path, "SELECT count(*) FROM articles WHERE raw_html IS NULL")
	if !strings.HasPrefix(strings.Split(out, "\n")[1], "0") {
		t.Errorf("raw pages lost: %q", out)
	}
	_, _, stderr = runCLI(t, "", "reextract", "--db", path)
	if !strings.Contains(stderr, "reextract: 0 articles") {
		t.Errorf("second run: %q", stderr)
	}
	_, _, stderr = runCLI(t, "", "reextract", "--db", path, "--all")
	if !strings.Contains(stderr, "reextract: "+strconv.Itoa(len(arts))+" articles") {
		t.Errorf("--all: %q", stderr)
	}
}

// TestReextractKeepsTheProfile: a page first analyzed with a profile forced by its source's
// config (here on a loopback host, as in the demo) is analyzed again with that profile, so an
// unchanged analyzer reports it unchanged.
func TestReextractKeepsTheProfile(t *testing.T) {
	ctx := context.Background()
	a := storetest.Realistic(t)[0]
	url := "http://127.0.0.1:8080/politics/1"
	an, err := extract.HTML(a.HTML, extract.Options{URL: url, Source: "tass", Profile: "tass"})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveArticle(ctx, &store.Article{URL: url, Source: "tass", HTML: a.HTML, Analysis: an}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, _, stderr := runCLI(t, "", "reextract", "--db", path, "--all")
	if !strings.Contains(stderr, "1 articles re-analyzed with analyzer "+extract.Version+" (0 changed)") {
		t.Errorf("summary %q, want one unchanged article", stderr)
	}
	_, out, _ := runCLI(t, "", "query", "--db", path, "SELECT profile FROM articles")
	if !strings.Contains(out, "\ntass") {
		t.Errorf("profile after reextract: %q", out)
	}
}

// saveStale stores the articles as an older analyzer saw them: an old version, a stale title,
// no statements, so that reextract has exactly these to bring up to date.
func saveStale(t *testing.T, db interface {
	SaveArticle(context.Context, *store.Article) (store.SaveResult, error)
}, arts []*store.Article) {
	t.Helper()
	for _, a := range arts {
		old := *a.Analysis
		old.AnalyzerVersion = "0.0.1"
		old.Title = "stale title"
		old.Statements = nil
		if _, err := db.SaveArticle(context.Background(), &store.Article{URL: a.URL, Source: a.Source, FetchedAt: a.FetchedAt, HTML: a.HTML, Analysis: &old}); err != nil {
			t.Fatal(err)
		}
	}
}
