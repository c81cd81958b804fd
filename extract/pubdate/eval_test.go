package pubdate

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
	"sort"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// evalDoc is one page of the htmldate-eval corpus with its reference date.
type evalDoc struct {
	ID, URL, Date string
	HTML          []byte
}

// loadEval reads the corpus folder (pages.tar.gz + truth.jsonl) without unpacking it to disk.
func loadEval(t testing.TB, dir string) []evalDoc {
	f, err := os.Open(filepath.Join(dir, "truth.jsonl"))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	defer f.Close()
	var docs []evalDoc
	byFile := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var r struct {
			ID, File, URL string
			Date          *string
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("truth: %v", err)
		}
		d := evalDoc{ID: r.ID, URL: r.URL}
		if r.Date != nil {
			d.Date = *r.Date
		}
		byFile[r.File] = len(docs)
		docs = append(docs, d)
	}
	tf, err := os.Open(filepath.Join(dir, "pages.tar.gz"))
	if err != nil {
		t.Skipf("corpus absent: %v", err)
	}
	defer tf.Close()
	gz, err := gzip.NewReader(tf)
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if i, ok := byFile[strings.TrimPrefix(h.Name, "./")]; ok {
			docs[i].HTML, _ = io.ReadAll(tr)
		}
	}
	return docs
}

// TestEvalCorpus scores Find on the htmldate-eval corpus the way score-pages does (date part of
// published against the reference). It runs only when PUBDATE_EVAL names the corpus folder, e.g.
// PUBDATE_EVAL=/work/shared/corpus/htmldate-eval go test -run EvalCorpus -v ./extract/pubdate
// (go-htmldate alone cannot be scored in-tree: go.mod replaces it by a stub, see
// third_party/htmldate-stub; measure it from a separate module.)
func TestEvalCorpus(t *testing.T) {
	dir := os.Getenv("PUBDATE_EVAL")
	if dir == "" {
		t.Skip("PUBDATE_EVAL not set")
	}
	docs := loadEval(t, dir)
	if n := os.Getenv("PUBDATE_EVAL_LIMIT"); n != "" {
		var k int
		fmt.Sscan(n, &k)
		if k < len(docs) {
			docs = docs[:k]
		}
	}
	right, none := 0, 0
	var fails []string
	for _, d := range docs {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.HTML))
		if err != nil {
			t.Fatal(err)
		}
		pub, why := find(doc, d.URL)
		got := ""
		if !pub.IsZero() {
			got = pub.String()[:10]
		} else {
			none++
		}
		if got == d.Date && got != "" {
			right++
		} else {
			line := fmt.Sprintf("%s want %s got %q via %s  %s", d.ID, d.Date, got, why, d.URL)
			if os.Getenv("PUBDATE_EVAL_CANDS") != "" {
				for _, c := range collect(doc, d.URL, nil).cands {
					line += fmt.Sprintf("\n\t\t%d %s r%d %s %s", c.kind, sourceNames[c.src], c.rank, c.st, c.raw)
				}
			}
			fails = append(fails, line)
		}
	}
	sort.Strings(fails)
	for _, f := range fails {
		t.Log(f)
	}
	t.Logf("docs %d right %d none %d accuracy %.3f", len(docs), right, none, float64(right)/float64(len(docs)))
}

// find is Find's publication half with the reason of the choice, for tests and the evaluation.
func find(doc *goquery.Document, pageURL string) (Stamp, string) {
	return collect(doc, pageURL, nil).published()
}
