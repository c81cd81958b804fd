package main

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
)

// The commands on PostgreSQL, against the real server of ARMSWATCH_TEST_POSTGRES (skipped
// without one): crawl, status, query, search, reextract; migrate from SQLite; the commands
// not there yet say so.

// sortedLines is out's lines in order, for outputs whose row order depends on the crawl's.
func sortedLines(out string) []string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	slices.Sort(lines)
	return lines
}

func TestCrawlIntoPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	site := newDemoSite(t)
	dir := t.TempDir()
	cfg := writeConfig(t, dir, site.URL)
	want := articleCount(t)
	t.Setenv(databaseEnv, pg) // the config names a SQLite file: the variable wins

	code, out, errs := runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 || !strings.Contains(out, fmt.Sprintf("%d new", want)) {
		t.Fatalf("crawl into PostgreSQL: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "crawl", "--config", cfg)
	if code != 0 || !strings.Contains(out, "0 new") || !strings.Contains(out, "2 not modified") {
		t.Fatalf("second crawl: exit %d: %s", code, out)
	}
	code, out, errs = runCLI(t, "", "status", "--config", cfg)
	if code != 0 || !strings.Contains(out, "0% of 2 runs") {
		t.Fatalf("status: exit %d\n%s%s", code, out, errs)
	}
	code, out, _ = runCLI(t, "", "query", "SELECT count(*) FROM articles WHERE source = 'tass'")
	if code != 0 || strings.TrimSpace(out) != fmt.Sprintf("count\n%d", want) {
		t.Fatalf("query: exit %d: %q", code, out)
	}
	code, out, errs = runCLI(t, "", "search", "--treaty", "new_start", "Peskov")
	if code != 0 || !strings.Contains(out, "1. ") || !strings.Contains(out, "**Peskov**") {
		t.Fatalf("search: exit %d\n%s%s", code, out, errs)
	}
	code, _, errs = runCLI(t, "", "reextract", "--all")
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("%d articles re-analyzed", want)) {
		t.Fatalf("reextract: exit %d: %s", code, errs)
	}

	// The same site crawled into SQLite stores the same rows.
	t.Setenv(databaseEnv, "")
	if code, out, errs := runCLI(t, "", "crawl", "--config", cfg); code != 0 {
		t.Fatalf("crawl into SQLite: exit %d\n%s%s", code, out, errs)
	}
	lite := filepath.Join(dir, "armswatch.db")
	for _, q := range []string{
		"SELECT url, title, published, published_utc, dateline_text, body, relevance, language, content_hash FROM articles",
		"SELECT a.url, s.seq, s.kind, s.text, s.speaker, s.speaker_role, s.treaty, s.byte_start, s.byte_end, s.spans FROM statements s JOIN articles a ON a.id = s.article_id",
		"SELECT a.url, f.seq, f.text, f.value, f.value_max, f.category, f.treaty, f.sentence FROM figures f JOIN articles a ON a.id = f.article_id",
		"SELECT a.url, m.seq, m.type, m.entity_id, m.name FROM mentions m JOIN articles a ON a.id = m.article_id",
		"SELECT a.url, d.seq, d.text, d.kind, d.value, d.value_end FROM dates d JOIN articles a ON a.id = d.article_id",
	} {
		_, fromPG, _ := runCLI(t, "", "query", "--db", pg, q)
		_, fromLite, _ := runCLI(t, "", "query", "--db", lite, q)
		if !slices.Equal(sortedLines(fromPG), sortedLines(fromLite)) || strings.Count(fromLite, "\n") < 2 {
			t.Errorf("%s: PostgreSQL and SQLite differ\nPostgreSQL:\n%.2000s\nSQLite:\n%.2000s", q, fromPG, fromLite)
		}
	}
}

func TestMigrateIntoPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	lite := demoDB(t)
	code, out, errs := runCLI(t, "", "migrate", "--db", lite, "--to", pg, "--batch", "7")
	if code != 0 || !strings.Contains(out, "articles                      15 rows (15 copied by this run)") ||
		!strings.Contains(out, "migrated ") {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errs)
	}
	code, out, errs = runCLI(t, "", "migrate", "--db", lite, "--to", pg)
	if code != 0 || !strings.Contains(out, "articles                      15 rows (0 copied by this run)") {
		t.Fatalf("migrate again: exit %d\n%s%s", code, out, errs)
	}
	// What the reading commands print is the same on both.
	for _, args := range [][]string{
		{"export", "statements"}, {"export", "figures"}, {"export", "articles"},
		{"digest", "--since", "100000h"}, {"digest", "--since", "100000h", "--format", "csv"},
		{"stories", "--since", "100000h", "--all", "--format", "csv"},
		// roles and sources, comma-joined, are left out: SQLite joins them in no stated order.
		{"query", "SELECT speaker, speaker_kind, statements, reports, articles, stories, first_date, last_date FROM speakers ORDER BY speaker"},
		{"query", "SELECT * FROM treaty_timeline ORDER BY treaty, date"},
		{"query", "SELECT group_id, speaker, statement, reports, articles, source_count, first_source, first_url, first_date FROM statement_groups_v ORDER BY group_id"},
		{"query", "SELECT * FROM treaty_figures ORDER BY figure_id"},
		{"query", "--format", "json", "SELECT * FROM statements_v ORDER BY statement_id"},
	} {
		c1, fromLite, e1 := runCLI(t, "", append(args, "--db", lite)...)
		c2, fromPG, e2 := runCLI(t, "", append(args, "--db", pg)...)
		if c1 != 0 || c2 != 0 || fromLite != fromPG {
			t.Errorf("%v: SQLite (exit %d) and PostgreSQL (exit %d) differ\n%s\n%s\nSQLite:\n%.1500s\nPostgreSQL:\n%.1500s",
				args, c1, c2, e1, e2, fromLite, fromPG)
		}
	}
	code, _, errs = runCLI(t, "", "query", "--db", pg, "DELETE FROM articles")
	if code != 1 || !strings.Contains(errs, "refused") {
		t.Errorf("a write through query: exit %d: %s", code, errs)
	}
	servesTheSame(t, lite, pg)
	if code, _, errs := runCLI(t, "", "migrate", "--db", lite, "--to", lite); code != 2 {
		t.Errorf("migrate --to a file: exit %d: %s", code, errs)
	}
}

