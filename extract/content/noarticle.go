package content

import (
	"regexp"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// errorTitleRe matches the titles of error pages in the languages of the target sources, but not
// a headline that merely contains the number 404.
var errorTitleRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\s*404\b|\b404\s*(error|fehler|not found)|(error|fehler|ошибка|erreur)\s*404|page not found|file not found|^\s*not found|page (does not|doesn't) exist|страница не найдена|seite nicht gefunden|page introuvable|no encontrada|non trovata`)
})

// errorTitleWords are pieces of every match of errorTitleRe, in lower case and without the
// letters that case-insensitive matching folds to more than their capital (k, s, and Cyrillic
// д, о, с, т, в, ъ): a head holding none of them, lower-cased, cannot match, and the regexp
// (a few percent of a profiled page's analysis) is not run.
var errorTitleWords = []string{"404", "found", "exi", "най", "gefunden", "introuvable", "encontrada", "trovata"}

// maybeErrorTitle tells whether head may match errorTitleRe.
func maybeErrorTitle(head string) bool {
	head = strings.ToLower(head)
	for _, w := range errorTitleWords {
		if strings.Contains(head, w) {
			return true
		}
	}
	return false
}

// noArticle says why the extracted text is not an article ("" when it is): an error page
// (its headline says so and it has little text) or a listing (most of the text is link titles).
func noArticle(doc *goquery.Document, r *Result) string {
	n := textLen(r.Paragraphs)
	if n == 0 {
		return ""
	}
	if n < 1500 { // a longer body is an article whatever its titles say: they are not looked up
		head := r.Title + " " + cleanText(firstOf(doc, "title").Text()) + " " + cleanText(firstOf(doc, "h1").Text())
		if maybeErrorTitle(head) && errorTitleRe().MatchString(head) {
			return "the page looks like an error page"
		}
	}
	if len(r.Paragraphs) >= 5 && linkShare(doc, r.Paragraphs) >= 0.6 { // the count first: it is free
		return "the page looks like a list of links"
	}
	if r.Profile == "generic" {
		if share, rest := teasers(doc, r.Paragraphs); share >= 0.6 {
			if textLen(rest) < 300 {
				return "the page looks like a list of article teasers"
			}
			r.Paragraphs = rest // the page's own text around a list of teasers
		}
	}
	return ""
}

// teasers measures the share of the body's characters that come from teasers: repeated sibling
// blocks (four or more with the same tag and class) that each carry a headline link to another
// page. A section page's "body" extracted by a generic extractor is its teasers' blurbs. The
// share is 0 unless the body comes from at least four such blocks; rest is the body without them.
func teasers(doc *goquery.Document, paras []string) (share float64, rest []string) {
	where := blockByText(doc)
	items := map[*html.Node]bool{}
	kin := siblingCounts{}
	linked := map[*html.Node]bool{}
	headline := func(item *html.Node) bool { // once per item: one item may hold many paragraphs
		v, ok := linked[item]
		if !ok {
			v = hasHeadlineLink(item)
			linked[item] = v
		}
		return v
	}
	teaser, total := 0, 0
	for _, p := range paras {
		total += len(p)
		if n := where[p]; n != nil {
			if item := kin.repeatedItem(n); item != nil && headline(item) {
				items[item] = true
				teaser += len(p)
				continue
			}
		}
		rest = append(rest, p)
	}
	if len(items) < 4 || total == 0 {
		return 0, paras
	}
	return float64(teaser) / float64(total), rest
}

// blockByText maps the text of each short block element to the innermost element with that text.
// Teaser blurbs are short; skipping long blocks keeps this linear in practice, where taking the
// text of every container would cost the page's size times its depth.
func blockByText(doc *goquery.Document) map[string]*html.Node {
	const maxLen = 1200
	m := map[string]*html.Node{}
	var walk func(n *html.Node) int // returns the length of the text under n
	walk = func(n *html.Node) int {
		if n.Type == html.TextNode {
			return len(n.Data)
		}
		if n.Type == html.ElementNode && skipTags[n.DataAtom] {
			return 0
		}
		size := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			size += walk(c)
		}
		if n.Type == html.ElementNode && blockTags[n.DataAtom] && size <= maxLen {
			if t := nodeText(n, nil); t != "" && m[t] == nil {
				m[t] = n
			}
		}
		return size
	}
	walk(doc.Nodes[0])
	return m
}

// repeatedItem is the nearest ancestor (up to five levels) of n that has three or more siblings
// of its own tag and class.
func (k siblingCounts) repeatedItem(n *html.Node) *html.Node {
	for a, depth := n, 0; a != nil && a.Type == html.ElementNode && depth < 6; a, depth = a.Parent, depth+1 {
		if a.Parent == nil {
			return nil
		}
		if k.count(a) >= 4 {
			return a
		}
	}
	return nil
}

// siblingCounts counts, per parent, its element children by tag and class. Counting the siblings
// once per parent keeps teasers linear: counting them again for every paragraph made a page of
// 100,000 sibling paragraphs take minutes.
type siblingCounts map[*html.Node]map[sibKind]int

type sibKind struct {
	tag   atom.Atom
	name  string // the tag name when the atom is 0 (custom elements)
	class string
}

func kindOf(n *html.Node) sibKind {
	k := sibKind{tag: n.DataAtom, class: classOf(n)}
	if k.tag == 0 {
		k.name = n.Data
	}
	return k
}

// count is the number of element children of n's parent (n included) with n's tag and class.
func (k siblingCounts) count(n *html.Node) int {
	m, ok := k[n.Parent]
	if !ok {
		m = map[sibKind]int{}
		for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
			if s.Type == html.ElementNode {
				m[kindOf(s)]++
			}
		}
		k[n.Parent] = m
	}
	return m[kindOf(n)]
}

func classOf(n *html.Node) string {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return a.Val
		}
	}
	return ""
}

func hasHeadlineLink(item *html.Node) bool {
	return find(goquery.NewDocumentFromNode(item).Selection, "h1 a[href], h2 a[href], h3 a[href], h4 a[href], a[href] h2, a[href] h3, a[href] h4").Length() > 0
}

// linkShare is the share of the body's characters in paragraphs that are the whole text of a link:
// a listing page's "body" is its headlines.
func linkShare(doc *goquery.Document, paras []string) float64 {
	// Only the links whose text is a paragraph's count: the set is built of the paragraphs, a
	// few dozen, not of the page's hundreds of link texts.
	links := make(map[string]bool, len(paras))
	for _, p := range paras {
		links[p] = false
	}
	for _, n := range find(doc.Selection, "a").Nodes {
		if t := nodeText(n, nil); t != "" {
			if _, ok := links[t]; ok {
				links[t] = true
			}
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
