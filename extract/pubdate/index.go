package pubdate

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// index holds the elements the finders read on every page, gathered in one walk of the tree.
// A goquery Find walks the whole tree once per selector, and Find asked for a dozen of them on
// each page: their matching was a third of Find's time. Each field is what its selector (in the
// comment) returns from the document, in document order.
type index struct {
	metas     []*html.Node // meta
	itemprops []*html.Node // [itemprop] other than meta
	times     []*html.Node // time
	// dateformat[time] inside .news-header or .news-header__date: the first; and all of them.
	tassHeader  *html.Node
	dateformats []*html.Node
	h1          *html.Node // h1, the first
	mainH1      *html.Node // "article h1, main h1, [role=main] h1", the first
	articleH1   *html.Node // "article h1, main h1", the first
	lang        string     // lang of the first html
	locale      string     // content of the first meta[property="og:locale"]
}

// ancestry is what the selectors of index ask of an element's ancestors.
type ancestry struct {
	articleOrMain, roleMain, newsHeader bool
}

func newIndex(doc *goquery.Document) *index {
	x := &index{}
	if len(doc.Nodes) == 0 {
		return x
	}
	var htmlSeen, localeSeen bool
	var walk func(n *html.Node, up ancestry)
	walk = func(n *html.Node, up ancestry) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "meta":
				x.metas = append(x.metas, n)
				if !localeSeen && hasAttrValue(n, "property", "og:locale") {
					x.locale, localeSeen = attr(n, "content"), true
				}
			case "time":
				x.times = append(x.times, n)
			case "dateformat":
				if hasAttr(n, "time") {
					x.dateformats = append(x.dateformats, n)
					if up.newsHeader && x.tassHeader == nil {
						x.tassHeader = n
					}
				}
			case "h1":
				x.h1 = firstOf(x.h1, n)
				if up.articleOrMain {
					x.articleH1 = firstOf(x.articleH1, n)
				}
				if up.articleOrMain || up.roleMain {
					x.mainH1 = firstOf(x.mainH1, n)
				}
			case "html":
				if !htmlSeen {
					x.lang, htmlSeen = attr(n, "lang"), true
				}
			}
			if n.Data != "meta" && hasAttr(n, "itemprop") {
				x.itemprops = append(x.itemprops, n)
			}
			up = ancestry{
				articleOrMain: up.articleOrMain || n.Data == "article" || n.Data == "main",
				roleMain:      up.roleMain || hasAttrValue(n, "role", "main"),
				newsHeader:    up.newsHeader || hasClass(n, "news-header") || hasClass(n, "news-header__date"),
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, up)
		}
	}
	walk(doc.Nodes[0], ancestry{})
	return x
}

// firstOf keeps the first node seen.
func firstOf(first, n *html.Node) *html.Node {
	if first != nil {
		return first
	}
	return n
}

// attr is goquery's AttrOr(key, ""): the value of the first attribute named key.
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hasAttr is the selector [key].
func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// hasAttrValue is the selector [key="val"].
func hasAttrValue(n *html.Node, key, val string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Val == val {
			return true
		}
	}
	return false
}

// hasClass is the selector .class: a class attribute holding the word.
func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key != "class" {
			continue
		}
		for s := a.Val; s != ""; {
			i := strings.IndexAny(s, " \t\r\n\f")
			if i < 0 {
				if s == class {
					return true
				}
				break
			}
			if s[:i] == class {
				return true
			}
			s = s[i+1:]
		}
	}
	return false
}

// selection wraps one node for the finders written against goquery.
func selection(n *html.Node) *goquery.Selection { return &goquery.Selection{Nodes: []*html.Node{n}} }
