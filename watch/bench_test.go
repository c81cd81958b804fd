package watch

import (
	"context"
	"fmt"
	"testing"

	"github.com/armswatch/armswatch/config"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// discard is a notifier that sends nowhere: the benchmark measures evaluation and bookkeeping.
type discard struct{}

func (discard) Send(context.Context, *config.Watch, []Item) error { return nil }
func (discard) Batch() int                                        { return 0 }
func (discard) Rebuilds() bool                                    { return false }

// benchWatches are 50 watches of every kind of filter over the synthetic data's speakers,
// treaties, sources and words (a tenth of them full-text queries).
func benchWatches(t testing.TB) []config.Watch {
	speakers := []string{"Peskov", "Ryabkov", "Lavrov", "Zakharova", "Putin", "Blinken", "Sullivan",
		"Gottemoeller", "Stoltenberg", "Grossi", "Antonov", "Ulyanov"}
	treaties := []string{"new_start", "inf", "ctbt", "npt", "open_skies"}
	queries := []string{"warheads", "strategic stability", `"arms control"`, "lunafa", "verification inspections"}
	src := "[notify.feed]\ndir = \"feeds\"\n"
	for i := 0; i < 50; i++ {
		src += fmt.Sprintf("[[watch]]\nname = \"w%d\"\nnotify = [\"feed\"]\n", i)
		switch i % 10 {
		case 0:
			src += fmt.Sprintf("query = %q\n", queries[i/10])
		case 1, 2, 3:
			src += fmt.Sprintf("speaker = %q\ntreaty = %q\n", speakers[i%len(speakers)], treaties[i%len(treaties)])
		case 4, 5:
			src += fmt.Sprintf("speaker = [%q, %q]\n", speakers[i%len(speakers)], speakers[(i+5)%len(speakers)])
		case 6, 7:
			src += fmt.Sprintf("treaty = %q\nsource = \"tass\"\nkind = \"direct\"\n", treaties[i%len(treaties)])
		default:
			src += "figure_category = \"deployed_warheads\"\nmin_value = 1000\n"
		}
	}
	c, err := config.Parse("bench.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c.Watches
}

// BenchmarkWatchesAfterCrawl measures one run of 50 watches after a crawl stored 1,000 new
// articles (10,000 statements) in a database of a million statements: matching, recording the
// deliveries and claiming and finishing them (the notifier itself sends nowhere). Generating
// the database takes minutes; ARMSWATCH_BENCH_DB=/path/bench.db keeps it for later runs (it
// grows by 1,000 articles per iteration).
//
//	ARMSWATCH_BENCH_DB=/tmp/watch-bench.db go test -tags sqlite_fts5 -run '^$' -bench WatchesAfterCrawl -benchtime 5x ./watch
func BenchmarkWatchesAfterCrawl(b *testing.B) {
	if !builtWithFTS5 {
		b.Skip("query watches need FTS5: -tags sqlite_fts5")
	}
	ctx := context.Background()
	path, err := storetest.BenchDB(ctx, b.TempDir(), 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
	db, err := store.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	watches := benchWatches(b)
	r := &Runner{DB: db, Watches: watches, Notifiers: map[string]Notifier{"feed": discard{}}}
	if _, err := r.Run(ctx); err != nil { // the watches' first run: they start from here
		b.Fatal(err)
	}
	rows, err := db.Query(ctx, "SELECT coalesce(max(id), 0) FROM articles")
	if err != nil {
		b.Fatal(err)
	}
	var next int
	for rows.Next() {
		rows.Scan(&next)
	}
	rows.Close()
	gen := storetest.NewSynthetic(10, uint64(next))
	// evaluate is the matching alone (a dry run); deliver adds recording, claiming and
	// finishing the deliveries, as a real run after a crawl does.
	for _, dry := range []bool{true, false} {
		name := map[bool]string{true: "evaluate", false: "deliver"}[dry]
		b.Run(name, func(b *testing.B) {
			var cpu, matches int64
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				var as []*store.Article
				for k := 0; k < 1000; k++ {
					next++
					as = append(as, gen.Article(next))
				}
				if err := db.SaveArticles(ctx, as); err != nil {
					b.Fatal(err)
				}
				r.DryRun = dry
				before := storetest.CPUTime()
				b.StartTimer()
				res, err := r.Run(ctx)
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				cpu += int64(storetest.CPUTime() - before)
				if dry { // mark them seen, as the real run would, untimed
					r.DryRun = false
					if _, err := r.Run(ctx); err != nil {
						b.Fatal(err)
					}
				}
				for _, x := range res {
					matches += int64(len(x.Matches))
					if x.Err() != nil {
						b.Fatal(x.Err())
					}
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-ms/op")
			b.ReportMetric(float64(matches)/float64(b.N), "matches/op")
		})
	}
}
