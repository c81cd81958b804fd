package pubdate

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"golang.org/x/net/html"
)

// textRun is the visible text of a page in document order, with the headline's place in it and
// the <time datetime> values found on the way.
type textRun struct {
	text      string
	h1, h1End int // byte range of the headline in text; -1 when not in the visible text
	times     []timeAt
	nodes     []int // start and end offsets of every text node in text, ascending
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

// headline is the page's headline: the first <h1> of the article or main part, else the first.
func (x *index) headline() *html.Node {
	if x.mainH1 != nil {
		return x.mainH1
	}
	return x.h1
}

// americanEnglish reports a page that declares itself American English (lang="en-US", og:locale
// en_US): 06/07/2020 is June 7 there.
func (x *index) americanEnglish() bool {
	return strings.ToLower(x.lang) == "en-us" || strings.ToLower(x.locale) == "en_us"
}

// text is the page's visible text (read by newIndex).
func (p *page) text() *textRun { return &p.idx.run }

// headlineDate reads the first date written right after the headline (the byline line), else
// the closest one just before it. Comments, navigation and footers are skipped.
func (p *page) headlineDate() (Stamp, string, bool) {
	return p.headlineDateWith(maxDateLine)
}

// headlineDateWith is headlineDate with the longest text node (apart from the date) read as a
// date line.
func (p *page) headlineDateWith(maxLine int) (Stamp, string, bool) {
	if p.idx.headline() == nil || len(p.doc.Nodes) == 0 {
		return Stamp{}, "", false
	}
	r := p.text()
	if r.h1 < 0 {
		return Stamp{}, "", false
	}
	text := r.text
	rule := lineRule{maxLine: maxLine, monthFirst: p.idx.americanEnglish()}
	const after, before = 600, 250
	if st, raw, ok := r.firstDate(text, r.h1End, min(len(text), r.h1End+after), false, rule); ok {
		return st, raw, true
	}
	return r.firstDate(text, max(0, r.h1-before), r.h1, true, rule)
}

// lineRule is how a date line is read: the longest text node (without the date) taken as one,
// and the order of a slashed date.
type lineRule struct {
	maxLine    int
	monthFirst bool // the page is American English: 06/07/2020 is June 7
}

// firstDate finds the first (or, with last, the final) date in text[lo:hi], a <time datetime>
// counting at its place. Dates labelled as changes are passed over.
func (r *textRun) firstDate(text string, lo, hi int, last bool, rule lineRule) (Stamp, string, bool) {
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
	for _, m := range findTextDates(text[lo:hi], rule.monthFirst) {
		pos := lo + m.start
		if modifiedLabel().MatchString(text[max(lo, pos-40):pos]) || !r.inShortNode(text, pos, len(m.raw), rule.maxLine) {
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
func (r *textRun) inShortNode(text string, pos, dateLen, maxLine int) bool {
	i := sort.SearchInts(r.nodes, pos+1) - 1 // nodes holds start,end pairs
	if i < 0 || i%2 == 1 {
		return false
	}
	limit := maxLine
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
func (p *page) labelledDate() (Stamp, string, bool) {
	if len(p.doc.Nodes) == 0 {
		return Stamp{}, "", false
	}
	text := p.text().text
	for _, m := range findTextDates(text, false) {
		if publishedLabel().MatchString(text[max(0, m.start-30):m.start]) {
			return m.st, m.raw, true
		}
	}
	return Stamp{}, "", false
}
