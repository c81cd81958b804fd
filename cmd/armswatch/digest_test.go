package main

import (
	"context"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// digestDB stores the realistic articles: the first two fetched an hour ago, the rest ten days
// ago, so a 24h digest holds only the first two.
func digestDB(t *testing.T) (string, []*store.Article) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	arts := storetest.Realistic(t)
	if len(arts) < 3 {
		t.Skip("needs the demo site's pages")
	}
	for i, a := range arts {
		a.FetchedAt = time.Now().Add(-10 * 24 * time.Hour)
		if i < 2 {
			a.FetchedAt = time.Now().Add(-time.Hour)
		}
		if _, err := db.SaveArticle(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return path, arts
}

func TestDigestCSVGroupsNewItems(t *testing.T) {
	db, arts := digestDB(t)
	code, out, stderr := runCLI(t, "", "digest", "--db", db, "--since", "24h", "--format", "csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(recs[0], ",") != strings.Join(digestColumns, ",") {
		t.Errorf("header %v", recs[0])
	}
	want := 0
	for _, a := range arts[:2] {
		want += len(a.Analysis.Statements) + len(a.Analysis.Figures)
	}
	if len(recs)-1 != want {
		t.Errorf("%d items, want the %d statements and figures of the 2 new articles", len(recs)-1, want)
	}
	newURL := map[string]bool{arts[0].URL: true, arts[1].URL: true}
	seen := map[string]bool{}
	prev := ""
	for _, r := range recs[1:] {
		if !newURL[r[12]] {
			t.Errorf("item of an old article %s", r[12])
		}
		group := r[0] + "\x00" + r[2]
		if group != prev && seen[group] {
			t.Errorf("group %q split: items are not grouped by treaty and speaker", group)
		}
		seen[group], prev = true, group
	}
	if code, out, _ := runCLI(t, "", "digest", "--db", db, "--since", "30d", "--format", "csv"); code != 0 || len(readCSVString(t, out)) <= len(recs) {
		t.Errorf("a 30-day digest is not larger than a 24-hour one")
	}
}

func TestDigestMarkdown(t *testing.T) {
	db, _ := digestDB(t)
	out := filepath.Join(t.TempDir(), "digest.md")
	code, _, stderr := runCLI(t, "", "digest", "--db", db, "--since", "24h", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	md := string(mustRead(t, out))
	for _, want := range []string{"# armswatch digest", "2 new articles", "\n## ", "\n### ", "\n- ", "](https://tass.com/"} {
		if !strings.Contains(md, want) {
			t.Errorf("digest lacks %q:\n%s", want, md)
		}
	}
	if code, _, _ := runCLI(t, "", "digest", "--db", db); code != exitUsage {
		t.Errorf("digest without --since: exit %d", code)
	}
	if code, out, _ := runCLI(t, "", "digest", "--db", db, "--since", "2099-01-01"); code != 0 || !strings.Contains(out, "Nothing new") {
		t.Errorf("empty digest: %d %q", code, out)
	}
}
