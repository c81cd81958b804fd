package serve

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store/pgstore"
	"github.com/armswatch/armswatch/store/pgstore/pgtest"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkPagesPostgres is BenchmarkPages1M on PostgreSQL: the same pages over the same
// generated statements (storetest.Synthetic with figures), a million unless
// ARMSWATCH_BENCH_STATEMENTS says otherwise. The reported CPU is this process's (handler,
// templates, pgx), not the server's. Filling takes minutes; ARMSWATCH_BENCH_POSTGRES names a
// database that keeps the rows for later runs:
//
//	ARMSWATCH_TEST_POSTGRES=postgres://... go test -tags sqlite_fts5 -run '^$' -bench PagesPostgres -cpu 1 ./serve
func BenchmarkPagesPostgres(b *testing.B) {
	ctx := context.Background()
	url := os.Getenv("ARMSWATCH_BENCH_POSTGRES")
	if url == "" {
		url = pgtest.URL(b)
	}
	want := 1_000_000
	if s := os.Getenv("ARMSWATCH_BENCH_STATEMENTS"); s != "" {
		var err error
		if want, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	db, err := pgstore.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	if n := storetest.Count(b, db, "SELECT count(*) FROM statements"); n < want {
		if n > 0 {
			b.Fatalf("%s holds %d statements, fewer than %d: give an empty database", pgstore.Redact(url), n, want)
		}
		start := time.Now()
		g := storetest.NewSynthetic(10, 1)
		g.Figures = true
		if err := g.Fill(ctx, db, want); err != nil {
			b.Fatal(err)
		}
		storetest.Count(b, db, "ANALYZE")
		b.Logf("filled %d statements in %s", want, time.Since(start).Round(time.Second))
	}
	articles := storetest.Count(b, db, "SELECT count(*) FROM articles")
	db.Close()
	ro, err := pgstore.OpenReadOnly(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer ro.Close()
	pages := benchPages
	for i, p := range pages {
		if p.name == "article" { // the same places in a store of any size
			pages = append(pages[:i:i], pages[i+1:]...)
			pages = append(pages, struct {
				name string
				urls []string
			}{"article", []string{"/article/1", fmt.Sprintf("/article/%d", articles/2), fmt.Sprintf("/article/%d", articles-1),
				fmt.Sprintf("/article/%d.json", articles/8)}})
			break
		}
	}
	for _, mode := range []struct {
		name    string
		noCache bool
	}{{"cold", true}, {"warm", false}} {
		h, err := New(ro, Options{Hosts: []string{"example.com"}, NoCache: mode.noCache})
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range pages {
			b.Run(mode.name+"/"+c.name, func(b *testing.B) { benchPage(b, h, c.urls) })
		}
	}
}
