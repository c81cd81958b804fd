package content

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"github.com/markusmobius/go-trafilatura"
)

// The trafilatura-eval corpus lives outside the repository (../shared/corpus from a checkout); tests
// that need it skip when it is absent.

type corpusDoc struct {
	ID      string   `json:"id"`
	File    string   `json:"file"`
	URL     string   `json:"url"`
	With    []string `json:"with"`
	Without []string `json:"without"`
	HTML    []byte   `json:"-"`
}

// corpusDir finds shared/corpus/trafilatura-eval beside one of the package's ancestor directories.
func corpusDir(tb testing.TB) string {
	if d := os.Getenv("ARMSWATCH_CORPUS"); d != "" {
		return d
	}
	dir, _ := filepath.Abs(".")
	for ; dir != filepath.Dir(dir); dir = filepath.Dir(dir) {
		c := filepath.Join(dir, "shared", "corpus", "trafilatura-eval")
		if _, err := os.Stat(filepath.Join(c, "pages.tar.gz")); err == nil {
			return c
		}
	}
	tb.Skip("corpus ../shared/corpus/trafilatura-eval not found")
	return ""
}

func loadCorpus(tb testing.TB) []corpusDoc {
	dir := corpusDir(tb)
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var docs []corpusDoc
	byFile := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d corpusDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			tb.Fatal(err)
		}
		byFile[d.File] = len(docs)
		docs = append(docs, d)
	}
	tf, err := os.Open(filepath.Join(dir, "pages.tar.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer tf.Close()
	gz, err := gzip.NewReader(tf)
	if err != nil {
		tb.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatal(err)
		}
		if i, ok := byFile[strings.TrimPrefix(h.Name, "./")]; ok {
			docs[i].HTML, _ = io.ReadAll(tr)
		}
	}
	return docs
}

// norm collapses whitespace as Python's re.sub(r"\s+", " ", s).strip() does on str: Unicode
// spaces (NO-BREAK SPACE included) count.
func norm(s string) string { return strings.Join(strings.FieldsFunc(s, isPySpace), " ") }

func isPySpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\x1c' || r == '\x1d' || r == '\x1e' || r == '\x1f'
}

// TestCorpusScore scores the generic extraction with the upstream rules (score-pages segments).
// It is slow, so it runs only with CONTENT_SCORE=1; CONTENT_SHOW=N prints N failing snippets.
func TestCorpusScore(t *testing.T) {
	if os.Getenv("CONTENT_SCORE") == "" {
		t.Skip("set CONTENT_SCORE=1 to score the corpus")
	}
	docs := loadCorpus(t)
	show := 0
	fmt.Sscan(os.Getenv("CONTENT_SHOW"), &show)
	only := os.Getenv("CONTENT_ONLY")
	var tp, fn, fp, tn int
	for _, d := range docs {
		if only != "" && !strings.Contains(d.ID, only) {
			continue
		}
		r, err := Extract(Input{HTML: d.HTML, URL: d.URL})
		body := ""
		if err == nil && len(r.Paragraphs) == 0 {
			t.Logf("EMPTY %s: %q", d.ID, r.Warnings)
		}
		if err == nil {
			body = norm(strings.Join(r.Paragraphs, "\n\n"))
		}
		for _, w := range d.With {
			if body != "" && strings.Contains(body, norm(w)) {
				tp++
			} else {
				fn++
				if show > 0 {
					show--
					t.Logf("FN %s: %q [body %d chars, %d paras]", d.ID, w, len(body), len(r.Paragraphs))
				}
			}
		}
		for _, w := range d.Without {
			if body != "" && strings.Contains(body, norm(w)) {
				fp++
				if show > 0 {
					show--
					pi, pl := -1, 0
					for i, para := range r.Paragraphs {
						if strings.Contains(norm(para), norm(w)) {
							pi, pl = i, len(para)
							break
						}
					}
					t.Logf("FP %s: %q  [para %d/%d len %d]", d.ID, w, pi, len(r.Paragraphs), pl)
				}
			} else {
				tn++
			}
		}
	}
	p, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	t.Logf("TP %d FN %d FP %d TN %d  P %.3f R %.3f F %.3f", tp, fn, fp, tn, p, rc, 2*float64(tp)/float64(2*tp+fp+fn))
}

// BenchmarkCorpus measures Extract over the corpus pages; run with -cpu 1 for one core.
func BenchmarkCorpus(b *testing.B) {
	docs := loadCorpus(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		if _, err := Extract(Input{HTML: d.HTML, URL: d.URL}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkTrafilaturaAlone runs go-trafilatura (parse + extraction with fallback, no date search)
// on the same pages, for comparison with BenchmarkCorpus.
func BenchmarkTrafilaturaAlone(b *testing.B) {
	docs := loadCorpus(b)
	b.ResetTimer()
	n := 0
	for i := 0; i < b.N; i++ {
		d := docs[i%len(docs)]
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.HTML))
		if err != nil {
			b.Fatal(err)
		}
		trafilatura.ExtractDocument(doc.Nodes[0], trafilatura.Options{EnableFallback: true, ExcludeComments: true, HtmlDateMode: trafilatura.Disabled})
		n++
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "pages/s")
}
