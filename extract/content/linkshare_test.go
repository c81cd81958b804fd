package content

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// linkShareByAllLinks is linkShare as first written, with a set of every link text: the oracle.
func linkShareByAllLinks(doc *goquery.Document, paras []string) float64 {
	links := map[string]bool{}
	for _, n := range find(doc.Selection, "a").Nodes {
		if t := nodeText(n, nil); t != "" {
			links[t] = true
		}
	}
	linked, total := 0, 0
	for _, p := range paras {
		total += len(p)
		if links[p] {
			linked += len(p)
		}
	}
	if total == 0 {
		return 0
	}
	return float64(linked) / float64(total)
}

// linkShare gives what the set of every link text gives, on random pages of links and
// paragraphs that share texts, repeat them, and hold empty ones.
func TestLinkShareOfParagraphs(t *testing.T) {
	texts := []string{"Home", "News", "Russia and the US extend New START", "", " ", "Read more", "a  b"}
	rng := rand.New(rand.NewSource(15))
	shared := 0
	for range 500 {
		var b strings.Builder
		b.WriteString("<html><body>")
		for n := rng.Intn(12); n >= 0; n-- {
			tx := texts[rng.Intn(len(texts))]
			if rng.Intn(2) == 0 {
				b.WriteString("<a href=x>" + tx + "</a>")
			} else {
				b.WriteString("<p><a>" + tx + "</a> <b>" + texts[rng.Intn(len(texts))] + "</b></p>")
			}
		}
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		var paras []string
		for n := rng.Intn(8); n >= 0; n-- {
			paras = append(paras, texts[rng.Intn(len(texts))])
		}
		got, want := linkShare(doc, paras), linkShareByAllLinks(doc, paras)
		if got != want {
			t.Fatalf("%s, %q: %v, want %v", b.String(), paras, got, want)
		}
		if want > 0 {
			shared++
		}
	}
	if shared < 100 {
		t.Errorf("only %d pages share a text with their paragraphs", shared)
	}
}
