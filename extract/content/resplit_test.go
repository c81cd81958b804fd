package content

import (
	"reflect"
	"testing"
)

// A short article keeps its paragraphs apart (its heading, the title, is left out as on any page): go-trafilatura's baseline gave its
// whole text as one paragraph, glued ("Talks resume"We are ready ... Monday.The New START").
func TestShortArticleKeepsItsParagraphs(t *testing.T) {
	page := `<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1>` +
		`<p>"We are ready to talk," Sergey Ryabkov said on Monday.</p>` +
		`<p>The New START treaty limits each side to 1,550 deployed warheads.</p></article></body></html>`
	r, err := Extract(Input{HTML: []byte(page), URL: "https://example.org/news/1"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`"We are ready to talk," Sergey Ryabkov said on Monday.`,
		"The New START treaty limits each side to 1,550 deployed warheads."}
	if !reflect.DeepEqual(r.Paragraphs, want) {
		t.Fatalf("paragraphs %q; want %q", r.Paragraphs, want)
	}
}
