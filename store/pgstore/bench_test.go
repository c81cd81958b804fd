package pgstore_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkSearch1M is store's BenchmarkSearch1M on PostgreSQL: the same queries over a million
// generated statements (100,000 articles, storetest.Synthetic). Filling takes minutes; set
// ARMSWATCH_BENCH_POSTGRES to a database URL to keep the rows for later runs:
//
//	ARMSWATCH_TEST_POSTGRES=postgres://... ARMSWATCH_BENCH_POSTGRES=postgres://.../bench \
//	  go test -tags sqlite_fts5 -run '^$' -bench Search1M ./store/pgstore
func BenchmarkSearch1M(b *testing.B) {
	ctx := context.Background()
	url := os.Getenv("ARMSWATCH_BENCH_POSTGRES")
	if url == "" {
		url = pgtest.URL(b)
	}
	db, err := pgstore.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	const want = 1_000_000
	if n := storetest.Count(b, db, "SELECT count(*) FROM statements"); n < want {
		start := time.Now()
		if err := fill(ctx, db, want); err != nil {
			b.Fatal(err)
		}
		storetest.Count(b, db, "ANALYZE")
		b.Logf("filled %d statements in %s", want, time.Since(start).Round(time.Second))
	}
	db.Close()
	ro, err := pgstore.OpenReadOnly(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer ro.Close()
	since := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		q    store.SearchQuery
	}{
		{"rare-word", store.SearchQuery{Text: "lunafa"}},
		{"uncommon-word", store.SearchQuery{Text: "lapa"}},
		{"common-word", store.SearchQuery{Text: "treaty"}},
		{"two-words", store.SearchQuery{Text: "strategic stability"}},
		{"phrase", store.SearchQuery{Text: `"arms control"`}},
		{"speaker-filter", store.SearchQuery{Text: "dialogue", Speaker: "Peskov"}},
		{"treaty-since-source", store.SearchQuery{Text: "warheads", Treaty: "New START", Source: "tass", Period: store.Period{Since: since}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var r store.SearchResults
			for b.Loop() {
				var err error
				if r, err = ro.SearchResults(ctx, c.q); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(r.Hits)), "hits")
			capped := 0.0
			if r.Capped {
				capped = 1
			}
			b.ReportMetric(capped, "capped")
		})
	}
}

// fill is storetest.Synthetic's Fill, going on from the articles a stopped fill saved (the
// generator is replayed over them: it draws its words in sequence).
func fill(ctx context.Context, db store.Store, statements int) error {
	g := storetest.NewSynthetic(10, 1)
	articles := (statements + g.PerArticle - 1) / g.PerArticle
	rows, err := db.Query(ctx, "SELECT count(*) FROM articles")
	if err != nil {
		return err
	}
	var have int
	for rows.Next() {
		rows.Scan(&have)
	}
	rows.Close()
	var batch []*store.Article
	for i := 0; i < articles; i++ {
		a := g.Article(i)
		if i < have {
			continue
		}
		if batch = append(batch, a); len(batch) == 1000 || i == articles-1 {
			if err := db.SaveArticles(ctx, batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	return nil
}
