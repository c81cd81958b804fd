package pgstore_test

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/storetest"
)

// copyOf re-publishes a under another outlet's URL and source, shifted in time, with another
// headline, the lead paragraph dropped and a tail paragraph of its own (store's test copyOf).
func copyOf(a *store.Article, url, source string, shift time.Duration) *store.Article {
	an := *a.Analysis
	an.URL, an.CanonicalURL, an.Source, an.Title = url, url, source, "UPDATE: "+a.Analysis.Title
	paras := strings.Split(an.Body, "\n\n")
	if len(paras) > 3 {
		paras = paras[1:]
	}
	an.Body = strings.Join(append(paras, "Follow our channel for more news."), "\n\n")
	if an.Published != nil {
		an.Published = &extract.Time{Time: an.Published.Time.Add(shift)}
	}
	an.Statements = append([]extract.Statement(nil), a.Analysis.Statements...)
	return &store.Article{URL: url, Source: source, FetchedAt: a.FetchedAt.Add(shift), Analysis: &an}
}

// storySaves is a crawl's worth of saves that exercise grouping: syndicated copies (one saved
// before its original, some published earlier, several from one source, more than the band
// index's candidate cap), an article edited slightly, a copy whose text changes to another
// article's, and unrelated articles.
func storySaves() []*store.Article {
	g := storetest.NewSynthetic(8, 7)
	g.Figures = true
	var as []*store.Article
	for i := range 12 {
		as = append(as, g.Article(i))
	}
	// Unattributed words: grouped within their story.
	an6 := *as[6].Analysis
	an6.Statements = append([]extract.Statement(nil), an6.Statements...)
	an6.Statements[1].Speaker, an6.Statements[2].Speaker = "", ""
	as[6].Analysis = &an6
	saves := []*store.Article{copyOf(as[1], "https://wire.example/1", "wire", time.Hour)}
	saves = append(saves, as...)
	for i, shift := range []time.Duration{3, -2, 5, -7, 1, -7} {
		saves = append(saves, copyOf(as[2], fmt.Sprintf("https://copy.example/%d", i), []string{"wire", "echo", "wire"}[i%3], shift*time.Hour))
	}
	for i := range 20 {
		saves = append(saves, copyOf(as[3], fmt.Sprintf("https://wire%d.example/3", i), fmt.Sprintf("wire%d", i), time.Duration(i)*time.Minute))
	}
	edited := *as[4]
	an := *edited.Analysis
	an.Body += "\n\nThis article was updated with a correction."
	edited.Analysis = &an
	saves = append(saves, &edited, copyOf(as[5], "https://copy.example/1", "echo", time.Hour),
		copyOf(as[6], "https://wire.example/6", "wire", 2*time.Hour))
	return saves
}

// storyID is a story's id in a group's match key (ids differ between backends).
var storyID = regexp.MustCompile(`story:\d+`)

// grouping describes a database's stories and groups by content, not ids (SQLite reuses the
// ids of deleted rows, PostgreSQL's identities do not): each story with its articles' URLs,
// each statement and figure group with its members (URL#seq) and fields.
func grouping(t *testing.T, db store.Store) []string {
	t.Helper()
	ctx := context.Background()
	var out []string
	for _, q := range []string{
		`SELECT 'story ' || s.language || ' | ' || coalesce(s.first_source, '') || ' | ' || coalesce(s.first_at, '') || ' | ' ||
			s.title || ' | ' || s.articles || ' articles, ' || s.sources || ' sources | first ' ||
			(SELECT url FROM articles WHERE id = s.first_article_id) || ' | ' ||
			(SELECT group_concat(url, ' ') FROM (SELECT url FROM articles WHERE story_id = s.id ORDER BY url) x) FROM stories s`,
		`SELECT 'statement group ' || g.match_key || ' | ' || g.speaker || ' | ' || g.text || ' | ' || g.first_at || ' | ' || g.last_at || ' | ' ||
			(SELECT group_concat(m, ' ') FROM (SELECT a.url || '#' || s.seq AS m FROM statements s JOIN articles a ON a.id = s.article_id
			WHERE s.group_id = g.id ORDER BY m) x) FROM statement_groups g`,
		`SELECT 'figure group ' || g.match_key || ' | ' || g.speaker || ' | ' || g.date || ' | ' || g.text || ' | ' ||
			(SELECT group_concat(m, ' ') FROM (SELECT a.url || '#' || f.seq AS m FROM figures f JOIN articles a ON a.id = f.article_id
			WHERE f.group_id = g.id ORDER BY m) x) FROM figure_groups g`,
		`SELECT 'ungrouped ' || count(*) FROM statements WHERE group_id IS NULL`,
		`SELECT 'ungrouped figures ' || count(*) FROM figures WHERE group_id IS NULL`,
		`SELECT 'no story ' || count(*) FROM articles WHERE story_id IS NULL`,
	} {
		if _, ok := db.(*pgstore.DB); ok {
			q = strings.NewReplacer("group_concat(url, ' ')", `string_agg(url, ' ' ORDER BY url COLLATE "C")`,
				"group_concat(m, ' ')", `string_agg(m, ' ' ORDER BY m COLLATE "C")`).Replace(q)
		}
		rows, err := db.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, storyID.ReplaceAllString(s, "story:#"))
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	slices.Sort(out)
	return out
}

