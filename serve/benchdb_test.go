package serve

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// benchCategories are the figure categories the generated articles cite, with a base value the
// generated figures move around (so the treaty page's chart has lines to draw).
var benchCategories = []struct {
	category, unit, noun string
	base                 int
}{
	{"deployed_warheads", "warhead", "deployed warheads", 1550},
	{"deployed_delivery_vehicles", "delivery vehicle", "deployed delivery vehicles", 700},
	{"launchers", "launcher", "deployed and non-deployed launchers", 800},
}

// benchArticle is storetest's generated article with one treaty figure and one date appended
// in a last paragraph: storetest's articles have neither, and the treaty page charts figures.
func benchArticle(g *storetest.Synthetic, i int) *store.Article {
	a := g.Article(i)
	an := a.Analysis
	c := benchCategories[i%len(benchCategories)]
	value := c.base + (i/len(benchCategories))%97 - 48
	num := fmt.Sprintf("%d,%03d", value/1000, value%1000)
	if value < 1000 {
		num = fmt.Sprint(value)
	}
	figText := "no more than " + num + " " + c.noun
	para := "The parties reported " + figText + " as of February 5, 2021."
	start := len(an.Body) + len(textutil.ParagraphSep)
	an.Body += textutil.ParagraphSep + para
	k := len(an.Statements)
	fs := start + strings.Index(para, figText)
	treaty := ""
	if len(an.Mentions) > 0 {
		treaty = an.Mentions[0].ID
	}
	an.Figures = append(an.Figures, extract.Figure{})
	f := &an.Figures[len(an.Figures)-1]
	f.Text, f.Value, f.Comparator, f.Unit, f.Category, f.Treaty = figText, float64(value), "<=", c.unit, c.category, treaty
	f.Paragraph, f.Start, f.End = k, fs, fs+len(figText)
	ds := start + strings.Index(para, "February 5, 2021")
	an.Dates = append(an.Dates, extract.Date{Text: "February 5, 2021", Kind: "absolute", Value: "2021-02-05",
		Granularity: "day", Paragraph: k, Start: ds, End: ds + len("February 5, 2021")})
	an.Derive()
	return a
}

// benchDB returns a database of a million generated statements (100,000 articles, each with a
// figure and a date), made on first use (many minutes on a busy machine). Set
// ARMSWATCH_SERVE_BENCH_DB=/path/serve-bench.db to keep it for later runs.
func benchDB(tb testing.TB, statements int) string {
	tb.Helper()
	path := os.Getenv("ARMSWATCH_SERVE_BENCH_DB")
	if path == "" {
		path = filepath.Join(tb.TempDir(), "serve-bench.db")
	}
	ctx := context.Background()
	db, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	var n int
	rows, err := db.Query(ctx, "SELECT count(*) FROM statements")
	if err != nil {
		tb.Fatal(err)
	}
	for rows.Next() {
		rows.Scan(&n)
	}
	rows.Close()
	if n >= statements {
		return path
	}
	if n > 0 {
		tb.Fatalf("%s holds %d statements, fewer than %d: remove it", path, n, statements)
	}
	g := storetest.NewSynthetic(10, 1)
	articles := (statements + 9) / 10
	const batch = 1000
	for i := 0; i < articles; i += batch {
		var as []*store.Article
		for j := i; j < min(i+batch, articles); j++ {
			as = append(as, benchArticle(g, j))
		}
		if err := db.SaveArticles(ctx, as); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}

// BenchmarkPages1M measures each page on a million generated statements (100,000 articles),
// through the whole handler (routing, queries, template, control-character pass), and reports
// the 95th percentile of the requests besides the mean. Each page cycles through several
// requests (other treaties, speakers, filters, pages) so the percentile is not one query's.
//
//	ARMSWATCH_SERVE_BENCH_DB=/tmp/serve-bench.db go test -tags sqlite_fts5 -run '^$' -bench Pages1M -cpu 1 ./serve
func BenchmarkPages1M(b *testing.B) {
	path := benchDB(b, 1_000_000)
	db, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, mode := range []struct {
		name    string
		noCache bool
	}{{"cold", true}, {"warm", false}} {
		h, err := New(db, Options{Hosts: []string{"example.com"}, NoCache: mode.noCache})
		if err != nil {
			b.Fatal(err)
		}
		for _, c := range benchPages {
			b.Run(mode.name+"/"+c.name, func(b *testing.B) { benchPage(b, h, c.urls) })
		}
	}
}

// benchPage requests urls in turn and reports the 95th percentile and the CPU time per request.
func benchPage(b *testing.B, h http.Handler, urls []string) {
	for _, u := range urls { // the warm pass fills the cache here; the cold one only the page cache
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		if rec.Code != 200 {
			b.Fatalf("%s: %d %s", u, rec.Code, rec.Body.String())
		}
	}
	var times, cpus []time.Duration
	cpu := storetest.CPUTime()
	i := 0
	for b.Loop() {
		u := urls[i%len(urls)]
		i++
		start, startCPU := time.Now(), storetest.CPUTime()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", u, nil))
		times = append(times, time.Since(start))
		cpus = append(cpus, storetest.CPUTime()-startCPU)
		if rec.Code != 200 {
			b.Fatalf("%s: %d %s", u, rec.Code, rec.Body.String())
		}
	}
	b.ReportMetric(ms(p95(times)), "p95-ms")
	b.ReportMetric(ms(p95(cpus)), "p95-cpu-ms")
	b.ReportMetric(ms(storetest.CPUTime()-cpu)/float64(b.N), "cpu-ms/op")
}

// p95 is the 95th percentile of ds. The CPU time of a request (the process's, and requests run
// one at a time) is the figure to compare on a shared machine, where waiting for a core
// inflates the wall time several times over.
func p95(ds []time.Duration) time.Duration {
	slices.Sort(ds)
	return ds[len(ds)*95/100]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

var benchPages = []struct {
	name string
	urls []string
}{
	{"today", []string{"/", "/today?days=7", "/today.json"}},
	{"treaties", []string{"/treaties"}},
	{"speakers", []string{"/speakers"}},
	{"treaty", []string{"/treaty/new_start", "/treaty/inf", "/treaty/ctbt?by=week", "/treaty/npt.json"}},
	{"speaker", []string{"/speaker/Sergei%20Ryabkov", "/speaker/Dmitry%20Peskov?treaty=new_start",
		"/speaker/Kremlin?from=2024-06-01&to=2024-08-31", "/speaker/Pentagon?page=40", "/speaker/Rafael%20Grossi.json"}},
	{"search", []string{"/search?q=treaty", "/search?q=lunafa", "/search?q=strategic+stability&page=3",
		"/search?q=warheads&treaty=new_start&source=tass&from=2024-06-01", "/search?q=dialogue&speaker=Peskov"}},
	{"article", []string{"/article/1", "/article/50000", "/article/99999", "/article/12345.json"}},
}
