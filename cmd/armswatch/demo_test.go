package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"

	_ "github.com/mattn/go-sqlite3"
)

// TestDemoCrawlsTheEmbeddedSiteIntoSQLite is the end-to-end path a newcomer runs: loopback
// server, real crawler, analysis, store; and running it again must not duplicate anything.
func TestDemoCrawlsTheEmbeddedSiteIntoSQLite(t *testing.T) {
	dbFile := filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := runCLI(t, "", "demo", "--db", dbFile)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	for _, want := range []string{"15 articles (14 stories", "same story, also carried by: worldwire (New START lapses", "Kremlin hopes to continue dialogue with US on New START", "Dmitry Peskov:"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	counts := func() (articles, statements, figures, peskov int) {
		db, err := sql.Open("sqlite3", "file:"+dbFile+"?mode=ro")
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		err = db.QueryRowContext(context.Background(), `SELECT
			(SELECT count(*) FROM articles), (SELECT count(*) FROM statements), (SELECT count(*) FROM figures),
			(SELECT count(*) FROM statements WHERE speaker = 'Dmitry Peskov')`).Scan(&articles, &statements, &figures, &peskov)
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	a, s, f, p := counts()
	// 14 TASS articles and one syndicated copy of one of them (demo/site/wire).
	if a != 15 || s < 50 || f < 20 || p < 6 {
		t.Errorf("after the demo: %d articles, %d statements, %d figures, %d by Peskov", a, s, f, p)
	}
	var seed struct{ title, published, dateline string }
	db, _ := sql.Open("sqlite3", "file:"+dbFile+"?mode=ro")
	err := db.QueryRow(`SELECT title, published, dateline_place || " " || dateline_date FROM articles WHERE url LIKE '%/politics/1215477'`).Scan(&seed.title, &seed.published, &seed.dateline)
	db.Close()
	if err != nil {
		t.Fatalf("the seed article is not stored: %v", err)
	}
	if seed.published != "2020-10-21T13:05:00+03:00" || seed.dateline != "MOSCOW 2020-10-21" {
		t.Errorf("seed row: %+v", seed)
	}
	if code, _, stderr := runCLI(t, "", "demo", "--db", dbFile); code != 0 {
		t.Fatalf("second demo run exit %d: %s", code, stderr)
	}
	if a2, s2, f2, _ := counts(); a2 != a || s2 != s || f2 != f {
		t.Errorf("a second run changed the counts: %d/%d/%d -> %d/%d/%d", a, s, f, a2, s2, f2)
	}
}

// TestDemoSaysHowToReachItsDatabase: the other commands default to config.toml's database, so
// the demo ends with commands that name its own, and they work.
func TestDemoSaysHowToReachItsDatabase(t *testing.T) {
	dbFile := filepath.Join(t.TempDir(), "demo.db")
	code, out, stderr := runCLI(t, "", "demo", "--db", dbFile)
	if code != 0 {
		t.Fatalf("demo exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	digest := strings.TrimSpace(lines[len(lines)-2])
	if want := "armswatch digest --db " + dbFile + " --since 24h"; digest != want {
		t.Fatalf("second to last line %q, want %q", digest, want)
	}
	code, out, stderr = runCLI(t, "", strings.Fields(digest)[1:]...)
	// (Not its counts: the digest's window ends at the whole minute, which may precede the crawl.)
	if code != 0 || !strings.Contains(out, "# armswatch digest") {
		t.Errorf("the demo's digest line: exit %d, %s%s", code, out, stderr)
	}
}

// TestDemoOnPostgres: the demo crawls into PostgreSQL as into SQLite, and prints the same
// digest and the same watches' counts; run again, it stores nothing twice.
func TestDemoOnPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	code, out, stderr := runCLI(t, "", "demo", "--db", pg)
	if code != 0 {
		t.Fatalf("demo on PostgreSQL: exit %d: %s", code, stderr)
	}
	dbFile := filepath.Join(t.TempDir(), "demo.db")
	code, lite, stderr := runCLI(t, "", "demo", "--db", dbFile)
	if code != 0 {
		t.Fatalf("demo on SQLite: exit %d: %s", code, stderr)
	}
	digest := func(out string) string {
		start, end := strings.Index(out, "\n15 articles"), strings.Index(out, "\nThe demo wrote")
		if start < 0 || end < start {
			t.Fatalf("demo output without its digest:\n%s", out)
		}
		// Each run serves the site on a port of its own.
		site := regexp.MustCompile(`demo site at (\S+) into`).FindStringSubmatch(out)
		if site == nil {
			t.Fatalf("demo output without its site:\n%s", out)
		}
		part := strings.ReplaceAll(out[start:end], site[1], "SITE")
		// Of the watches, what each would send and how many: which copy of a syndicated
		// article an item shows depends on which the crawl saved first, on either database.
		stories, watches, _ := strings.Cut(part, "\nWatches")
		var kept []string
		for line := range strings.SplitSeq(watches, "\n") {
			if l := strings.TrimSpace(line); strings.HasPrefix(l, "[") || strings.Contains(l, "new matches") || strings.HasPrefix(l, "(and ") {
				kept = append(kept, l)
			}
		}
		return stories + "\nWatches\n" + strings.Join(kept, "\n")
	}
	if got, want := digest(out), digest(lite); got != want {
		t.Errorf("the digest on PostgreSQL differs from SQLite's:\n%s\n--- SQLite:\n%s", got, want)
	}
	if !strings.Contains(out, "armswatch digest --db "+pgstore.Redact(pg)+" --since 24h") {
		t.Errorf("the demo does not say how to reach its database:\n%s", out)
	}
	db, err := pgstore.Open(context.Background(), pg)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	const rows = `SELECT (SELECT count(*) FROM articles) * 1000000 + (SELECT count(*) FROM statements) * 1000 + (SELECT count(*) FROM figures)`
	before := storetest.Count(t, db, rows)
	if code, _, stderr := runCLI(t, "", "demo", "--db", pg); code != 0 {
		t.Fatalf("second demo run exit %d: %s", code, stderr)
	}
	if after := storetest.Count(t, db, rows); after != before || before/1000000 != 15 {
		t.Errorf("articles*1e6+statements*1e3+figures: %d, then %d after a second run; want 15 articles, unchanged", before, after)
	}
}
