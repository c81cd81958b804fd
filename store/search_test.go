package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// article builds an analysis whose statements are located in body by their text.
func article(url, source, published, title, body string, treaty string, stmts ...[2]string) *store.Article {
	pub, err := extract.ParseTime(published)
	if err != nil {
		panic(err) // the tests' own literals
	}
	an := &extract.Analysis{AnalyzerVersion: extract.Version, URL: url, Source: source, Title: title,
		Body: body, Published: &pub, Authors: []string{}, Warnings: []string{}}
	for _, s := range stmts {
		i := strings.Index(body, s[0])
		an.Statements = append(an.Statements, extract.Statement{Statement: statements.Statement{Kind: "direct", Text: s[0], Speaker: s[1],
			Cue: "said", Start: i, End: i + len(s[0]), Spans: [][2]int{{i, i + len(s[0])}}}})
	}
	if treaty != "" {
		name := map[string]string{"new_start": "New START", "inf": "INF Treaty"}[treaty]
		if i := strings.Index(body, name); i >= 0 {
			an.Mentions = append(an.Mentions, extract.Mention{Type: "treaty", ID: treaty, Name: name, Text: name, Start: i, End: i + len(name)})
		}
	}
	an.Derive()
	return &store.Article{URL: url, Source: source, FetchedAt: time.Now(), Analysis: an}
}

func searchDB(t *testing.T) *store.DB {
	t.Helper()
	db, _ := openTemp(t)
	if !builtWithFTS5 {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	ctx := context.Background()
	arts := []*store.Article{
		article("https://tass.com/1", "tass", "2020-10-21T13:05:00+03:00", "Kremlin hopes to continue dialogue on New START",
			`"Here we hope to continue dialogue on warheads," Peskov said about New START.`, "new_start",
			[2]string{"Here we hope to continue dialogue on warheads", "Dmitry Peskov"}),
		article("https://tass.com/2", "tass", "2019-08-02T10:00:00+03:00", "INF Treaty terminated",
			`"Warheads warheads: the INF Treaty is dead, and warheads will follow," Ryabkov said.`, "inf",
			[2]string{"Warheads warheads: the INF Treaty is dead, and warheads will follow", "Sergei Ryabkov"}),
		article("https://reuters.com/3", "reuters", "2021-01-27T09:00:00Z", "Duma ratifies extension",
			`The Duma voted for ratification. "The extension keeps limits on deployed warheads in a long and detailed text about many other unrelated matters," Lavrov said about New START.`, "new_start",
			[2]string{"The extension keeps limits on deployed warheads in a long and detailed text about many other unrelated matters", "Sergey Lavrov"}),
	}
	for _, a := range arts {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func hitIDs(hits []store.Hit) string {
	var s []string
	for _, h := range hits {
		s = append(s, fmt.Sprintf("%s:%s", h.Kind[:1], h.URL[len(h.URL)-1:]))
	}
	return strings.Join(s, " ")
}

func TestSearchRanking(t *testing.T) {
	db := searchDB(t)
	ctx := context.Background()
	hits, err := db.Search(ctx, store.SearchQuery{Text: "warheads"})
	if err != nil {
		t.Fatal(err)
	}
	// The statement saying "warheads" three times ranks first; the long statement that says it
	// once ranks below the short one.
	if len(hits) != 3 || hitIDs(hits[:1]) != "s:2" {
		t.Fatalf("hits %s, want the three statements (not their articles again), INF first", hitIDs(hits))
	}
	var order []string
	for _, h := range hits {
		if h.Kind == "statement" {
			order = append(order, h.URL[len(h.URL)-1:])
		}
	}
	if strings.Join(order, "") != "213" {
		t.Errorf("statement order %v, want 2 1 3 (term frequency, then length)", order)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score < hits[i-1].Score {
			t.Errorf("hits not best first: %v", hits)
		}
	}
	if !strings.Contains(hits[0].Snippet, "«Warheads»") {
		t.Errorf("snippet %q lacks the highlighted term", hits[0].Snippet)
	}
	// Porter stemming: "warhead" finds "warheads".
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "warhead"}); len(hits) < 3 {
		t.Errorf("stemmed search found %d", len(hits))
	}
}

func TestSearchFilters(t *testing.T) {
	db := searchDB(t)
	ctx := context.Background()
	cases := []struct {
		q    store.SearchQuery
		want string
	}{
		{store.SearchQuery{Text: "warheads", Speaker: "peskov"}, "s:1"},
		{store.SearchQuery{Text: "warheads", Source: "reuters"}, "s:3"},
		{store.SearchQuery{Text: "ratification"}, "a:3"}, // outside any statement,
		{store.SearchQuery{Text: "warheads", Treaty: "inf"}, "s:2"},
		{store.SearchQuery{Text: "duma OR dialogue", Treaty: "new_start"}, "a:3 s:1"}, // "Duma" in a title weighs most,
		{store.SearchQuery{Text: "warheads", Treaty: "New START", Speaker: "Lavrov"}, "s:3"},
		{store.SearchQuery{Text: "warheads", Period: store.Period{Since: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC),
			Until: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)}, Speaker: "e"}, "s:1"},
		{store.SearchQuery{Text: "dialogue", Limit: 1}, "s:1"},
		{store.SearchQuery{Text: "INF-Treaty"}, "s:2"}, // not FTS5 syntax: searched as words
		{store.SearchQuery{Text: "nosuchword"}, ""},
	}
	for _, c := range cases {
		hits, err := db.Search(ctx, c.q)
		if err != nil {
			t.Errorf("%+v: %v", c.q, err)
			continue
		}
		if got := hitIDs(hits); got != c.want {
			t.Errorf("%+v: hits %q, want %q", c.q, got, c.want)
		}
	}
}

