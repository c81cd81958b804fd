package pubdate

import (
	"bytes"
	"os"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// BenchmarkFindSeed is the cost of Find on a profiled-style news page whose header states the
// time (the usual case): the parse is not counted, content.Extract shares its tree.
func BenchmarkFindSeed(b *testing.B) {
	page, err := readShared("seed/tass-new-start-2020-10-21.html")
	if err != nil {
		b.Skip("seed absent")
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		Find(doc, "https://tass.com/politics/1215477", nil)
	}
}

// BenchmarkFindCorpus is the mean cost per page of Find over the first 100 pages of the
// htmldate-eval corpus (real pages of every kind, the go-htmldate fallback included).
func BenchmarkFindCorpus(b *testing.B) {
	dir := os.Getenv("PUBDATE_EVAL")
	if dir == "" {
		dir = "../../../shared/corpus/htmldate-eval"
		if _, err := os.Stat(dir); err != nil {
			dir = "../../../../shared/corpus/htmldate-eval"
		}
	}
	docs := loadEval(b, dir)
	if len(docs) > 100 {
		docs = docs[:100]
	}
	parsed := make([]*goquery.Document, len(docs))
	for i, d := range docs {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.HTML))
		if err != nil {
			b.Fatal(err)
		}
		parsed[i] = doc
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		Find(parsed[i%len(parsed)], docs[i%len(docs)].URL, nil)
		i++
	}
}
