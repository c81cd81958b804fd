package extract

import (
	"fmt"
	"strings"
)

// hugePage is a generic article page of n short paragraphs, each a reported statement with a
// date and a figure, so that every analyzer has work on every paragraph.
func hugePage(n int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=utf-8><title>Talks on strategic arms</title></head><body><article><h1>Talks on strategic arms</h1>\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "<p>\"We will keep no more than %d deployed warheads,\" Sergey Ryabkov said on Monday, %d March. The New START treaty stays.</p>\n", 1000+i%900, 1+i%28)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}

func hugeText(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\"We will keep no more than %d deployed warheads,\" Sergey Ryabkov said on Monday, %d March. The New START treaty stays.\n\n", 1000+i%900, 1+i%28)
	}
	return b.String()
}