// TestStoriesAsSQLite: the same saves, in the same order, make the same stories and groups on
// PostgreSQL as on SQLite.
func TestStoriesAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg, _ := openTemp(t)
	lite, err := store.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	for _, a := range storySaves() {
		for _, db := range []store.Store{lite, pg} {
			if _, err := db.SaveArticle(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	fromLite, fromPG := grouping(t, lite), grouping(t, pg)
	if strings.Join(fromLite, "\n") != strings.Join(fromPG, "\n") {
		t.Errorf("stories and groups differ\nSQLite:\n%s\nPostgreSQL:\n%s", strings.Join(fromLite, "\n"), strings.Join(fromPG, "\n"))
	}
	stories := 0
	for _, s := range fromPG {
		if strings.HasPrefix(s, "story ") && !strings.Contains(s, "| 1 articles,") {
			stories++
		}
	}
	if stories != 5 || !slices.Contains(fromPG, "no story 0") || !slices.Contains(fromPG, "ungrouped 0") {
		t.Errorf("%d stories of several articles, want 5 (the wire copies', the copies', the twenty's, the one a copy left for):\n%s",
			stories, strings.Join(fromPG, "\n"))
	}
	unattributed := slices.ContainsFunc(fromPG, func(s string) bool {
		return strings.HasPrefix(s, "statement group story:# |  | ") && strings.Contains(s, "https://wire.example/6#") &&
			strings.Contains(s, "https://example.org/news/6#")
	})
	if !unattributed {
		t.Errorf("no group of unattributed words with both reports of news/6:\n%s", strings.Join(fromPG, "\n"))
	}
	// The stories command lists the same rows but for the ids.
	if a, b := storyRows(t, lite), storyRows(t, pg); a != b {
		t.Errorf("stories rows differ\nSQLite:\n%s\nPostgreSQL:\n%s", a, b)
	}
}

// storyRows are the rows of `armswatch stories --all`, without the story ids.
func storyRows(t *testing.T, db store.Store) string {
	t.Helper()
	rows, err := db.Stories(context.Background(), time.Time{}, true)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out []string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		var cells []string
		for i, v := range vals[1:] {
			cells = append(cells, cols[i+1]+"="+store.CellText(v))
		}
		out = append(out, strings.Join(cells, " "))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

// TestGroupStoredGroupsAsSaving: articles stored without stories (by a version that did not
// make them on PostgreSQL) are grouped by GroupStored as saving them would have, once, and two
// processes at once group each article once.
func TestGroupStoredGroupsAsSaving(t *testing.T) {
	ctx := context.Background()
	db, u := openTemp(t)
	for _, a := range storySaves() {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	want := grouping(t, db)
	for _, q := range []string{"UPDATE articles SET story_id = NULL", "UPDATE statements SET group_id = NULL",
		"UPDATE figures SET group_id = NULL", "DELETE FROM stories", "DELETE FROM story_bands", "DELETE FROM article_fingerprints",
		"DELETE FROM statement_keys", "DELETE FROM statement_groups", "DELETE FROM figure_groups"} {
		rows, err := db.Query(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		rows.Close()
	}
	var wg sync.WaitGroup
	done := make([]int, 2)
	for i := range done {
		wg.Add(1)
		go func() {
			defer wg.Done()
			other, err := pgstore.Open(ctx, u)
			if err != nil {
				t.Error(err)
				return
			}
			defer other.Close()
			if done[i], err = other.GroupStored(ctx, nil); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := grouping(t, db); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("grouped afterwards:\n%s\nas saved:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n, err := db.GroupStored(ctx, nil); n != 0 || err != nil {
		t.Errorf("a second GroupStored grouped %d articles, %v", n, err)
	}
}

// TestCopiesSavedAtOnceShareAStory: copies of one article saved at the same moment by several
// processes (crawl workers) still join one story and their statements one group each, as
// saved one after another: grouping waits for the other saves' (groupLock).
func TestCopiesSavedAtOnceShareAStory(t *testing.T) {
	ctx := context.Background()
	db, u := openTemp(t)
	orig := storetest.NewSynthetic(8, 5).Article(1)
	const workers, each = 4, 3
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			other, err := pgstore.Open(ctx, u) // a worker: its own connections
			if err != nil {
				t.Error(err)
				return
			}
			defer other.Close()
			for i := range each {
				n := w*each + i
				if _, err := other.SaveArticle(ctx, copyOf(orig, fmt.Sprintf("https://wire%d.example/1", n), fmt.Sprintf("wire%d", n), time.Duration(n)*time.Minute)); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	stories := storetest.Count(t, db, "SELECT count(DISTINCT story_id) FROM articles")
	members := storetest.Count(t, db, "SELECT max(articles) FROM stories")
	groups := storetest.Count(t, db, "SELECT count(*) FROM statement_groups")
	if stories != 1 || members != workers*each || groups != len(orig.Analysis.Statements) {
		t.Errorf("%d copies saved at once: %d stories (the biggest of %d articles), %d statement groups; want 1, %d, %d",
			workers*each, stories, members, groups, workers*each, len(orig.Analysis.Statements))
	}
}
