package pubdate

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// textRun is the visible text of a page in document order, with the headline's place in it and
// the <time datetime> values found on the way.
type textRun struct {
	b          strings.Builder
	h1, h1End  int // byte range of the headline in b; -1 when none seen
	times      []timeAt
	text       string
	maxLine    int   // longest text node, without the date, read as a date line
	nodes      []int // start and end offsets of every text node in b, ascending
	headline   *html.Node
	monthFirst bool // the page is American English: 06/07/2020 is June 7
}

type timeAt struct {
	pos int
	val string
}

// skipTags never hold the page's own date line.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "iframe": true,
	"svg": true, "nav": true, "footer": true, "aside": true, "select": true, "button": true, "form": true}

// modifiedLabel precedes a date that is a change, not the publication ("Aktualisiert am").
var modifiedLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:updated?|modified|aktualisiert|geändert|änderung|mis à jour|modifié|actualizado|aggiornato|обновлено)[^\d]{0,25}$`)
})

// headlineDate reads the first date written right after the headline (the byline line), else
// the closest one just before it. Comments, navigation and footers are skipped.
func headlineDate(doc *goquery.Document) (Stamp, string, bool) {
	return headlineDateWith(doc, maxDateLine)
}

// headlineDateWith is headlineDate with the longest text node (apart from the date) read as a
// date line.
func headlineDateWith(doc *goquery.Document, maxLine int) (Stamp, string, bool) {
	h := doc.Find("article h1, main h1, [role=main] h1").First()
	if h.Length() == 0 {
		h = doc.Find("h1").First()
	}
	if h.Length() == 0 || len(doc.Nodes) == 0 {
		return Stamp{}, "", false
	}
	lang := strings.ToLower(doc.Find("html").AttrOr("lang", ""))
	locale := strings.ToLower(doc.Find(`meta[property="og:locale"]`).AttrOr("content", ""))
	r := &textRun{h1: -1, h1End: -1, headline: h.Nodes[0], monthFirst: lang == "en-us" || locale == "en_us", maxLine: maxLine}
	r.walk(doc.Nodes[0])
	if r.h1 < 0 {
		return Stamp{}, "", false
	}
	text := r.b.String()
	r.text = text
	const after, before = 600, 250
	if st, raw, ok := r.firstDate(text, r.h1End, min(len(text), r.h1End+after), false); ok {
		return st, raw, true
	}
	return r.firstDate(text, max(0, r.h1-before), r.h1, true)
}

func (r *textRun) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		r.nodes = append(r.nodes, r.b.Len())
		r.b.WriteString(n.Data)
		r.nodes = append(r.nodes, r.b.Len())
		return
	case html.ElementNode:
		if skipTags[n.Data] {
			return
		}
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "id") && strings.Contains(strings.ToLower(a.Val), "comment") {
				return
			}
		}
		if n.Data == "time" {
			for _, a := range n.Attr {
				if a.Key == "datetime" {
					r.times = append(r.times, timeAt{r.b.Len(), a.Val})
				}
			}
		}
	}
	if n == r.headline {
		r.h1 = r.b.Len()
	}
	r.b.WriteByte(' ')
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	r.b.WriteByte(' ')
	if n == r.headline {
		r.h1End = r.b.Len()
	}
}

// firstDate finds the first (or, with last, the final) date in text[lo:hi], a <time datetime>
// counting at its place. Dates labelled as changes are passed over.
func (r *textRun) firstDate(text string, lo, hi int, last bool) (Stamp, string, bool) {
	type hit struct {
		pos int
		st  Stamp
		raw string
	}
	var hits []hit
	for _, t := range r.times {
		if t.pos >= lo && t.pos < hi && !modifiedLabel().MatchString(text[max(lo, t.pos-40):t.pos]) {
			if st, ok := parseStamp(t.val); ok {
				hits = append(hits, hit{t.pos, st, "time=" + t.val})
			}
		}
	}
	for _, m := range findTextDates(text[lo:hi], r.monthFirst) {
		pos := lo + m.start
		if modifiedLabel().MatchString(text[max(lo, pos-40):pos]) || !r.inShortNode(text, pos, len(m.raw)) {
			continue
		}
		hits = append(hits, hit{pos, m.st, m.raw})
	}
	if len(hits) == 0 {
		return Stamp{}, "", false
	}
	best := hits[0]
	for _, h := range hits[1:] {
		if (!last && h.pos < best.pos) || (last && h.pos > best.pos) {
			best = h
		}
	}
	return best.st, best.raw, true
}

type textDate struct {
	start int
	st    Stamp
	raw   string
}

// findTextDates returns the dates written in s: with a month name, or numeric day-first (month
// first on American pages when slashes are used). The patterns (case-insensitive, Unicode) are
// costly per byte, so each runs only on the windows of s around digits that can make its dates
// (dateWindows); the matches, in pattern order then position, are those of the whole of s.
func findTextDates(s string, monthFirst bool) []textDate {
	var out []textDate
	windows := dateWindows(s)
	for p, re := range textPatterns() {
		for _, w := range windows[p] {
			for _, loc := range re.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
				raw := s[w[0]+loc[2] : w[0]+loc[1]]
				st, ok := parseTextOrder(strings.TrimSpace(raw), monthFirst)
				if ok {
					out = append(out, textDate{w[0] + loc[2], st, raw})
				}
			}
		}
	}
	return out
}

// maxDateLine is the longest text node read as a date line; longer ones are prose, whose dates
// are about events, not the page.
const maxDateLine = 80

// inShortNode reports whether the text node holding offset pos is short enough to be a date line.
func (r *textRun) inShortNode(text string, pos, dateLen int) bool {
	i := sort.SearchInts(r.nodes, pos+1) - 1 // nodes holds start,end pairs
	if i < 0 || i%2 == 1 {
		return false
	}
	limit := r.maxLine
	if limit < maxDateLine {
		limit += dateLen // strict: the node is the date and a few words
	}
	return len(strings.TrimSpace(text[r.nodes[i]:r.nodes[i+1]])) <= limit
}

// publishedLabel introduces a publication date in the page's text ("Erschienen am:").
var publishedLabel = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:erschienen|veröffentlicht|publiziert|published|posted|publié|publicado|pubblicato|опубликовано)(?:\s+(?:am|on|le|el|il|at))?\s*:?\s*$`)
})

// labelledDate finds a date the page's text labels as the publication ("Veröffentlicht am
// 12.03.2020"), first in document order, outside comments, navigation and footers.
func labelledDate(doc *goquery.Document) (Stamp, string, bool) {
	if len(doc.Nodes) == 0 {
		return Stamp{}, "", false
	}
	r := &textRun{h1: -1, h1End: -1}
	r.walk(doc.Nodes[0])
	text := r.b.String()
	for _, m := range findTextDates(text, false) {
		if publishedLabel().MatchString(text[max(0, m.start-30):m.start]) {
			return m.st, m.raw, true
		}
	}
	return Stamp{}, "", false
}
