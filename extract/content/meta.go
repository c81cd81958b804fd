package content

import (
	"net/url"
	"regexp"
	"strings"
	"sync"

	"github.com/PuerkitoBio/goquery"
	"github.com/RadhiFadlillah/whatlanggo"
)

// fillMetadata completes what the profile (or the extractor) left empty from the page's metadata:
// JSON-LD, Open Graph and other meta tags, the <title> and the <h1>.
func fillMetadata(doc *goquery.Document, ld map[string]any, pageURL, host string, r *Result) {
	if r.Title == "" {
		r.Title = pageTitle(doc, ld, host)
	}
	if len(r.Authors) == 0 {
		r.Authors = pageAuthors(doc, ld)
	}
	if r.Section == "" {
		r.Section = pageSection(doc, ld)
	}
	if r.Language == "" {
		r.Language = pageLanguage(doc, ld, r.Paragraphs)
	}
	r.CanonicalURL = canonical(doc, pageURL)
}

// titleSeps split a <title> into headline and site-name parts.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / "}

// pageTitle is the headline: the <h1> when the <title> or og:title starts with it, else og:title /
// JSON-LD headline / <title> with the trailing site-name parts cut.
func pageTitle(doc *goquery.Document, ld map[string]any, host string) string {
	raw := cleanText(attr(doc, `meta[property="og:title"]`, "content"))
	if raw == "" && ld != nil {
		if h, ok := ld["headline"].(string); ok {
			raw = cleanText(h)
		}
	}
	docTitle := cleanText(firstOf(doc, "title").Text())
	if raw == "" {
		raw = docTitle
	}
	h1s := find(doc.Selection, "h1")
	for i := range h1s.Nodes {
		h := nodeText(h1s.Nodes[i], nil)
		if h != "" && len(h) < 300 && (strings.HasPrefix(raw, h) || strings.HasPrefix(docTitle, h)) {
			return h
		}
	}
	return stripSiteName(raw, siteNames(doc, ld, host))
}

// stripSiteName cuts trailing (or leading) parts of a title that name the site.
func stripSiteName(title string, names []string) string {
	for changed := true; changed; {
		changed = false
		for _, sep := range titleSeps {
			i := strings.LastIndex(title, sep)
			if i > 0 && isSiteName(title[i+len(sep):], names) {
				title, changed = strings.TrimSpace(title[:i]), true
			}
			j := strings.Index(title, sep)
			if j > 0 && isSiteName(title[:j], names) {
				title, changed = strings.TrimSpace(title[j+len(sep):]), true
			}
		}
	}
	return title
}

func isSiteName(part string, names []string) bool {
	k := nameKey(part)
	if k == "" {
		return false
	}
	for _, n := range names {
		if n != "" && (k == n || strings.HasPrefix(n, k) && len(k) >= 4 || strings.HasPrefix(k, n) && len(n) >= 4) {
			return true
		}
	}
	return false
}

// nameKey reduces a name to lowercase letters and digits, so "TASS" matches "tass.com".
func nameKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 && r != 0xa0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func siteNames(doc *goquery.Document, ld map[string]any, host string) []string {
	names := []string{nameKey(attr(doc, `meta[property="og:site_name"]`, "content")),
		nameKey(attr(doc, `meta[name="application-name"]`, "content"))}
	if ld != nil {
		for _, n := range ldNames(ld["publisher"]) {
			names = append(names, nameKey(n))
		}
	}
	if host != "" {
		labels := strings.Split(host, ".")
		names = append(names, nameKey(host))
		if len(labels) >= 2 {
			names = append(names, nameKey(labels[len(labels)-2]))
		}
	}
	return names
}

func pageAuthors(doc *goquery.Document, ld map[string]any) []string {
	var raw []string
	if ld != nil {
		raw = ldNames(ld["author"])
	}
	if len(raw) == 0 {
		findWhere(doc, `meta[name="author"], meta[property="article:author"], meta[name="byl"], meta[name="dc.creator"], meta[name="DC.creator"]`, isMeta).Each(func(_ int, s *goquery.Selection) {
			v, _ := s.Attr("content")
			raw = append(raw, v)
		})
	}
	if len(raw) == 0 {
		findWhere(doc, `[itemprop="author"] [itemprop="name"], [rel="author"]`, hasItempropOrRel).Each(func(_ int, s *goquery.Selection) {
			raw = append(raw, s.Text())
		})
	}
	authors := []string{}
	seen := map[string]bool{}
	for _, r := range raw {
		for _, a := range splitAuthors(r) {
			if !seen[a] {
				seen[a] = true
				authors = append(authors, a)
			}
		}
	}
	return authors
}

var byRe = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(by|von|par|por|автор:?)\s+`)
})

// splitAuthors splits a byline into names, dropping "By", URLs and things too long to be a name.
func splitAuthors(s string) []string {
	s = byRe().ReplaceAllString(cleanText(s), "")
	var out []string
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '|' }) {
		for _, a := range strings.Split(part, " and ") {
			a = strings.TrimSpace(a)
			if a == "" || len(a) > 60 || strings.Contains(a, "://") || strings.HasPrefix(a, "@") {
				continue
			}
			out = append(out, a)
		}
	}
	return out
}

func pageSection(doc *goquery.Document, ld map[string]any) string {
	if s := cleanText(attr(doc, `meta[property="article:section"]`, "content")); s != "" {
		return s
	}
	if ld != nil {
		if s := ldStrings(ld["articleSection"]); len(s) > 0 {
			return cleanText(s[0])
		}
	}
	return ""
}

// pageLanguage is the declared language (html lang, Content-Language, og:locale, JSON-LD), else the
// language detected from the body.
func pageLanguage(doc *goquery.Document, ld map[string]any, paras []string) string {
	declared := []string{
		attr(doc, "html", "lang"), attr(doc, "html", "xml:lang"),
		attr(doc, `meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]`, "content"),
		attr(doc, `meta[property="og:locale"]`, "content"),
	}
	if ld != nil {
		declared = append(declared, ldStrings(ld["inLanguage"])...)
	}
	for _, l := range declared {
		l = strings.ToLower(strings.TrimSpace(l))
		if len(l) >= 2 && validLang(l[:2]) && (len(l) == 2 || l[2] == '-' || l[2] == '_') {
			return l[:2]
		}
	}
	text := strings.Join(paras, " ")
	if len(text) > 2000 {
		text = text[:2000]
	}
	if len(text) < 40 {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}

func canonical(doc *goquery.Document, pageURL string) string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return pageURL
	}
	for _, sel := range [][2]string{{`link[rel="canonical"]`, "href"}, {`meta[property="og:url"]`, "content"}} {
		c := strings.TrimSpace(attr(doc, sel[0], sel[1])) // og:url only when needed
		if c == "" {
			continue
		}
		if ref, err := url.Parse(c); err == nil {
			return base.ResolveReference(ref).String()
		}
	}
	return pageURL
}

// attr is the attribute name of the first element sel matches (find(...).First().Attr), found
// by a walk that stops there.
func attr(doc *goquery.Document, sel, name string) string {
	n := firstMatch(doc.Selection.Nodes, selector(sel), nil)
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == name {
			return a.Val
		}
	}
	return ""
}
