// Package content turns a page into an article: title, lead, authors, metadata and the body's
// paragraphs, using a site profile when one matches and generic extraction otherwise.
package content

import (
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"

	"armswatch/extract/pubdate"

	"github.com/PuerkitoBio/goquery"
)

// Input is one page to read.
type Input struct {
	HTML        []byte
	URL         string
	ContentType string // the HTTP Content-Type header, when known (carries the charset)
	Profile     string // profile name to force; "" detects from the host
}

// Result is the article found in a page.
type Result struct {
	Title, Subtitle string
	Authors         []string
	Section         string
	Language        string
	CanonicalURL    string
	Profile         string // profile used, or "generic"
	Source          string // profile's source name, else the host
	Paragraphs      []string
	Published       pubdate.Stamp
	Modified        pubdate.Stamp
	Warnings        []string
	Doc             *goquery.Document // the parsed page, shared with other analyzers
}

// Extract reads the article of a page.
func Extract(in Input) (*Result, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(in.HTML))
	if err != nil {
		return nil, fmt.Errorf("content: parse %s: %w", in.URL, err)
	}
	r := &Result{Doc: doc, Profile: "generic", Authors: []string{}}
	host := ""
	if u, err := url.Parse(in.URL); err == nil {
		host = strings.TrimPrefix(u.Hostname(), "www.")
	}
	r.Source = host
	r.CanonicalURL = canonical(doc, in.URL)
	if in.Profile == "tass" || host == "tass.com" {
		tass(doc, r)
	}
	if len(r.Paragraphs) == 0 {
		generic(doc, r)
	}
	if r.Title == "" {
		r.Title = strings.TrimSpace(attr(doc, `meta[property="og:title"]`, "content"))
		if r.Title == "" {
			r.Title = strings.TrimSpace(doc.Find("title").First().Text())
		}
	}
	if r.Published.IsZero() {
		r.Published, r.Modified = pubdate.Find(doc, in.URL)
	}
	if r.Language == "" {
		if l, ok := doc.Find("html").Attr("lang"); ok && len(l) >= 2 {
			r.Language = strings.ToLower(l[:2])
		}
	}
	if len(r.Paragraphs) == 0 {
		r.Warnings = append(r.Warnings, "no article body found")
	}
	return r, nil
}

func tass(doc *goquery.Document, r *Result) {
	r.Profile, r.Source, r.Language = "tass", "tass", "en"
	news := doc.Find("#news, div.news").First()
	r.Title = cleanText(news.Find("h1.news-header__title").First().Text())
	r.Subtitle = cleanText(news.Find("div.news-header__lead").First().Text())
	if t, ok := news.Find(".news-header dateformat[time]").First().Attr("time"); ok {
		if sec, err := strconv.ParseInt(t, 10, 64); err == nil {
			r.Published = pubdate.Stamp{Time: time.Unix(sec, 0).In(time.FixedZone("MSK", 3*3600))}
		}
	}
	news.Find("div.text-content div.text-block p").Each(func(_ int, p *goquery.Selection) {
		r.Paragraphs = append(r.Paragraphs, cleanText(p.Text()))
	})
	r.Section = cleanText(news.Find("a.news-header__section").First().Text())
}

func generic(doc *goquery.Document, r *Result) {
	best, bestLen := (*goquery.Selection)(nil), 0
	doc.Find("article, main, div, section").Each(func(_ int, s *goquery.Selection) {
		n := 0
		s.ChildrenFiltered("p").Each(func(_ int, p *goquery.Selection) { n += len(p.Text()) })
		if n > bestLen {
			best, bestLen = s, n
		}
	})
	if best == nil {
		return
	}
	best.ChildrenFiltered("p").Each(func(_ int, p *goquery.Selection) {
		if t := cleanText(p.Text()); t != "" {
			r.Paragraphs = append(r.Paragraphs, t)
		}
	})
}

func canonical(doc *goquery.Document, pageURL string) string {
	for _, c := range []string{attr(doc, `link[rel="canonical"]`, "href"), attr(doc, `meta[property="og:url"]`, "content")} {
		if c == "" {
			continue
		}
		base, err := url.Parse(pageURL)
		ref, err2 := url.Parse(c)
		if err == nil && err2 == nil {
			return base.ResolveReference(ref).String()
		}
	}
	return pageURL
}

func attr(doc *goquery.Document, sel, name string) string {
	v, _ := doc.Find(sel).First().Attr(name)
	return v
}

// cleanText collapses whitespace runs but keeps NO-BREAK SPACEs as the page wrote them.
func cleanText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if r == ' ' || r == '\n' || r == '\t' || r == '\r' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// Profile is a site profile as written in an embedded profile file or a config.toml [[profiles]]
// table. (Placeholder: the profiles-as-data work fills it in.)
type Profile struct {
	Name  string   `toml:"name"`
	Hosts []string `toml:"hosts"`
}
