package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkSearch1M measures one search over a million generated statements (100,000 articles).
// The database is generated on the first run (minutes); set ARMSWATCH_BENCH_DB=/path/bench.db
// to keep it for later runs:
//
//	ARMSWATCH_BENCH_DB=/tmp/bench.db go test -tags sqlite_fts5 -run '^$' -bench Search1M ./store
func BenchmarkSearch1M(b *testing.B) {
	if !builtWithFTS5 {
		b.Skip("search needs FTS5: -tags sqlite_fts5")
	}
	ctx := context.Background()
	path, err := storetest.BenchDB(ctx, b.TempDir(), 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	since := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		q    store.SearchQuery
	}{
		{"rare-word", store.SearchQuery{Text: "lunafa"}}, // 42 statements
		{"uncommon-word", store.SearchQuery{Text: "lapa"}},
		{"common-word", store.SearchQuery{Text: "treaty"}}, // 121,348 statements, 80,277 articles,
		{"two-words", store.SearchQuery{Text: "strategic stability"}},
		{"phrase", store.SearchQuery{Text: `"arms control"`}},
		{"speaker-filter", store.SearchQuery{Text: "dialogue", Speaker: "Peskov"}},
		{"treaty-since-source", store.SearchQuery{Text: "warheads", Treaty: "New START", Source: "tass", Period: store.Period{Since: since}}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var hits int
			cpu := storetest.CPUTime()
			for b.Loop() {
				h, err := db.Search(ctx, c.q)
				if err != nil {
					b.Fatal(err)
				}
				hits = len(h)
			}
			b.ReportMetric(float64(hits), "hits")
			b.ReportMetric(float64((storetest.CPUTime()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		})
	}
}
