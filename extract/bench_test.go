package extract

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusPages reads up to n pages of trafilatura's evaluation set from ../shared/corpus (real,
// mostly German news and blog pages); the benchmark is skipped when the corpus is absent.
func corpusPages(b *testing.B, n int) [][]byte {
	f, err := os.Open("../../shared/corpus/trafilatura-eval/pages.tar.gz")
	if err != nil {
		b.Skip("../shared/corpus is absent")
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	tr := tar.NewReader(zr)
	var pages [][]byte
	for len(pages) < n {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			b.Fatal(err)
		}
		if !strings.HasSuffix(h.Name, ".html") {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
	}
	return pages
}

// BenchmarkHTMLCorpus is the whole analyzer (content, dates, statements, figures, mentions) per
// real page; pages/s is the figure to compare with go-trafilatura's text extraction alone.
func BenchmarkHTMLCorpus(b *testing.B) {
	pages := corpusPages(b, 300)
	var bytes int64
	for _, p := range pages {
		bytes += int64(len(p))
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := HTML(p, Options{URL: "https://example.org/news/article"}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
	b.SetBytes(bytes / int64(len(pages)))
}

// BenchmarkSeed is the whole analyzer on the seed TASS page, the common case of a crawl.
func BenchmarkSeed(b *testing.B) {
	page, err := os.ReadFile("../../shared/seed/tass-new-start-2020-10-21.html")
	if err != nil {
		b.Skip("../shared/seed is absent")
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := HTML(page, Options{URL: "https://tass.com/politics/1215477"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkProfiled is the whole analyzer on the pages of profiled sites (the demo's TASS
// articles and testdata/profiles, each with its labels' URL): goal 1's second page set.
func BenchmarkProfiled(b *testing.B) {
	type page struct {
		url  string
		html []byte
	}
	var pages []page
	for _, glob := range []string{"../demo/site/articles/*.gold.json", "../testdata/profiles/*.golden.json"} {
		labels, _ := filepath.Glob(glob)
		for _, l := range labels {
			raw, err := os.ReadFile(l)
			if err != nil {
				b.Fatal(err)
			}
			var d struct{ URL string }
			if err := json.Unmarshal(raw, &d); err != nil {
				b.Fatalf("%s: %v", l, err)
			}
			html, err := os.ReadFile(strings.TrimSuffix(strings.TrimSuffix(l, ".gold.json"), ".golden.json") + ".html")
			if err != nil {
				b.Fatal(err)
			}
			pages = append(pages, page{d.URL, html})
		}
	}
	if len(pages) < 20 {
		b.Fatalf("only %d profiled pages", len(pages))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, p := range pages {
			if _, err := HTML(p.html, Options{URL: p.url}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