func TestSearchFollowsUpdates(t *testing.T) {
	db := searchDB(t)
	ctx := context.Background()
	a := article("https://tass.com/1", "tass", "2020-10-21T13:05:00+03:00", "Replaced",
		`"Completely different words," Peskov said.`, "", [2]string{"Completely different words", "Dmitry Peskov"})
	if _, err := db.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "dialogue"}); len(hits) != 0 {
		t.Errorf("old text still found: %s", hitIDs(hits))
	}
	if hits, _ := db.Search(ctx, store.SearchQuery{Text: "different"}); hitIDs(hits) != "s:1" {
		t.Errorf("new text: %s", hitIDs(hits))
	}
}

func TestSearchRealistic(t *testing.T) {
	db, _ := openTemp(t)
	if !builtWithFTS5 {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	ctx := context.Background()
	for _, a := range storetest.Realistic(t) {
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	hits, err := db.Search(ctx, store.SearchQuery{Text: "dialogue", Speaker: "Peskov"})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) == 0 || !strings.Contains(hits[0].Snippet, "«dialogue»") || hits[0].Speaker != "Dmitry Peskov" {
		t.Errorf("hits %+v", hits)
	}
}

func TestSearchWithoutFTS(t *testing.T) {
	if builtWithFTS5 {
		t.Skip("built with FTS5")
	}
	db, _ := openTemp(t)
	_, err := db.Search(context.Background(), store.SearchQuery{Text: "x"})
	if !errors.Is(err, store.ErrNoFTS) {
		t.Errorf("err %v, want ErrNoFTS", err)
	}
}

// TestSearchCandidates checks the bound on ranking: with more matches than a search ranks,
// the hits are the best of the newest matches (after the filters) and Capped says so; with
// fewer, every match is ranked.
func TestSearchCandidates(t *testing.T) {
	db, _ := openTemp(t)
	if !builtWithFTS5 {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	ctx := context.Background()
	texts := []string{
		"Treaty treaty treaty zebra", // the best match of all, but the oldest
		"The treaty holds for a zebra and many other long words",
		"The treaty holds for now and for many other long words",
		"The treaty holds for a while and many other long words",
		"Treaty treaty holds", // the best of the newest three
		"The treaty holds for a time and many other long words and more",
	}
	for i, text := range texts {
		source := "tass"
		if i == 5 {
			source = "reuters"
		}
		a := article(fmt.Sprintf("https://example.com/%d", i+1), source, fmt.Sprintf("2024-01-0%dT10:00:00Z", i+1),
			"Headline", `"`+text+`," Ryabkov said.`, "", [2]string{text, "Sergei Ryabkov"})
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	all, err := db.SearchResults(ctx, store.SearchQuery{Text: "treaty"})
	if err != nil {
		t.Fatal(err)
	}
	if all.Capped || len(all.Hits) != 6 || hitIDs(all.Hits[:1]) != "s:1" {
		t.Fatalf("uncapped: capped %v, hits %s; want 6 statements, 1 first", all.Capped, hitIDs(all.Hits))
	}
	store.SetSearchCandidatesForTest(t, 3)
	cases := []struct {
		q      store.SearchQuery
		want   string
		capped bool
	}{
		{store.SearchQuery{Text: "treaty"}, "s:5 s:4 s:6", true},
		{store.SearchQuery{Text: "treaty", Source: "tass"}, "s:5 s:4 s:3", true}, // the newest three of tass
		{store.SearchQuery{Text: "zebra"}, "s:1 s:2", false},
		{store.SearchQuery{Text: "zebra", Source: "tass"}, "s:1 s:2", false},
	}
	for _, c := range cases {
		r, err := db.SearchResults(ctx, c.q)
		if err != nil {
			t.Fatal(err)
		}
		if got := hitIDs(r.Hits); got != c.want || r.Capped != c.capped {
			t.Errorf("%+v: hits %q capped %v, want %q capped %v", c.q, got, r.Capped, c.want, c.capped)
		}
	}
}

// TestSearchTreatyNameFollowsMentions checks that a treaty named as the articles spell it is
// resolved again once new mentions are stored: the resolution is cached.
func TestSearchTreatyNameFollowsMentions(t *testing.T) {
	db, _ := openTemp(t)
	if !builtWithFTS5 {
		t.Skip("search needs FTS5: run go test -tags sqlite_fts5")
	}
	ctx := context.Background()
	q := store.SearchQuery{Text: "missiles", Treaty: "INF Treaty"}
	save := func(url, body, treaty string) {
		t.Helper()
		a := article(url, "tass", "2019-08-02T10:00:00+03:00", "Title", body, treaty,
			[2]string{strings.Split(body, `"`)[1], "Sergei Ryabkov"})
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	save("https://tass.com/1", `"Missiles matter," Ryabkov said about New START.`, "new_start")
	if hits, err := db.Search(ctx, q); err != nil || len(hits) != 0 {
		t.Fatalf("before: hits %s, err %v; want none", hitIDs(hits), err)
	}
	save("https://tass.com/2", `"Missiles are back," Ryabkov said about the INF Treaty.`, "inf")
	if hits, err := db.Search(ctx, q); err != nil || hitIDs(hits) != "s:2" {
		t.Errorf("after the INF article: hits %s, err %v; want s:2", hitIDs(hits), err)
	}
}
