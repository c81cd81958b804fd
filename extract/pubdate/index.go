package pubdate

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// index holds the elements the finders read on every page, gathered in one walk of the tree,
// and the page's visible text, read on the same walk (the headline and labelled searches need it
// on 95% of pages). A goquery Find walks the whole tree once per selector, and Find asked for a
// dozen of them on each page: their matching was a third of Find's time. Each element field is
// what its selector (in the comment) returns from the document, in document order.
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
	run         textRun    // the visible text, with the place of headline()
}

// ancestry is what the selectors of index ask of an element's ancestors.
type ancestry struct {
	articleOrMain, roleMain, newsHeader bool
}

func newIndex(doc *goquery.Document) *index {
	x := &index{run: textRun{h1: -1, h1End: -1}}
	if len(doc.Nodes) == 0 {
		return x
	}
	w := &indexWalk{x: x, h1Span: [2]int{-1, -1}, mainSpan: [2]int{-1, -1}}
	w.walk(doc.Nodes[0], ancestry{}, true)
	w.finish()
	return x
}

// indexWalk is the state of newIndex's walk. The text is laid out as it goes (each visible
// node's offsets; a space before and after each visible node other than text) and written
// once at the end, at its final size.
type indexWalk struct {
	x                *index
	htmlSeen, locale bool
	size             int      // bytes of visible text so far
	pieces           []string // the visible text nodes, at r.nodes' offsets
	h1Span, mainSpan [2]int   // offsets of the first h1 and of the first article/main h1 (-1: not visible)
}

// walk visits n; visible is false inside the elements the text leaves out (skipTags, comments).
func (w *indexWalk) walk(n *html.Node, up ancestry, visible bool) {
	x, r := w.x, &w.x.run
	if n.Type == html.TextNode {
		if visible {
			r.nodes = append(r.nodes, w.size, w.size+len(n.Data))
			w.pieces = append(w.pieces, n.Data)
			w.size += len(n.Data)
		}
		return
	}
	var h1, mainH1 bool // n is the first h1, the first article/main h1
	if n.Type == html.ElementNode {
		switch n.Data {
		case "meta":
			x.metas = append(x.metas, n)
			if !w.locale && hasAttrValue(n, "property", "og:locale") {
				x.locale, w.locale = attr(n, "content"), true
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
			h1 = x.h1 == nil
			x.h1 = firstOf(x.h1, n)
			if up.articleOrMain {
				x.articleH1 = firstOf(x.articleH1, n)
			}
			if (up.articleOrMain || up.roleMain) && x.mainH1 == nil {
				x.mainH1, mainH1 = n, true
			}
		case "html":
			if !w.htmlSeen {
				x.lang, w.htmlSeen = attr(n, "lang"), true
			}
		}
		if n.Data != "meta" && hasAttr(n, "itemprop") {
			x.itemprops = append(x.itemprops, n)
		}
		up = ancestry{
			articleOrMain: up.articleOrMain || n.Data == "article" || n.Data == "main",
			roleMain:      up.roleMain || hasAttrValue(n, "role", "main"),
			newsHeader:    up.newsHeader || newsHeader(n),
		}
		visible = visible && !skipTags[n.Data] && !commentMarked(n)
		if visible && n.Data == "time" {
			for _, a := range n.Attr {
				if a.Key == "datetime" {
					r.times = append(r.times, timeAt{w.size, a.Val})
				}
			}
		}
	}
	start := w.size
	if visible {
		w.size++
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, up, visible)
	}
	if visible {
		w.size++
		if h1 {
			w.h1Span = [2]int{start, w.size}
		}
		if mainH1 {
			w.mainSpan = [2]int{start, w.size}
		}
	}
}

// finish writes the text and places the headline in it.
func (w *indexWalk) finish() {
	r := &w.x.run
	var b strings.Builder
	b.Grow(w.size)
	at := 0
	for i, p := range w.pieces {
		writeSpaces(&b, r.nodes[2*i]-at)
		b.WriteString(p)
		at = r.nodes[2*i+1]
	}
	writeSpaces(&b, w.size-at)
	r.text = b.String()
	span := w.h1Span
	if w.x.mainH1 != nil {
		span = w.mainSpan
	}
	r.h1, r.h1End = span[0], span[1]
}

func writeSpaces(b *strings.Builder, n int) {
	const spaces = "                                                                "
	for ; n > len(spaces); n -= len(spaces) {
		b.WriteString(spaces)
	}
	b.WriteString(spaces[:n])
}

// commentMarked reports an element whose class or id names a comment: reader comments are not
// the page's text.
func commentMarked(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && strings.Contains(strings.ToLower(a.Val), "comment") {
			return true
		}
	}
	return false
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

// newsHeader is the selector ".news-header, .news-header__date".
func newsHeader(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.Contains(a.Val, "news-header") {
			return hasClass(n, "news-header") || hasClass(n, "news-header__date")
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
