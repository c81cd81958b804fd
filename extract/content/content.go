// Package content turns a page into an article: title, lead, authors, metadata and the body's
// paragraphs, using a site profile when one matches and generic extraction otherwise.
package content

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/armswatch/armswatch/extract/pubdate"

	"github.com/PuerkitoBio/goquery"
	"github.com/armswatch/armswatch/extract/jsonld"
)

// Input is one page to read.
type Input struct {
	HTML        []byte
	URL         string
	ContentType string      // the HTTP Content-Type header, when known (carries the charset)
	Profile     string      // profile name to force; "" detects from the host
	Profiles    *ProfileSet // profiles to choose from; nil = the built-in set
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
}

// Extract reads the article of a page. The page is decoded to UTF-8 and parsed once; profile and
// generic extraction read the same tree without changing it.
func Extract(in Input) (*Result, error) {
	page, warnings := decodePage(in.HTML, in.ContentType)
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		// The parser's one hard limit is nesting depth: drop what nests too deep, keep the rest.
		flat, dropped := flattenDeep(page)
		if dropped == 0 {
			return nil, fmt.Errorf("content: parse %s: %w", in.URL, err)
		}
		if doc, err = goquery.NewDocumentFromReader(bytes.NewReader(flat)); err != nil {
			return nil, fmt.Errorf("content: parse %s: %w", in.URL, err)
		}
		warnings = append(warnings, fmt.Sprintf("the page nests elements too deeply to parse; %d tags beyond depth %d dropped", dropped, maxDepth))
	}
	set := in.Profiles
	if set == nil {
		if set, err = BuiltinProfiles(); err != nil {
			return nil, fmt.Errorf("content: %w", err)
		}
	}
	if in.URL == "" {
		// A saved page analyzed without --url still says where it lives.
		in.URL = declaredURL(doc)
	}
	host := ""
	if u, err := url.Parse(in.URL); err == nil {
		host = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	r := &Result{Profile: "generic", Source: host, Authors: []string{}, Warnings: warnings}
	blocks := jsonld.Parse(doc) // once, for the metadata here and pubdate's dates
	ld := ldArticle(ldObjects(blocks))

	if p := chooseProfile(set, in.Profile, host, r); p != nil {
		applyProfile(doc, p, r)
		if len(r.Paragraphs) == 0 {
			r.Warnings = append(r.Warnings, "profile "+p.Name+" found no body; used generic extraction")
		}
	}
	if len(r.Paragraphs) == 0 {
		r.Paragraphs = generic(doc, ld, in.URL, len(page) > maxFallbackPage)
	}
	r.Paragraphs = dropSeparators(r.Paragraphs)
	fillMetadata(doc, ld, in.URL, host, r)
	// The headline is the title, not the body's first paragraph (where a dateline must open it).
	if len(r.Paragraphs) > 1 && r.Paragraphs[0] == r.Title {
		r.Paragraphs = r.Paragraphs[1:]
	}
	if r.Published.IsZero() {
		r.Published, r.Modified = pubdate.Find(doc, in.URL, blocks)
	}
	if why := noArticle(doc, r); why != "" {
		r.Paragraphs = nil
		r.Warnings = append(r.Warnings, "no article body found: "+why)
	} else if len(r.Paragraphs) == 0 {
		r.Warnings = append(r.Warnings, "no article body found")
	}
	return r, nil
}

// chooseProfile returns the forced profile, else the one for the host, else nil (generic).
func chooseProfile(set *ProfileSet, name, host string, r *Result) *profile {
	if name != "" && name != "generic" {
		if p := set.get(name); p != nil {
			return p
		}
		r.Warnings = append(r.Warnings, fmt.Sprintf("unknown profile %q; used host detection", name))
	}
	if name == "generic" {
		return nil
	}
	return set.forHost(host)
}

// declaredURL is the page's own absolute canonical or og:url address, else "".
func declaredURL(doc *goquery.Document) string {
	for _, sel := range [][2]string{{`link[rel="canonical"]`, "href"}, {`meta[property="og:url"]`, "content"}} {
		v, _ := firstOf(doc, sel[0]).Attr(sel[1])
		if u, err := url.Parse(strings.TrimSpace(v)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}