// servesTheSame runs `armswatch serve` on both databases (holding the same rows) and reads
// the pages a reader goes through, in HTML, JSON and CSV: they must be the same, byte for byte.
// Search pages are only checked to answer: the two backends rank alike but not identically.
func servesTheSame(t *testing.T, lite, pg string) {
	t.Helper()
	liteBase, stopLite := startServe(t, lite)
	defer stopLite()
	pgBase, stopPG := startServe(t, pg)
	defer stopPG()
	paths := []string{"", "today", "treaties", "treaties.json", "speakers", "speakers.csv",
		"treaty/new_start", "treaty/new_start.json", "treaty/new_start.csv", "treaty/new_start?by=week",
		"treaty/new_start?page=2", "article/1", "article/1.json", "treaty/no_such_treaty", "article/999999"}
	_, speakers, _ := getPage(t, liteBase+"speakers")
	for _, m := range regexp.MustCompile(`href="/(speaker/[^"?]+)"`).FindAllStringSubmatch(speakers, 3) {
		paths = append(paths, m[1], m[1]+".json")
	}
	if len(paths) < 17 {
		t.Errorf("the speakers page links no speaker:\n%.1500s", speakers)
	}
	for _, p := range paths {
		ls, lb, _ := getPage(t, liteBase+p)
		ps, pb, _ := getPage(t, pgBase+p)
		if ls != ps || lb != pb {
			t.Errorf("/%s: SQLite %d, PostgreSQL %d\nSQLite:\n%.1500s\nPostgreSQL:\n%.1500s", p, ls, ps, lb, pb)
		}
	}
	for _, p := range []string{"search?q=New+START", "search.json?q=Ryabkov&treaty=new_start"} {
		status, body, _ := getPage(t, pgBase+p)
		if status != 200 || !strings.Contains(body, "New START") && !strings.Contains(body, "Ryabkov") {
			t.Errorf("/%s on PostgreSQL: %d\n%.1500s", p, status, body)
		}
	}
}

// TestWatchesOnPostgres is the watches' life (crawl, failed delivery, retry, list, test, dry
// run) on PostgreSQL: the same test body as on SQLite.
func TestWatchesOnPostgres(t *testing.T) { testWatchesAfterCrawl(t, pgtest.URL(t)) }

// TestWritingCommandGroupsStoriesOnPostgres: articles stored on PostgreSQL without stories (by a
// version that did not make them there) are grouped by the next writing command, once, as
// SQLite groups them: the same stories, listed alike.
func TestWritingCommandGroupsStoriesOnPostgres(t *testing.T) {
	pg := pgtest.URL(t)
	lite := demoDB(t)
	if code, out, errs := runCLI(t, "", "migrate", "--db", lite, "--to", pg); code != 0 {
		t.Fatalf("migrate: exit %d\n%s%s", code, out, errs)
	}
	ctx := context.Background()
	db, err := pgstore.Open(ctx, pg)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"UPDATE articles SET story_id = NULL", "UPDATE statements SET group_id = NULL",
		"UPDATE figures SET group_id = NULL", "DELETE FROM stories", "DELETE FROM story_bands", "DELETE FROM article_fingerprints",
		"DELETE FROM statement_keys", "DELETE FROM statement_groups", "DELETE FROM figure_groups"} {
		rows, err := db.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		rows.Close()
	}
	db.Close()
	code, _, errs := runCLI(t, "", "reextract", "--db", pg)
	if code != 0 || !strings.Contains(errs, "armswatch: grouping 15 stored articles into stories (once, as stories are now made on PostgreSQL") {
		t.Fatalf("reextract: exit %d\n%s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "reextract", "--db", pg); code != 0 || strings.Contains(errs, "grouping") {
		t.Errorf("the second writing command grouped again: exit %d\n%s", code, errs)
	}
	// The same stories as SQLite made, but for their ids.
	withoutIDs := func(out string) []string {
		var lines []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			_, rest, _ := strings.Cut(l, ",")
			lines = append(lines, rest)
		}
		return lines
	}
	args := []string{"stories", "--since", "100000h", "--all", "--format", "csv", "--db"}
	_, fromLite, _ := runCLI(t, "", append(args, lite)...)
	_, fromPG, _ := runCLI(t, "", append(args, pg)...)
	if !slices.Equal(withoutIDs(fromLite), withoutIDs(fromPG)) || strings.Count(fromLite, "\n") < 10 {
		t.Errorf("stories differ\nSQLite:\n%s\nPostgreSQL:\n%s", fromLite, fromPG)
	}
}
