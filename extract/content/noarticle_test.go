package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Pages without an article give an empty body and a warning, never a body made of what is there.
func TestNoArticle(t *testing.T) {
	for _, name := range []string{"404", "listing"} {
		t.Run(name, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("..", "..", "testdata", "noarticle", name+".html"))
			if err != nil {
				t.Fatal(err)
			}
			r, err := Extract(Input{HTML: page, URL: "https://defense-news.example/arms-control/x"})
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Paragraphs) != 0 {
				t.Errorf("body %q, want none", r.Paragraphs)
			}
			if len(r.Warnings) == 0 || !strings.HasPrefix(r.Warnings[len(r.Warnings)-1], "no article body found") {
				t.Errorf("warnings %q, want a no-article warning", r.Warnings)
			}
		})
	}
}

func TestHeadlineWith404IsAnArticle(t *testing.T) {
	page := `<html><head><title>Russia keeps 404 deployed launchers, data show</title></head><body>
<article><h1>Russia keeps 404 deployed launchers, data show</h1>
<p>MOSCOW, October 1. /TASS/. Russia has 404 deployed ICBMs, SLBMs and heavy bombers, according to the data exchanged under the treaty.</p></article></body></html>`
	r, err := Extract(Input{HTML: []byte(page), URL: "https://example.org/news/1"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Paragraphs) != 1 {
		t.Errorf("paragraphs %q, warnings %q: a headline with 404 in it is not an error page", r.Paragraphs, r.Warnings)
	}
}
