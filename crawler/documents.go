package crawler

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/mmcdole/gofeed"
	"github.com/mmcdole/gofeed/rss"
)

// docKind is what a discovery document is expected to be; XML is sniffed, so a sitemap
// listed among feeds still works.
type docKind int

const (
	kindFeed docKind = iota
	kindSitemap
	kindPage
)

// parsed is what a discovery document yields.
type parsed struct {
	items    []Item
	sitemaps []sitemapRef // children of a sitemap index
	feeds    []string     // <link rel="alternate"> feeds of a start page
}

type sitemapRef struct {
	URL     string
	LastMod time.Time
}

func parseDocument(kind docKind, base string, body []byte) (parsed, error) {
	if kind == kindPage && !looksXML(body) {
		return parsePage(base, body)
	}
	switch rootElement(body) {
	case "urlset":
		return parseURLSet(body)
	case "sitemapindex":
		return parseSitemapIndex(body)
	}
	return parseFeed(body)
}

func looksXML(body []byte) bool {
	t := bytes.TrimSpace(body)
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	return bytes.HasPrefix(t, []byte("<?xml")) || bytes.HasPrefix(t, []byte("<rss")) || bytes.HasPrefix(t, []byte("<feed")) ||
		bytes.HasPrefix(t, []byte("<urlset")) || bytes.HasPrefix(t, []byte("<sitemapindex"))
}

// rootElement returns the local name of the first XML element ("" when not XML).
func rootElement(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	for i := 0; i < 64; i++ {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
	return ""
}

// parseFeed reads an RSS, Atom or JSON feed. RSS, the large feeds in practice, is read with
// gofeed's RSS parser and its items turned straight into ours: gofeed's universal Feed would
// hold a second, larger struct per item (and its default translator HTML-parses every item's
// description for an image), which doubled the live heap of a 100,000-item feed.
func parseFeed(body []byte) (parsed, error) {
	if gofeed.DetectFeedType(bytes.NewReader(body[:min(len(body), 4096)])) == gofeed.FeedTypeRSS {
		rf, err := (&rss.Parser{}).Parse(bytes.NewReader(body))
		if err != nil {
			return parsed{}, err
		}
		return rssItems(rf), nil
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return parsed{}, err
	}
	var p parsed
	for _, it := range f.Items {
		pub := it.PublishedParsed
		if pub == nil {
			pub = it.UpdatedParsed
		}
		p.add(it.Link, it.Links, pub)
	}
	return p, nil
}

// rssItems keeps the little the crawler uses of an RSS feed: links and dates, the Dublin Core
// date when there is no pubDate.
func rssItems(rf *rss.Feed) parsed {
	p := parsed{items: make([]Item, 0, len(rf.Items))}
	for _, it := range rf.Items {
		pub := it.PubDateParsed
		if pub == nil && it.DublinCoreExt != nil && len(it.DublinCoreExt.Date) > 0 {
			if t := w3cTime(it.DublinCoreExt.Date[0]); !t.IsZero() {
				pub = &t
			}
		}
		p.add(it.Link, it.Links, pub)
	}
	return p
}

// add appends an item's link (its first alternate when it has no link) and date.
func (p *parsed) add(link string, links []string, pub *time.Time) {
	if link == "" && len(links) > 0 {
		link = links[0]
	}
	if link = strings.TrimSpace(link); link == "" {
		return
	}
	var t time.Time
	if pub != nil {
		t = *pub
	}
	p.items = append(p.items, Item{URL: link, Published: t})
}

// The sitemap protocol (sitemaps.org) and Google's news extension; encoding/xml matches
// elements by local name, so the news: prefix needs no namespace handling.
type urlSet struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			PublicationDate string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
}

type sitemapIndex struct {
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func parseURLSet(body []byte) (parsed, error) {
	var us urlSet
	if err := xmlDecode(body, &us); err != nil {
		return parsed{}, err
	}
	var p parsed
	for _, u := range us.URLs {
		if u.Loc == "" {
			continue
		}
		pub := w3cTime(u.News.PublicationDate)
		if pub.IsZero() {
			pub = w3cTime(u.LastMod)
		}
		p.items = append(p.items, Item{URL: strings.TrimSpace(u.Loc), Published: pub})
	}
	return p, nil
}

// parseSitemapIndex lists the child sitemaps, most recently modified first, so a capped run
// reads the ones most likely to hold new articles.
func parseSitemapIndex(body []byte) (parsed, error) {
	var si sitemapIndex
	if err := xmlDecode(body, &si); err != nil {
		return parsed{}, err
	}
	var p parsed
	for _, s := range si.Sitemaps {
		if s.Loc != "" {
			p.sitemaps = append(p.sitemaps, sitemapRef{URL: strings.TrimSpace(s.Loc), LastMod: w3cTime(s.LastMod)})
		}
	}
	sort.SliceStable(p.sitemaps, func(i, j int) bool { return p.sitemaps[i].LastMod.After(p.sitemaps[j].LastMod) })
	return p, nil
}

func xmlDecode(body []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	if err := d.Decode(v); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	return nil
}

// w3cTime parses the W3C datetime profile sitemaps use; zero when absent or malformed.
func w3cTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// parsePage reads a start page: every link (the caller filters them by article pattern and
// host) and the feeds it advertises with <link rel="alternate">.
func parsePage(base string, body []byte) (parsed, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(body))
	if err != nil {
		return parsed{}, err
	}
	b, err := url.Parse(base)
	if err != nil {
		return parsed{}, err
	}
	if href, ok := doc.Find("base[href]").First().Attr("href"); ok {
		if u, err := b.Parse(strings.TrimSpace(href)); err == nil {
			b = u
		}
	}
	var p parsed
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		if u, err := b.Parse(strings.TrimSpace(a.AttrOr("href", ""))); err == nil {
			p.items = append(p.items, Item{URL: u.String()})
		}
	})
	doc.Find(`link[rel~="alternate"][href]`).Each(func(_ int, l *goquery.Selection) {
		t := strings.ToLower(l.AttrOr("type", ""))
		if !strings.Contains(t, "rss") && !strings.Contains(t, "atom") {
			return
		}
		if u, err := b.Parse(strings.TrimSpace(l.AttrOr("href", ""))); err == nil {
			p.feeds = append(p.feeds, u.String())
		}
	})
	return p, nil
}

// normalize makes discovered URLs comparable: no fragment, no tracking parameters, lower-case
// scheme and host. It returns "" for what is not an http(s) URL.
func normalize(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	u.Fragment, u.RawFragment = "", ""
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	return u.String()
}
