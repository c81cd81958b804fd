package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkSaveCrawled measures what a crawl's saving costs beyond the analysis: the pages of a
// crawled database (ARMSWATCH_SAVE_BENCH_DB, e.g. the database `armswatch-bench -goals 5 -keep`
// keeps) analysed once, then, per pass, each checked for a duplicate and saved into a new
// database, as ingest does for the crawl: each in its own transaction, or with
// ARMSWATCH_SAVE_BENCH_BATCH=N in batches of N (BatchWrites, as the crawl saves). cpu-s/op is
// the pass's CPU.
//
//	ARMSWATCH_SAVE_BENCH_DB=/tmp/armswatch-bench-N/small/bench.db \
//	  go test -tags sqlite_fts5 -run '^$' -bench SaveCrawled -benchtime 3x ./store
func BenchmarkSaveCrawled(b *testing.B) {
	src := os.Getenv("ARMSWATCH_SAVE_BENCH_DB")
	if src == "" {
		b.Skip("ARMSWATCH_SAVE_BENCH_DB not set")
	}
	ctx := context.Background()
	batch, _ := strconv.Atoi(os.Getenv("ARMSWATCH_SAVE_BENCH_BATCH"))
	articles := analysedPages(b, ctx, src)
	b.ResetTimer()
	var cpu, dups int
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		db, err := store.Open(filepath.Join(b.TempDir(), "save.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := storetest.CPUTime()
		dups = 0
		if err := db.BatchWrites(batch, time.Hour); err != nil {
			b.Fatal(err)
		}
		for _, a := range articles {
			if dup, err := db.DuplicateOf(ctx, a.URL, a.Analysis); err != nil {
				b.Fatal(err)
			} else if dup != "" {
				dups++
				continue
			}
			if _, err := db.SaveArticle(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.BatchWrites(0, 0); err != nil {
			b.Fatal(err)
		}
		cpu += int((storetest.CPUTime() - cpu0).Microseconds())
		b.StopTimer()
		db.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(cpu)/1e6/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(len(articles)), "pages")
	b.ReportMetric(float64(dups), "duplicates")
}

// analysedPages reads the stored pages of the database at path and analyses them again.
func analysedPages(b *testing.B, ctx context.Context, path string) []*store.Article {
	db, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	ids, err := db.StaleArticles(ctx, "", true)
	if err != nil {
		b.Fatal(err)
	}
	var out []*store.Article
	for _, id := range ids {
		p, err := db.Page(ctx, id)
		if err != nil {
			b.Fatal(err)
		}
		if p.HTML == nil {
			continue
		}
		an, err := extract.HTMLContext(ctx, p.HTML, extract.Options{URL: p.URL, ContentType: "text/html", Source: p.Source, Profile: p.Profile})
		if err != nil {
			continue
		}
		out = append(out, &store.Article{URL: p.URL, Source: p.Source, FetchedAt: p.FetchedAt, HTML: p.HTML,
			PublishedHint: p.PublishedHint, Analysis: an})
	}
	return out
}
