package content

import (
	"regexp"
	"sync"

	"github.com/PuerkitoBio/goquery"
)

// errorTitleRe matches the titles of error pages in the languages of the target sources.
var errorTitleRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(^|\D)404(\D|$)|not found|page (does not|doesn't) exist|error 40\d|страница не найдена|ошибка 404|nicht gefunden|introuvable|no encontrada|non trovata`)
})

// noArticle says why the extracted text is not an article ("" when it is): an error page
// (its headline says so and it has little text) or a listing (most of the text is link titles).
func noArticle(doc *goquery.Document, r *Result) string {
	n := textLen(r.Paragraphs)
	if n == 0 {
		return ""
	}
	head := r.Title + " " + cleanText(doc.Find("title").First().Text()) + " " + cleanText(doc.Find("h1").First().Text())
	if n < 1500 && errorTitleRe().MatchString(head) {
		return "the page looks like an error page"
	}
	if linkShare(doc, r.Paragraphs) >= 0.6 && len(r.Paragraphs) >= 5 {
		return "the page looks like a list of links"
	}
	return ""
}

// linkShare is the share of the body's characters in paragraphs that are the whole text of a link:
// a listing page's "body" is its headlines.
func linkShare(doc *goquery.Document, paras []string) float64 {
	links := map[string]bool{}
	for _, n := range doc.Find("a").Nodes {
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
