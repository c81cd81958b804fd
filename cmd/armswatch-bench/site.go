package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// site is a loopback news site of n articles, /news/1 to /news/n, listed in /rss.xml. Article i
// is corpus page (i-1) mod len(pages), with a comment naming the copy, so that 5,000 articles
// can be made of the 990 corpus pages and no two are the same bytes.
type site struct {
	*httptest.Server
	pages []page
	n     int
}

var newsPath = regexp.MustCompile(`^/news/(\d+)$`)

func newSite(pages []page, n int) *site {
	s := &site{pages: pages, n: n}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/robots.txt":
		fmt.Fprint(w, "User-agent: *\nAllow: /\n")
		return
	case "/rss.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(s.feed())
		return
	}
	m := newsPath.FindStringSubmatch(r.URL.Path)
	i := 0
	if m != nil {
		i, _ = strconv.Atoi(m[1])
	}
	if i < 1 || i > s.n {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html")
	w.Write(s.article(i).html)
}

// article is article i (1 to n) as the site serves it: its bytes and its URL.
func (s *site) article(i int) page {
	html := append([]byte(nil), s.pages[(i-1)%len(s.pages)].html...)
	html = fmt.Appendf(html, "\n<!-- armswatch-bench copy %d -->\n", i)
	return page{url: fmt.Sprintf("%s/news/%d", s.URL, i), html: html}
}

func (s *site) feed() []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title>`)
	for i := 1; i <= s.n; i++ {
		fmt.Fprintf(&b, `<item><title>Article %d</title><link>%s/news/%d</link><pubDate>Wed, 05 Nov 2025 17:05:00 +0300</pubDate></item>`, i, s.URL, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// crawlConfig writes a config crawling the site into dir/bench.db as fast as the crawler goes,
// and returns its path.
func crawlConfig(dir, base string) (string, error) {
	cfg := fmt.Sprintf(`database = %q
[crawl]
parallelism = 4
delay = "0s"
random_delay = "0s"
timeout = "30s"
max_body_bytes = 16777216
max_pages_per_run = 100000
max_pages_per_host = 100000
allow_private_addresses = true
[[sources]]
name = "bench"
feeds = ["%[2]s/rss.xml"]
article_pattern = '^%[3]s/news/\d+$'
`, filepath.Join(dir, "bench.db"), base, regexp.QuoteMeta(base))
	path := filepath.Join(dir, "config.toml")
	if err := os.WriteFile(path, []byte(cfg), 0o644); err != nil {
		return "", fmt.Errorf("crawl config: %w", err)
	}
	return path, nil
}

// bigPage is an article of about size bytes made of one paragraph of ordinary reporting,
// repeated: the page of extract's BenchmarkPage10MiB.
func bigPage(size int) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><meta charset=utf-8><title>Talks</title></head><body><article><h1>Talks</h1>\n")
	for i := 0; b.Len() < size; i++ {
		fmt.Fprintf(&b, "<p>Officials met again on Monday to discuss the schedule of round %d, a spokesman told reporters in Geneva.</p>\n", i)
	}
	b.WriteString("</article></body></html>")
	return []byte(b.String())
}
