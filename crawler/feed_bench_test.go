package crawler

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParseFeed100k measures reading a feed of 100,000 items (about 10 MB, the
// default max_body_bytes): go test ./crawler -run '^$' -bench ParseFeed100k -benchtime 3x
func BenchmarkParseFeed100k(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
	for i := range 100000 {
		fmt.Fprintf(&sb, `<item><title>%d</title><link>https://x.example/news/%d</link><pubDate>Wed, 05 Nov 2025 17:05:00 +0300</pubDate></item>`, i, i)
	}
	sb.WriteString(`</channel></rss>`)
	body := []byte(sb.String())
	b.ReportAllocs()
	for b.Loop() {
		parseFeed(body)
	}
}
