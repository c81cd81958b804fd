package crawler

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"testing"
)

// Fuzz targets for what a site controls entirely: feeds, sitemaps, start pages, robots.txt
// and the compressed bytes of any answer. None may panic, and what they yield must stay
// usable: URLs the frontier can hold, a robots delay that is not negative, a body within the
// cap. Smoke runs: go test -tags sqlite_fts5 ./crawler -run '^$' -fuzz '^FuzzX$' -fuzztime 10s

const fuzzBase = "https://tass.example/"

func seedDocuments(f *testing.F) {
	f.Add([]byte(rssFeed("https://tass.example", 1, 2, 3)))
	f.Add([]byte(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link href="/news/1"/><updated>2026-12-01T10:00:00Z</updated></entry></feed>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>` + "\xd0\xff" + `</title>
<item><link>news/2</link><pubDate>Wed, 21 Oct 2020 13:00:00 +0300</pubDate></item></channel></rss>`))
	f.Add([]byte(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://tass.example/news/1</loc><news:news><news:publication_date>2026-12-01T10:00:00+03:00</news:publication_date></news:news></url>
<url><loc> /news/2 </loc><lastmod>2026-12-01</lastmod></url></urlset>`))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://tass.example/a.xml.gz</loc><lastmod>2026-12-01</lastmod></sitemap>
<sitemap><loc>b.xml</loc></sitemap></sitemapindex>`))
	f.Add([]byte(`<html><head><base href="/x/"><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head>
<body><a href="news/1">one</a><a href="javascript:void(0)">x</a><a href="//other.example/news/2">two</a></body></html>`))
	f.Add([]byte("\xef\xbb\xbf<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY e 'x'>]><rss><channel><item><link>&e;</link></item></channel></rss>"))
}

// checkParsed asserts what every parsed document must satisfy, then runs the items through
// the same filter a crawl does.
func checkParsed(t *testing.T, p parsed, err error) {
	if err != nil {
		return
	}
	r := &run{opt: Options{}.withDefaults()}
	src := &Source{Name: "fuzz", AllowedHosts: []string{"tass.example"}}
	for _, kind := range []docKind{kindFeed, kindSitemap} {
		for _, it := range r.candidates(src, kind, fuzzBase, p.items) {
			u, err := url.Parse(it.URL)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() != "tass.example" {
				t.Fatalf("candidate %q is not an http(s) URL on the source's host", it.URL)
			}
			if normalize(it.URL) != it.URL {
				t.Fatalf("candidate %q is not normalized (%q)", it.URL, normalize(it.URL))
			}
		}
	}
	for _, s := range p.sitemaps {
		if abs, err := resolve(fuzzBase, s.URL); err == nil {
			normalize(abs)
		}
	}
}

func FuzzFeed(f *testing.F) {
	seedDocuments(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parseDocument(kindFeed, fuzzBase, body)
		checkParsed(t, p, err)
	})
}

func FuzzSitemap(f *testing.F) {
	seedDocuments(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parseDocument(kindSitemap, fuzzBase, body)
		checkParsed(t, p, err)
		for i := 1; i < len(p.sitemaps); i++ {
			if p.sitemaps[i].LastMod.After(p.sitemaps[i-1].LastMod) {
				t.Fatalf("sitemap index children not newest first: %v", p.sitemaps)
			}
		}
	})
}

func FuzzStartPage(f *testing.F) {
	seedDocuments(f)
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := parseDocument(kindPage, fuzzBase, body)
		checkParsed(t, p, err)
	})
}

func FuzzRobots(f *testing.F) {
	f.Add(200, []byte("User-agent: *\nDisallow: /search\nCrawl-delay: 2\nSitemap: https://tass.example/sitemap.xml\n"), "/search?q=1")
	f.Add(200, []byte("User-agent: armswatch-test\nDisallow: /\n\nUser-agent: *\nAllow: /\n"), "/news/1")
	f.Add(200, []byte("User-agent: *\nCrawl-delay: -5\nDisallow: /*.pdf$\nAllow: /a/*/b\n"), "/x.pdf")
	f.Add(404, []byte("<html>not found</html>"), "/")
	f.Add(200, []byte("\xef\xbb\xbfUser-agent: *\r\nDisallow: /%E4%B8%AD\r\n"), "/中")
	f.Fuzz(func(t *testing.T, status int, body []byte, path string) {
		if status < 200 || status > 599 {
			status = 200 + (status%400+400)%400
		}
		var h hostRobots
		h.parse(status, body, "armswatch-test/1.0")
		if h.delay < 0 {
			t.Fatalf("negative crawl delay %s", h.delay)
		}
		if u, err := url.Parse("https://tass.example" + path); err == nil {
			h.allowed(u)
		}
		if status >= 400 && status < 500 && h.group != nil && !h.allowed(&url.URL{Path: "/"}) {
			t.Fatalf("a %d robots.txt disallowed /", status)
		}
	})
}

// FuzzDecode feeds arbitrary bytes under each encoding: reading must end (with the document,
// a too-large error or an undecodable error), never yield more than the cap, and only ever
// fail with one of the errors the fetcher knows how to record.
func FuzzDecode(f *testing.F) {
	f.Add([]byte("<html>plain</html>"), "", "text/html", "/a")
	f.Add(gz("<urlset></urlset>"), "", "application/x-gzip", "/s.xml.gz")
	f.Add(gz(strings.Repeat("x", 5000)), "gzip", "text/html", "/a")
	f.Add(deflateBomb(2<<20), "deflate", "text/html", "/a")
	f.Add(gzipBomb(2<<20), "gzip, gzip", "text/html", "/a.gz")
	f.Add([]byte{0x78, 0x9c, 0x03, 0x00}, "deflate", "", "/a")
	f.Add([]byte("x"), "br", "", "/a")
	const limit = 4096
	f.Fuzz(func(t *testing.T, body []byte, encoding, contentType, path string) {
		rc, err := decodeBody(io.NopCloser(bytes.NewReader(body)), encoding, contentType, path, limit)
		if err != nil {
			if !errors.Is(err, errEncoding) {
				t.Fatalf("decodeBody: %v is not an undecodable error", err)
			}
			return
		}
		out, err := io.ReadAll(io.LimitReader(rc, 64*limit))
		if len(out) > limit+1 {
			t.Fatalf("%d bytes decoded, cap %d", len(out), limit)
		}
		if err == nil && len(out) > limit {
			t.Fatalf("over the cap without an error")
		}
		// A cut stream is io.ErrUnexpectedEOF (worth another attempt on the network); the
		// decoders' own errors must come marked as undecodable.
		if err != nil && !errors.Is(err, errTooLarge) && !errors.Is(err, errEncoding) && !errors.Is(err, io.ErrUnexpectedEOF) {
			t.Fatalf("unexpected read error %T %v", err, err)
		}
	})
}
