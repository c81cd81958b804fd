package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

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
	storetest.SaveSearchBoundArticles(t, db)
	all, err := db.SearchResults(ctx, store.SearchQuery{Text: "treaty"})
	if err != nil {
		t.Fatal(err)
	}
	if all.Capped || len(all.Hits) != 6 || storetest.HitIDs(all.Hits[:1]) != "s:1" {
		t.Fatalf("uncapped: capped %v, hits %s; want 6 statements, 1 first", all.Capped, storetest.HitIDs(all.Hits))
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
		if got := storetest.HitIDs(r.Hits); got != c.want || r.Capped != c.capped {
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
		a := storetest.SearchArticle(url, "tass", "2019-08-02T10:00:00+03:00", "Title", body, treaty,
			[2]string{strings.Split(body, `"`)[1], "Sergei Ryabkov"})
		if _, err := db.SaveArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	save("https://tass.com/1", `"Missiles matter," Ryabkov said about New START.`, "new_start")
	if hits, err := db.Search(ctx, q); err != nil || len(hits) != 0 {
		t.Fatalf("before: hits %s, err %v; want none", storetest.HitIDs(hits), err)
	}
	save("https://tass.com/2", `"Missiles are back," Ryabkov said about the INF Treaty.`, "inf")
	if hits, err := db.Search(ctx, q); err != nil || storetest.HitIDs(hits) != "s:2" {
		t.Errorf("after the INF article: hits %s, err %v; want s:2", storetest.HitIDs(hits), err)
	}
}
