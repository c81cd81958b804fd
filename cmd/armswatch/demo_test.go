package main

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

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
