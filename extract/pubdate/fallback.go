package pubdate

import (
	"net/url"
	"sort"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// extensive is the last resort when the page states no date in its markup or by its headline:
// the order of htmldate's extensive search, written for this package (go-htmldate pulls in
// go-dateparser, whose locale tables cost every process start). Each stage returns the first
// date it reads; the free-text stage the oldest, as the page's original date.
func (p *page) extensive() (Stamp, string, bool) {
	stages := []struct {
		name string
		find func() (Stamp, string, bool)
	}{
		{"abbr", p.abbrDate},
		{"element", p.dateElement},
		{"title", p.titleDate},
		{"time-any", p.anyTime},
		{"timestamp", p.htmlTimestamp},
		{"link-url", p.linkURLDate},
		{"free-text", p.freeTextDate},
		{"page-pattern", p.pagePattern},
	}
	for _, s := range stages {
		if st, raw, ok := s.find(); ok {
			return st, s.name + ":" + raw, true
		}
	}
	return Stamp{}, "", false
}

// abbrDate reads <abbr data-utime> (UNIX seconds, the oldest) and <abbr class=published title>.
func (p *page) abbrDate() (Stamp, string, bool) {
	var best Stamp
	var raw string
	p.doc.Find("abbr").Each(func(_ int, s *goquery.Selection) {
		v := strings.TrimSpace(s.AttrOr("data-utime", ""))
		if v == "" {
			if cls := s.AttrOr("class", ""); cls == "published" || cls == "date-published" || cls == "time-published" {
				v = attrOr(s, "title")
				if v == "" {
					v = shortText(s)
				}
			}
		}
		if st, ok := parseStamp(v); ok && (best.IsZero() || st.Time.Before(best.Time)) {
			best, raw = st, v
		}
	})
	return best, raw, !best.IsZero()
}

// dateClass reports class/id/itemprop values that mark a date line (htmldate's selector).
func dateClass(n *html.Node) bool {
	if n.Data == "footer" || n.Data == "small" {
		return true
	}
	var id, cls, prop string
	for _, a := range n.Attr {
		switch a.Key {
		case "id":
			id = a.Val
		case "class":
			cls = a.Val
		case "itemprop":
			prop = a.Val
		}
	}
	lc := strings.ToLower(id + " " + cls + " " + prop)
	for _, k := range []string{"date", "datum", "meta", "time", "publish", "footer", "byline", "subline", "posted",
		"submitted", "created-post", "publication", "author", "autor", "field-content", "fa-clock", "fa-calendar", "fecha", "parution"} {
		if strings.Contains(lc, k) {
			return true
		}
	}
	return strings.Contains(strings.ToLower(cls), "info")
}

// dateElement reads the first element marked as a date line anywhere in the page, skipping
// navigation, scripts and comments; change dates ("Aktualisiert") are passed over.
func (p *page) dateElement() (Stamp, string, bool) {
	var found Stamp
	var raw string
	var visit func(n *html.Node, inComment bool) bool
	visit = func(n *html.Node, inComment bool) bool {
		if n.Type == html.ElementNode {
			if skipTags[n.Data] && n.Data != "footer" {
				return false
			}
			if hasClassWord(n, "comment") {
				inComment = true
			}
			if !inComment && dateClass(n) {
				text := nodeText(n, 120)
				if text != "" && !changeLine(text) {
					if st, ok := parseStamp(text); ok {
						found, raw = st, text
						return true
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if visit(c, inComment) {
				return true
			}
		}
		return false
	}
	if len(p.doc.Nodes) > 0 && visit(p.doc.Nodes[0], false) {
		return found, raw, true
	}
	return Stamp{}, "", false
}

func hasClassWord(n *html.Node, w string) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && strings.Contains(strings.ToLower(a.Val), w) {
			return true
		}
	}
	return false
}

// nodeText is the whitespace-collapsed text of n, or "" when longer than limit bytes.
func nodeText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return b.Len() <= limit*3
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(n)
	t := strings.Join(strings.Fields(b.String()), " ")
	if len(t) > limit {
		return ""
	}
	return t
}

// titleDate reads a date written in the <title> or the headline.
func (p *page) titleDate() (Stamp, string, bool) {
	for _, sel := range []string{"title", "h1"} {
		t := strings.Join(strings.Fields(p.doc.Find(sel).First().Text()), " ")
		if st, ok := parseText(t); ok {
			return st, t, true
		}
	}
	return Stamp{}, "", false
}

// anyTime reads the first <time> of the page with a date.
func (p *page) anyTime() (Stamp, string, bool) {
	for _, n := range p.idx.times {
		s := selection(n)
		v := attrOr(s, "datetime")
		if v == "" {
			v = shortText(s)
		}
		if st, ok := parseStamp(v); ok {
			return st, v, true
		}
	}
	return Stamp{}, "", false
}

// htmlTimestamp reads the first full timestamp written anywhere in the page's text or markup.
func (p *page) htmlTimestamp() (Stamp, string, bool) {
	for _, m := range timestamps(p.source(), 20) {
		if st, ok := parseStamp(m); ok {
			return st, m, true
		}
	}
	return Stamp{}, "", false
}

// timestamps returns up to n full timestamps (2020-10-21T12:00:00, 21.10.2020 12:00:00) written
// in src, left to right, without overlaps: what the regexp
// `(?:\d{4}-\d\d-\d\d|\d\d\.\d\d\.\d{4})[T ]\d\d:\d\d:\d\d` finds with FindAllString. Both
// forms are 19 bytes with their first colon at byte 13, so each colon of the page (a page has
// few) names the one place a timestamp could start; running the regexp over every byte of the
// page cost 4% of the whole analysis.
func timestamps(src string, n int) []string {
	const size, colon = 19, 13
	var out []string
	next := 0 // where the previous match ended: matches do not overlap
	for i := 0; len(out) < n; {
		c := strings.IndexByte(src[i:], ':')
		if c < 0 {
			break
		}
		c += i
		i = c + 1
		start := c - colon
		if start < next || start+size > len(src) {
			continue
		}
		if s := src[start : start+size]; isTimestamp(s) {
			out = append(out, s)
			next = start + size
		}
	}
	return out
}

// isTimestamp tells whether the 19 bytes of s are YYYY-MM-DD or DD.MM.YYYY, then T or a space,
// then hh:mm:ss, all in ASCII digits.
func isTimestamp(s string) bool {
	date := digits(s[0:4]) && s[4] == '-' && digits(s[5:7]) && s[7] == '-' && digits(s[8:10]) ||
		digits(s[0:2]) && s[2] == '.' && digits(s[3:5]) && s[5] == '.' && digits(s[6:10])
	return date && (s[10] == 'T' || s[10] == ' ') && digits(s[11:13]) && s[13] == ':' && digits(s[14:16]) &&
		s[16] == ':' && digits(s[17:19])
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// source is the page rendered back to HTML, once.
func (p *page) source() string {
	if p.html == "" {
		p.html, _ = p.doc.Html()
	}
	return p.html
}

// linkURLDate reads a date from the canonical URL, og:url or the og:image URL.
func (p *page) linkURLDate() (Stamp, string, bool) {
	for _, sel := range []string{`link[rel="canonical"]`, `meta[property="og:url"]`, `meta[property="og:image"]`} {
		s := p.doc.Find(sel).First()
		v := attrOr(s, "href", "content")
		if v == "" || v == p.url {
			continue
		}
		if u, err := url.Parse(v); err == nil {
			var got []cand
			urlDate(u.String(), func(c cand) { got = append(got, c) })
			if len(got) > 0 {
				return got[0].st, v, true
			}
		}
	}
	return Stamp{}, "", false
}

// freeTextDate reads the short text segments of the page (6 to 52 characters, as htmldate) and
// returns the oldest date among them.
func (p *page) freeTextDate() (Stamp, string, bool) {
	var best Stamp
	var raw string
	var walk func(n *html.Node, parent string)
	walk = func(n *html.Node, parent string) {
		switch n.Type {
		case html.TextNode:
			switch parent {
			case "div", "h2", "h3", "h4", "li", "p", "span", "time", "ul", "td", "small", "em", "b", "strong", "a":
			default:
				return
			}
			t := strings.Join(strings.Fields(n.Data), " ")
			if l := len([]rune(t)); l <= 6 || l >= 52 {
				return
			}
			if st, ok := parseText(t); ok && (best.IsZero() || st.Time.Before(best.Time)) {
				best, raw = st, t
			}
			return
		case html.ElementNode:
			if skipTags[n.Data] {
				return
			}
			parent = n.Data
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, parent)
		}
	}
	if len(p.doc.Nodes) > 0 {
		walk(p.doc.Nodes[0], "")
	}
	return best, raw, !best.IsZero()
}

// pagePattern counts the full dates written anywhere in the page's markup and returns the most
// frequent one (the earliest on a tie).
func (p *page) pagePattern() (Stamp, string, bool) {
	src := p.source()
	counts := map[string]int{}
	stamps := map[string]Stamp{}
	for _, d := range findTextDates(src, false) {
		k := d.st.Date()
		counts[k]++
		stamps[k] = d.st
	}
	if len(counts) == 0 {
		return Stamp{}, "", false
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return stamps[keys[0]], keys[0], true
}

// changeLine reports a text whose date is labelled as a change ("last modified on 4 November").
func changeLine(text string) bool {
	head := text
	if i := strings.IndexAny(text, "0123456789"); i >= 0 {
		head = text[:i]
	}
	return modifiedLabel().MatchString(head) || strings.Contains(strings.ToLower(text), "update")
}
