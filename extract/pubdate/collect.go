package pubdate

import (
	"strings"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/armswatch/armswatch/extract/jsonld"
)

type kind int

const (
	kindPublished kind = iota
	kindModified
)

// Sources of a candidate, most trusted first.
type source int

const (
	srcMeta source = iota
	srcJSONLD
	srcItemprop
	srcTimeTag
	srcTASS
	srcURL
	srcHeadline
	srcFallback
)

var sourceNames = [...]string{"meta", "jsonld", "itemprop", "time", "tass", "url", "headline", "fallback"}

// cand is one date the page states, with where it was found.
type cand struct {
	st   Stamp
	kind kind
	src  source
	rank int // order of trust within the source (0 best)
	raw  string
	wall time.Time // the wall clock of a time written without offset, else zero
	pos  int       // order of discovery within its source (document order)
}

// page holds every candidate of one page.
type page struct {
	doc   *goquery.Document
	idx   *index
	url   string
	cands []cand
	html  string // the page rendered back to markup, for the last-resort searches
}

func collect(doc *goquery.Document, pageURL string, ld jsonld.Blocks) *page {
	p := &page{doc: doc, idx: newIndex(doc), url: pageURL}
	add := func(c cand) {
		c.pos = len(p.cands)
		p.cands = append(p.cands, c)
	}
	if ld == nil {
		ld = jsonld.Parse(doc)
	}
	jsonLD(ld, add)
	metas(p.idx, add)
	itemprops(p.idx, add)
	timeTags(p.idx, add)
	tassTime(p.idx, add)
	urlDate(pageURL, add)
	return p
}

// metas reads <meta name|property|itemprop|http-equiv=... content=...>.
func metas(x *index, add func(cand)) {
	names := metaNames()
	for _, n := range x.metas {
		metaDate(selection(n), names, add)
	}
}

func metaDate(s *goquery.Selection, names map[string]metaName, add func(cand)) {
	val := attrOr(s, "content", "datetime")
	if val == "" {
		return
	}
	for _, a := range []string{"property", "name", "itemprop", "http-equiv"} {
		n, ok := s.Attr(a)
		if !ok {
			continue
		}
		mn, ok := names[strings.ToLower(strings.TrimSpace(n))]
		if !ok {
			continue
		}
		st, wall, ok := parseWall(val)
		if !ok {
			continue
		}
		k := kindPublished
		if mn.section == "modified" {
			k = kindModified
		}
		add(cand{st: st, kind: k, src: srcMeta, rank: mn.rank, raw: n + "=" + val, wall: wall})
		return
	}
}

// itemprops reads microdata on elements other than <meta>: datePublished / dateModified in a
// datetime or content attribute, else the element's text.
func itemprops(x *index, add func(cand)) {
	for _, n := range x.itemprops {
		itemprop(selection(n), add)
	}
}

func itemprop(s *goquery.Selection, add func(cand)) {
	prop := strings.ToLower(s.AttrOr("itemprop", ""))
	k := kindPublished
	switch prop {
	case "datepublished", "datecreated":
	case "datemodified":
		k = kindModified
	default:
		return
	}
	val := attrOr(s, "datetime", "content")
	if val == "" {
		val = shortText(s)
	}
	if st, ok := parseStamp(val); ok {
		add(cand{st: st, kind: k, src: srcItemprop, raw: prop + "=" + val})
	}
}

// timeTags reads <time datetime> marked as the publication time (pubdate attribute, or a class
// naming publication); other <time> elements are left to the headline search.
func timeTags(x *index, add func(cand)) {
	for _, n := range x.times {
		timeTag(selection(n), add)
	}
}

func timeTag(s *goquery.Selection, add func(cand)) {
	_, pub := s.Attr("pubdate")
	cls := strings.ToLower(s.AttrOr("class", ""))
	if !pub && !strings.Contains(cls, "publish") && !strings.Contains(cls, "created") && !strings.Contains(cls, "entry-date") {
		return
	}
	k := kindPublished
	if strings.Contains(cls, "updated") || strings.Contains(cls, "modified") {
		k = kindModified
	}
	val := attrOr(s, "datetime", "content")
	if val == "" {
		val = shortText(s)
	}
	if st, ok := parseStamp(val); ok {
		add(cand{st: st, kind: k, src: srcTimeTag, raw: "time=" + val})
	}
}

func attrOr(s *goquery.Selection, names ...string) string {
	for _, n := range names {
		if v := strings.TrimSpace(s.AttrOr(n, "")); v != "" {
			return v
		}
	}
	return ""
}

// shortText is the element's text when short enough to be a date line.
func shortText(s *goquery.Selection) string {
	t := strings.Join(strings.Fields(s.Text()), " ")
	if len(t) > 120 {
		return ""
	}
	return t
}
