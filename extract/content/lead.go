package content

import (
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// recoverLead puts back the article's lead paragraph when the extractor dropped it. Main-content
// extractors often miss the standfirst because sites put it in the header block beside the headline,
// outside the container they pick. The page's meta description usually repeats the lead: when an
// element of the visible page holds that text and the body does not, its text opens the body.
func recoverLead(doc *goquery.Document, paras []string) []string {
	if len(paras) == 0 {
		return paras
	}
	desc := description(doc)
	key := leadKey(desc)
	if key == "" {
		return paras
	}
	for _, p := range paras {
		if strings.Contains(p, key) {
			return paras
		}
	}
	lead := leadElement(doc, key, utf8.RuneCountInString(desc))
	if lead == "" {
		return paras
	}
	return append([]string{lead}, paras...)
}

func description(doc *goquery.Document) string {
	for _, sel := range []string{`meta[property="og:description"]`, `meta[name="description"]`, `meta[name="twitter:description"]`} {
		if d := cleanText(attr(doc, sel, "content")); d != "" {
			return d
		}
	}
	return ""
}

// leadKey is the start of a description long enough to identify the lead: its first 60
// characters, cut at a word boundary, without a truncation mark.
func leadKey(desc string) string {
	desc = strings.TrimRight(desc, ".… ")
	if utf8.RuneCountInString(desc) < 40 {
		return ""
	}
	r := []rune(desc)
	if len(r) > 60 {
		r = r[:60]
	}
	k := string(r)
	if i := strings.LastIndexByte(k, ' '); i > 30 {
		k = k[:i]
	}
	return k
}

// leadElement finds the innermost visible block whose text contains key and is not much longer
// than the description, outside navigation, headers of the site, asides and footers.
func leadElement(doc *goquery.Document, key string, descLen int) string {
	limit := 2*descLen + 80
	var best *html.Node
	// walk returns the byte length of the text under n, so that only blocks short enough to be
	// the lead have their text built.
	var walk func(n *html.Node, boiler bool) int
	walk = func(n *html.Node, boiler bool) int {
		if n.Type == html.TextNode {
			return len(n.Data)
		}
		if n.Type == html.ElementNode {
			if skipTags[n.DataAtom] {
				return 0
			}
			switch n.DataAtom {
			case atom.Nav, atom.Footer, atom.Aside, atom.Form, atom.A:
				boiler = true
			}
		}
		size := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			size += walk(c, boiler)
		}
		if boiler || best != nil || n.Type != html.ElementNode || !blockTags[n.DataAtom] || size > 3*limit {
			return size
		}
		t := nodeText(n, nil)
		if strings.Contains(t, key) && utf8.RuneCountInString(t) <= limit {
			best = n
		}
		return size
	}
	walk(doc.Nodes[0], false)
	if best == nil {
		return ""
	}
	return nodeText(best, nil)
}
