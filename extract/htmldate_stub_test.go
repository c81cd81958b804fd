package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/armswatch/armswatch/extract"
)

// TestNothingCallsGoHtmldate: go-htmldate is replaced by a stub that panics
// (third_party/htmldate-stub), because armswatch calls go-trafilatura with its date search off.
// The analyzer runs here over every labelled, golden, no-article and demo page, with the stub
// in place and the host unknown (so that the generic extractor, go-trafilatura, runs too): a
// call into go-htmldate would panic, and the test names the page.
func TestNothingCallsGoHtmldate(t *testing.T) {
	var pages []string
	for _, glob := range []string{"../testdata/*/*.html", "../demo/site/*.html", "../demo/site/articles/*.html"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, m...)
	}
	if len(pages) < 55 {
		t.Fatalf("found %d pages, want the labelled and demo ones", len(pages))
	}
	for _, p := range pages {
		page, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, url := range []string{"", "https://unknown.example/news/1"} {
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Errorf("%s (url %q): the analyzer called into go-htmldate: %v", p, url, r)
					}
				}()
				extract.HTML(page, extract.Options{URL: url})
			}()
		}
	}
}
