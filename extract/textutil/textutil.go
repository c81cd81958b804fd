// Package textutil holds the small text helpers every analyzer shares: paragraph boundaries of a
// body and the offset bookkeeping the JSON contract demands (byte offsets into body, paragraph
// index of an item's start).
package textutil

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParagraphSep joins the paragraphs of a body.
const ParagraphSep = "\n\n"

// Paragraph is one paragraph of a body with its byte range.
type Paragraph struct {
	Index      int
	Start, End int
	Text       string
}

// Paragraphs splits body on ParagraphSep, keeping byte offsets.
func Paragraphs(body string) []Paragraph { return FirstParagraphs(body, -1) }

// FirstParagraphs is the first n paragraphs of Paragraphs (all when n < 0): those that look for
// a dateline at the start of a body need not split the whole body.
func FirstParagraphs(body string, n int) []Paragraph {
	var out []Paragraph
	start := 0
	for i := 0; i != n; i++ {
		j := strings.Index(body[start:], ParagraphSep)
		if j < 0 {
			out = append(out, Paragraph{Index: i, Start: start, End: len(body), Text: body[start:]})
			return out
		}
		out = append(out, Paragraph{Index: i, Start: start, End: start + j, Text: body[start : start+j]})
		start += j + len(ParagraphSep)
	}
	return out
}

// Join builds a body from paragraphs, dropping empty ones.
func Join(paras []string) string {
	kept := paras[:0:0]
	for _, p := range paras {
		if p = strings.TrimSpace(StripControls(p)); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, ParagraphSep)
}

// Locator answers "which paragraph holds this offset" for many offsets of one body in O(log n)
// each; counting separators from the start turns quadratic over a long transcript's items.
type Locator []int // start offset of each paragraph

// NewLocator indexes the paragraphs of body.
func NewLocator(body string) Locator {
	l := Locator{0}
	for i := 0; ; {
		j := strings.Index(body[i:], ParagraphSep)
		if j < 0 {
			return l
		}
		i += j + len(ParagraphSep)
		l = append(l, i)
	}
}

// At returns the 0-based index of the paragraph in which offset lies .
func (l Locator) At(offset int) int {
	return sort.SearchInts(l, offset+1) - 1
}

// LastWord returns the run of letters that ends s ("" when s ends with another character).
func LastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	return s[i:]
}

// LastField returns the last whitespace-separated field of s ("said," for "he said,"), or "".
func LastField(s string) string {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:]
}

// StripControls removes the control characters a page may smuggle into text (ESC and BEL that
// drive a terminal, the C1 codes, DEL), keeping newlines and tabs, and replaces invalid UTF-8 with
// U+FFFD. Body text passes through it in Join, before any offset into the body is taken, so
// offsets stay consistent.
func StripControls(s string) string {
	if clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		if !isControl(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// clean reports whether s is valid UTF-8 without control characters (the common case: no copy).
func clean(s string) bool {
	for i, r := range s {
		if isControl(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return false
		}
	}
	return true
}

// isControl is a C0 control other than newline and tab, DEL, or a C1 control.
func isControl(r rune) bool {
	return r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f
}
