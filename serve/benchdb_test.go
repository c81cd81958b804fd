package serve

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// BenchmarkPages1M measures each page on a million generated statements (100,000 articles),
// through the whole handler (routing, queries, template, control-character pass), and reports
// the 95th percentile of the requests besides the mean. Each page cycles through several
// requests (other treaties, speakers, filters, pages) so the percentile is not one query's.
// The database is storetest.ServeBenchDB's, kept where ARMSWATCH_SERVE_BENCH_DB says:
//
//	ARMSWATCH_SERVE_BENCH_DB=/tmp/serve-bench.db go test -tags sqlite_fts5 -run '^$' -bench Pages1M -cpu 1 ./serve
func BenchmarkPages1M(b *testing.B) {
	path, err := storetest.ServeBenchDB(context.Background(), b.TempDir(), 1_000_000)
	if err != nil {
		b.Fatal(err)
	}
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
