package main

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Text from the database comes from web pages and is printed on terminals, mailed and opened in
// spreadsheets. A control character in it acts instead of showing (an ESC from a page title can
// set the window title, clear the screen or plant a link), and rows stored by older versions
// may hold any, so every command cleans what it prints whatever the database holds
// (docs/schema.md, "Control characters in output"):
//   - tables, text, Markdown and CSV show each C0 control (U+0000–U+001F), DEL (U+007F), C1
//     control (U+0080–U+009F) and byte that is not UTF-8 as U+FFFD; CSV cells keep newline and
//     tab, which quoting makes safe;
//   - JSON escapes them (\u001b): the value a script reads back is the stored one.

const replacement = "\uFFFD"

// visible replaces the control characters of s by U+FFFD; keepLines keeps newline and tab.
func visible(s string, keepLines bool) string {
	i := firstControl(s, keepLines)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		n := controlAt(s, i, keepLines)
		if n > 0 {
			b.WriteString(replacement)
			i += n
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		b.WriteString(s[i : i+size])
		i += size
	}
	return b.String()
}

// oneLine is visible for a single line: white space runs (newlines, tabs) become one space.
func oneLine(s string) string {
	return visible(strings.Join(strings.Fields(s), " "), false)
}

// firstControl returns the byte index of the first control character of s, or -1. It is the
// fast path: most cells have none and are returned as they are.
func firstControl(s string, keepLines bool) int {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		if controlAt(s, i, keepLines) > 0 {
			return i
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return -1
}

// controlAt returns the length in bytes of the control character (or invalid byte) at s[i],
// 0 when there is none.
func controlAt(s string, i int, keepLines bool) int {
	c := s[i]
	if c < utf8.RuneSelf {
		if (c < 0x20 || c == 0x7f) && !(keepLines && (c == '\n' || c == '\t')) {
			return 1
		}
		return 0
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if (r == utf8.RuneError && size == 1) || (r >= 0x80 && r <= 0x9f) {
		return size
	}
	return 0
}

// escapeJSONControls rewrites DEL and the C1 controls, which encoding/json writes raw, as \u
// escapes (it already escapes C0 and writes invalid UTF-8 as U+FFFD). Outside strings JSON
// holds only ASCII, so every such rune is inside a string, where the escape is the same value.
func escapeJSONControls(b []byte) []byte {
	i := bytes.IndexFunc(b, func(r rune) bool { return r == 0x7f || (r >= 0x80 && r <= 0x9f) })
	if i < 0 {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	out = append(out, b[:i]...)
	const hexDigits = "0123456789abcdef"
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) {
			out = append(out, '\\', 'u', '0', '0', hexDigits[r>>4], hexDigits[r&0xf])
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}
