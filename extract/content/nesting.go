package content

import (
	"bytes"
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxDepth is how deep flattenDeep lets elements nest. The HTML parser refuses a page whose stack
// of open elements exceeds 512; its stack can be deeper than the tags' own nesting (implied html,
// head, body, reopened formatting elements), hence the margin.
const maxDepth = 256

// flattenDeep rewrites a page so that no element nests deeper than maxDepth: start tags beyond it
// are dropped with their end tags, their text kept. Six hundred unclosed <span>s before an article
// must not cost the article. It returns the page unchanged when nothing was dropped.
func flattenDeep(page []byte) ([]byte, int) {
	z := html.NewTokenizer(bytes.NewReader(page))
	var out bytes.Buffer
	out.Grow(len(page))
	var open []atom.Atom // the open elements, innermost last (unknown tags by name hash 0)
	var names []string
	dropped := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if z.Err() != io.EOF {
				return page, 0
			}
			break
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if voidElements[a] {
				break
			}
			if len(open) >= maxDepth {
				dropped++
				continue
			}
			open, names = append(open, a), append(names, string(name))
		case html.EndTagToken:
			name, _ := z.TagName()
			i := len(names) - 1
			for i >= 0 && names[i] != string(name) {
				i--
			}
			if i < 0 {
				continue // the end tag of a dropped start tag, or a stray one
			}
			open, names = open[:i], names[:i]
		}
		out.Write(raw)
	}
	if dropped == 0 {
		return page, 0
	}
	return out.Bytes(), dropped
}

// voidElements never have an end tag, so they do not nest.
var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true, atom.Param: true, atom.Keygen: true,
}
