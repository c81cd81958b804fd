package store_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// copyOf re-publishes a under another outlet's URL and source, an hour later, with another
// headline, the lead paragraph dropped and a tail paragraph of its own.
func copyOf(a *store.Article, url, source string) *store.Article {
	an := *a.Analysis
	an.URL, an.CanonicalURL, an.Source, an.Title = url, url, source, "UPDATE: "+a.Analysis.Title
	paras := strings.Split(an.Body, "\n\n")
	if len(paras) > 3 {
		paras = paras[1:]
	}
	an.Body = strings.Join(append(paras, "Follow our channel for more news."), "\n\n")
	if an.Published != nil {
		an.Published = &extract.Time{Time: an.Published.Time.Add(time.Hour)}
	}
	an.Statements = append([]extract.Statement(nil), a.Analysis.Statements...)
	return &store.Article{URL: url, Source: source, FetchedAt: a.FetchedAt.Add(time.Hour), Analysis: &an}
}

func TestSyndicatedCopyJoinsTheStoryAndItsStatementsTheirGroups(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(8, 7)
	orig, other := g.Article(1), g.Article(2)
	cp := copyOf(orig, "https://wire.example/a/1", "wire")
	for _, a := range []*store.Article{cp, orig, other} { // the copy first: first_* must still be the original
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var stories, members, firstSource string
	row := db.SQLForTest().QueryRow(`SELECT (SELECT count(*) FROM stories),
		(SELECT group_concat(source, ',') FROM (SELECT source FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE url = ?) ORDER BY source)),
		(SELECT first_source FROM stories WHERE id = (SELECT story_id FROM articles WHERE url = ?))`, orig.URL, orig.URL)
	if err := row.Scan(&stories, &members, &firstSource); err != nil {
		t.Fatal(err)
	}
	if stories != "2" || members != orig.Source+",wire" || firstSource != orig.Source {
		t.Errorf("stories %s, members of the original's story %q, first source %q", stories, members, firstSource)
	}
	var groups, reports, speakerStatements, speakerReports int
	err := db.SQLForTest().QueryRow(`SELECT count(DISTINCT group_id), count(*) FROM statements
		WHERE article_id IN (SELECT id FROM articles WHERE url IN (?, ?))`, orig.URL, cp.URL).Scan(&groups, &reports)
	if err != nil {
		t.Fatal(err)
	}
	if groups != len(orig.Analysis.Statements) || reports != 2*groups {
		t.Errorf("%d statements in %d groups; want %d groups", reports, groups, len(orig.Analysis.Statements))
	}
	sp := orig.Analysis.Statements[0].Speaker
	err = db.SQLForTest().QueryRow(`SELECT statements, reports FROM speakers WHERE speaker = ?`, sp).Scan(&speakerStatements, &speakerReports)
	if err != nil || speakerReports <= speakerStatements {
		t.Errorf("speakers: %s has %d statements, %d reports (%v): copies must count once", sp, speakerStatements, speakerReports, err)
	}
	// The copy's text changes to another article's: it leaves the story, which keeps the original.
	cp2 := copyOf(other, cp.URL, "wire")
	if _, err := db.SaveArticle(ctx, cp2); err != nil {
		t.Fatal(err)
	}
	var n int
	db.SQLForTest().QueryRow(`SELECT articles FROM stories WHERE id = (SELECT story_id FROM articles WHERE url = ?)`, orig.URL).Scan(&n)
	if n != 1 {
		t.Errorf("after the copy changed, the original's story has %d articles, want 1", n)
	}
	var empty int
	db.SQLForTest().QueryRow(`SELECT count(*) FROM statement_groups g WHERE NOT EXISTS (SELECT 1 FROM statements s WHERE s.group_id = g.id)`).Scan(&empty)
	if empty != 0 {
		t.Errorf("%d statement groups left without statements", empty)
	}
}

func TestDifferentArticlesOfOneDayAreDifferentStories(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(8, 3)
	for i := 0; i < 30; i++ {
		if _, err := db.SaveArticle(ctx, g.Article(i)); err != nil {
			t.Fatal(err)
		}
	}
	var stories int
	db.SQLForTest().QueryRow("SELECT count(*) FROM stories").Scan(&stories)
	if stories != 30 {
		t.Errorf("30 different articles made %d stories", stories)
	}
}

// BenchmarkNewArticle100k measures saving one new article (10 statements) into a store of
// 100,000 articles (generated bodies of 10 paragraphs, one every seven minutes, fingerprinted
// and in the band index), half the new articles being copies of stored ones so that the
// candidate check runs. cpu-ms/op is the whole save; story-ms/op the grouping alone (story,
// statements, figures). The store is generated on the first run (a minute or two); set
// ARMSWATCH_STORIES_BENCH_DB=/path to keep it for later runs.
//
//	go test -tags sqlite_fts5 -run '^$' -bench NewArticle100k -benchtime 400x -cpu 1 ./store
func BenchmarkNewArticle100k(b *testing.B) {
	ctx := context.Background()
	const n = 100_000
	start := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC) // storetest.Synthetic's first article
	path := os.Getenv("ARMSWATCH_STORIES_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "stories-bench.db")
	}
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	var have int
	db.SQLForTest().QueryRow("SELECT count(*) FROM articles").Scan(&have)
	g := storetest.NewSynthetic(10, 1)
	if have == 0 {
		if err := db.FillStoriesForBench(ctx, n, start, func(i int) string { return g.Article(i).Analysis.Body }); err != nil {
			b.Fatal(err)
		}
	} else if have != n {
		b.Fatalf("%s holds %d articles, not %d: remove it", path, have, n)
	}
	g = storetest.NewSynthetic(10, 1) // the same sequence again: copies of stored bodies
	var stored []*store.Article
	for i := 0; i < n/2+200; i++ {
		a := g.Article(i)
		if i >= n/2 {
			stored = append(stored, a)
		}
	}
	fresh := storetest.NewSynthetic(10, 99)
	tx, err := db.SQLForTest().Begin()
	if err != nil {
		b.Fatal(err)
	}
	defer tx.Rollback() // the benchmark's articles are not kept
	cpu := storetest.CPUTime()
	var group time.Duration
	i := 0
	for b.Loop() {
		a := fresh.Article(n/2 + i) // published among the stored ones: the window is full
		a.URL = fmt.Sprintf("https://fresh.example/%d", i)
		a.Analysis.URL, a.Analysis.CanonicalURL = a.URL, a.URL
		if i%2 == 1 {
			a = copyOf(stored[i%len(stored)], fmt.Sprintf("https://wire.example/b/%d", i), "wire")
		}
		d, err := store.SaveInTxForBench(ctx, tx, a)
		if err != nil {
			b.Fatal(err)
		}
		group += d
		i++
	}
	b.ReportMetric(float64((storetest.CPUTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	b.ReportMetric(float64(group.Microseconds())/1000/float64(b.N), "story-ms/op")
	var joined int
	tx.QueryRow("SELECT count(*) FROM articles WHERE url LIKE 'https://wire.example/%' AND story_id IN (SELECT story_id FROM articles WHERE url LIKE 'https://bench.example/%')").Scan(&joined)
	b.ReportMetric(float64(joined)/float64(max(1, b.N/2)), "copies-found")
}

func TestAnArticleEditedSlightlyKeepsItsStory(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(8, 5)
	a := g.Article(1)
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	story := func() (id int64) {
		db.SQLForTest().QueryRow("SELECT story_id FROM articles WHERE url = ?", a.URL).Scan(&id)
		return id
	}
	before := story()
	an := *a.Analysis
	an.Body += "\n\nThis article was updated with a correction."
	a.Analysis = &an
	if res, err := db.SaveArticle(ctx, a); err != nil || !res.Changed {
		t.Fatalf("second save: %+v, %v", res, err)
	}
	if after := story(); after != before || before == 0 {
		t.Errorf("story %d before the edit, %d after", before, after)
	}
}

func TestDigestListsASyndicatedStatementOnceWithItsOtherSources(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(6, 11)
	orig := g.Article(1)
	cp := copyOf(orig, "https://wire.example/a/1", "wire")
	for _, a := range []*store.Article{orig, cp, g.Article(2)} {
		a.FetchedAt = time.Now()
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	p := store.Period{Since: time.Now().Add(-time.Hour), Until: time.Now().Add(time.Hour)}
	seen := map[string]int{}
	also := map[string]string{}
	err := db.Digest(ctx, p, func(it *store.DigestItem) error {
		if it.Type == "statement" {
			seen[it.Text]++
			also[it.Text] = it.AlsoReportedBy
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	st := orig.Analysis.Statements[1] // the copy dropped the lead paragraph, not this one
	if seen[st.Text] != 1 || also[st.Text] != "wire" {
		t.Errorf("digest lists %q %d times, also reported by %q; want once, by wire", st.Text, seen[st.Text], also[st.Text])
	}
	sum, err := db.DigestCounts(ctx, p)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 3 || sum.Stories != 2 || sum.Statements != 12 {
		t.Errorf("digest counts %+v; want 3 articles, 2 stories, 12 statements (6 of them carried twice)", sum)
	}
}

// Articles stored before migration 006 have no story: the first writing open groups them, in
// publication order, so a copy stored earlier than its original still joins it.
func TestOpenGroupsArticlesStoredBeforeStories(t *testing.T) {
	ctx := context.Background()
	db, path := openTemp(t)
	g := storetest.NewSynthetic(8, 7)
	orig, other := g.Article(1), g.Article(2)
	cp := copyOf(orig, "https://wire.example/a/1", "wire")
	for _, a := range []*store.Article{cp, orig, other} {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	ungroup(t, db)
	db.Close()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	checkGrouped(t, db, orig.URL)
}

// ungroup makes db what a database at version 5 holds: articles without stories, statements
// without groups.
func ungroup(t *testing.T, db *store.DB) {
	t.Helper()
	for _, q := range []string{"UPDATE articles SET story_id = NULL", "UPDATE statements SET group_id = NULL",
		"UPDATE figures SET group_id = NULL", "DELETE FROM story_bands", "DELETE FROM article_fingerprints",
		"DELETE FROM statement_keys", "DELETE FROM statement_groups", "DELETE FROM figure_groups", "DELETE FROM stories"} {
		if _, err := db.SQLForTest().Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

// checkGrouped checks the stories of TestOpenGroupsArticlesStoredBeforeStories's articles.
func checkGrouped(t *testing.T, db *store.DB, origURL string) {
	t.Helper()
	var stories, ungrouped, members int
	err := db.SQLForTest().QueryRow(`SELECT (SELECT count(*) FROM stories),
		(SELECT count(*) FROM statements WHERE group_id IS NULL),
		(SELECT count(*) FROM articles WHERE story_id = (SELECT story_id FROM articles WHERE url = ?))`, origURL).
		Scan(&stories, &ungrouped, &members)
	if err != nil {
		t.Fatal(err)
	}
	if stories != 2 || ungrouped != 0 || members != 2 {
		t.Errorf("after reopening: %d stories (want 2), %d statements without a group, original's story has %d articles (want 2)",
			stories, ungrouped, members)
	}
}

// TestInterruptedStoryBackfillGoesOnAtTheNextOpen: the grouping of articles stored before
// stories tells its progress, stops when its command is interrupted, and the next open groups
// the rest (and only the rest).
func TestInterruptedStoryBackfillGoesOnAtTheNextOpen(t *testing.T) {
	defer store.SetBackfillBatchForTest(1)()
	ctx := context.Background()
	db, path := openTemp(t)
	g := storetest.NewSynthetic(8, 7)
	orig, other := g.Article(1), g.Article(2)
	for _, a := range []*store.Article{copyOf(orig, "https://wire.example/a/1", "wire"), orig, other} {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	ungroup(t, db)
	db.Close()
	stop, cancel := context.WithCancel(ctx)
	var seen []string
	_, err := store.OpenContext(stop, path, func(done, total int) {
		seen = append(seen, fmt.Sprintf("%d/%d", done, total))
		if done == 1 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "after 1 of 3") {
		t.Fatalf("interrupted open: %v, want context.Canceled after 1 of 3", err)
	}
	db, err = store.OpenContext(ctx, path, func(done, total int) { seen = append(seen, fmt.Sprintf("%d/%d", done, total)) })
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := strings.Join(seen, " "); got != "0/3 1/3 0/2 1/2 2/2" {
		t.Errorf("progress %s, want 0/3 1/3 (interrupted), then 0/2 1/2 2/2", got)
	}
	checkGrouped(t, db, orig.URL)
	if _, err := store.OpenContext(ctx, path, func(done, total int) { t.Errorf("progress %d/%d with nothing to do", done, total) }); err != nil {
		t.Fatal(err)
	}
}

// TestCopiesBeyondTheCandidateCapJoinTheStory: a story with more copies than bestCopy compares
// per band key (the newest) still takes every further copy, and an unrelated article saved
// among them stays apart.
func TestCopiesBeyondTheCandidateCapJoinTheStory(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(8, 11)
	orig, other := g.Article(1), g.Article(2)
	if _, err := db.SaveArticle(ctx, orig); err != nil {
		t.Fatal(err)
	}
	const copies = 40 // above the cap of 16 per band key
	for i := range copies {
		if i == copies/2 {
			if _, err := db.SaveArticle(ctx, other); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := db.SaveArticle(ctx, copyOf(orig, fmt.Sprintf("https://wire%d.example/a/1", i), fmt.Sprintf("wire%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	var stories, members, sources int
	err := db.SQLForTest().QueryRow(`SELECT (SELECT count(*) FROM stories), articles, sources FROM stories
		WHERE id = (SELECT story_id FROM articles WHERE url = ?)`, orig.URL).Scan(&stories, &members, &sources)
	if err != nil {
		t.Fatal(err)
	}
	if stories != 2 || members != copies+1 || sources != copies+1 {
		t.Errorf("%d stories, the original's with %d articles from %d sources; want 2, %d, %d", stories, members, sources, copies+1, copies+1)
	}
}

// TestStoryCountsFollowEachSave: a story's counts and first article are kept up to date from
// each article that joins (not recounted from all of them), so they must still equal what its
// articles say, whatever the order of arrival (copies published before the first one stored,
// several from one source) and after a copy leaves for another story.
func TestStoryCountsFollowEachSave(t *testing.T) {
	ctx := context.Background()
	db, _ := openTemp(t)
	g := storetest.NewSynthetic(8, 11)
	orig, other := g.Article(1), g.Article(2)
	save := func(a *store.Article) {
		t.Helper()
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	save(orig)
	save(other)
	for i, shift := range []time.Duration{3, -2, 5, -7, 1, -7} {
		cp := copyOf(orig, fmt.Sprintf("https://copy.example/%d", i), []string{"wire", "echo", "wire"}[i%3])
		if cp.Analysis.Published != nil {
			cp.Analysis.Published = &extract.Time{Time: orig.Analysis.Published.Time.Add(shift * time.Hour)}
		}
		save(cp)
	}
	save(copyOf(other, "https://copy.example/1", "echo")) // a copy changes: it leaves the story
	rows, err := db.SQLForTest().Query(`SELECT s.id, s.articles, s.sources, s.first_article_id, s.first_source, s.first_at, s.title,
		(SELECT count(*) FROM articles a WHERE a.story_id = s.id), (SELECT count(DISTINCT source) FROM articles a WHERE a.story_id = s.id),
		(SELECT a.id FROM articles a WHERE a.story_id = s.id ORDER BY coalesce(a.published_utc, a.first_seen_at), a.id LIMIT 1),
		(SELECT a.source || '|' || coalesce(a.published_utc, a.first_seen_at) || '|' || a.title FROM articles a
			WHERE a.story_id = s.id ORDER BY coalesce(a.published_utc, a.first_seen_at), a.id LIMIT 1)
		FROM stories s`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	biggest := 0
	for rows.Next() {
		var id, n, sources, first, wantN, wantSources, wantFirst int
		var src, at, title, want string
		if err := rows.Scan(&id, &n, &sources, &first, &src, &at, &title, &wantN, &wantSources, &wantFirst, &want); err != nil {
			t.Fatal(err)
		}
		biggest = max(biggest, n)
		if n != wantN || sources != wantSources || first != wantFirst || src+"|"+at+"|"+title != want {
			t.Errorf("story %d: %d articles, %d sources, first %d %s|%s|%s; its articles say %d, %d, %d %s",
				id, n, sources, first, src, at, title, wantN, wantSources, wantFirst, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if biggest != 6 {
		t.Errorf("the biggest story has %d articles, want 6 (the original and 5 copies)", biggest)
	}
}
