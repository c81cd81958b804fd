package pgstore_test

import (
	"context"
	"testing"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/storetest"
)

// TestSearchCandidates is store's TestSearchCandidates on PostgreSQL: with more matches than a
// search ranks, the hits are the best of the newest matches (after the filters) and Capped
// says so; with fewer, every match is ranked. The first window of row ids is two, so that the
// searches widen it before they find their candidates.
func TestSearchCandidates(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	storetest.SaveSearchBoundArticles(t, db)
	all, err := db.SearchResults(ctx, store.SearchQuery{Text: "treaty"})
	if err != nil {
		t.Fatal(err)
	}
	if all.Capped || len(all.Hits) != 6 || storetest.HitIDs(all.Hits[:1]) != "s:1" {
		t.Fatalf("uncapped: capped %v, hits %s; want 6 statements, 1 first", all.Capped, storetest.HitIDs(all.Hits))
	}
	pgstore.SetSearchBoundsForTest(t, 3, 2)
	cases := []struct {
		q      store.SearchQuery
		want   string
		capped bool
	}{
		{store.SearchQuery{Text: "treaty"}, "s:5 s:4 s:6", true},
		{store.SearchQuery{Text: "treaty", Source: "tass"}, "s:5 s:4 s:3", true}, // the newest three of tass
		{store.SearchQuery{Text: "treaty", Speaker: "ryabkov", Limit: 1}, "s:5", true},
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
