package pubdate

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// published picks the original publication time: the most trusted structured statement, else the
// URL's date, else a date written by the headline, else go-htmldate's extensive search.
func (p *page) published() (Stamp, string) {
	if c, ok := p.best(kindPublished, srcMeta, srcTASS); ok {
		st := p.localize(c.st)
		if u, ok := p.best(kindPublished, srcURL, srcURL); ok && u.st.Date() == c.st.Date() {
			st = c.st // the address confirms the page's own calendar day
		}
		// A UTC stamp a day off the URL's date: the URL holds the publisher's calendar day.
		if u, ok := p.best(kindPublished, srcURL, srcURL); ok && utcDayShift(c.st, u.st) {
			return onDay(c.st, u.st), "url-over-utc:" + u.raw
		}
		// The date line under the headline is the date the publisher shows; when it differs
		// from the markup's, the markup often holds a CMS or first-draft time.
		u, hasURL := p.best(kindPublished, srcURL, srcURL)
		if hasURL && u.st.Time.Before(st.Time.AddDate(0, 0, -2)) {
			return u.st, "url-original:" + u.raw // the address kept the first day; the markup moved on
		}
		if h, raw, ok := p.headlineDateWith(dateLineExtra); ok && h.Date() != st.Date() && !swapped(h, st, raw) && !p.urlAgrees(st) {
			return p.upgrade(h), "headline-over:" + raw
		}
		return p.upgrade(st), sourceNames[c.src] + ":" + c.raw
	}
	if c, ok := p.best(kindPublished, srcURL, srcURL); ok {
		return p.upgrade(c.st), sourceNames[c.src] + ":" + c.raw
	}
	if st, raw, ok := p.headlineDate(); ok {
		return p.upgrade(st), "headline:" + raw
	}
	if st, raw, ok := p.classDate(); ok {
		return p.upgrade(st), "class:" + raw
	}
	if st, raw, ok := p.labelledDate(); ok {
		return p.upgrade(st), "labelled:" + raw
	}
	if st, raw, ok := p.extensive(); ok {
		return p.upgrade(st), raw
	}
	return Stamp{}, "none"
}

// modified is the most trusted last-modified statement.
func (p *page) modified() Stamp {
	if c, ok := p.best(kindModified, srcMeta, srcTASS); ok {
		return c.st
	}
	return Stamp{}
}

// localize shows a UTC instant in the publisher's zone when the page lets us guess it.
func (p *page) localize(st Stamp) Stamp {
	if st.DateOnly || !isUTC(st.Time) {
		return st
	}
	if h, m, s := st.Time.Clock(); h == 0 && m == 0 && s == 0 {
		return st // midnight UTC: a calendar date written as a time
	}
	if loc := p.homeZone(); loc != nil {
		st.Time = st.Time.In(loc)
	}
	return st
}

// utcDayShift reports whether a UTC stamp falls a calendar day off date only because of the
// publisher's offset: a day later in its early hours (the Americas), a day earlier in its late
// hours (Europe, Asia).
func utcDayShift(utc, date Stamp) bool {
	if utc.DateOnly || !isUTC(utc.Time) {
		return false
	}
	next := date.Time.AddDate(0, 0, 1).Format("2006-01-02")
	prev := date.Time.AddDate(0, 0, -1).Format("2006-01-02")
	h := utc.Time.Hour()
	return (utc.Date() == next && h < 10) || (utc.Date() == prev && h >= 10)
}

// onDay shows a UTC instant at an offset that puts it on the publisher's calendar day (the
// URL's): the same instant, an offset typical of the side of the world the shift points to.
func onDay(utc, date Stamp) Stamp {
	h := utc.Time.Hour()
	off := -5 // the Americas: UTC early hours are the evening before
	if utc.Date() == date.Time.AddDate(0, 0, 1).Format("2006-01-02") {
		off = min(-5, -(h + 1))
	} else {
		off = max(1, 24-h) // Europe and Asia: late UTC hours are the next morning
	}
	return Stamp{Time: utc.Time.In(time.FixedZone("", off*3600))}
}

// best returns the most trusted candidate of kind k from sources lo..hi: by source, then meta
// tags in document order (as htmldate), other sources by rank.
func (p *page) best(k kind, lo, hi source) (cand, bool) {
	var cs []cand
	for _, c := range p.cands {
		if c.kind == k && c.src >= lo && c.src <= hi {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return cand{}, false
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].src != cs[j].src {
			return cs[i].src < cs[j].src
		}
		if cs[i].src != srcMeta && cs[i].rank != cs[j].rank {
			return cs[i].rank < cs[j].rank
		}
		return cs[i].pos < cs[j].pos
	})
	return cs[0], true
}

// upgrade gives a date-only stamp the time and offset of a structured candidate of the same
// calendar date, when the page states one.
func (p *page) upgrade(st Stamp) Stamp {
	if !st.DateOnly {
		return st
	}
	for _, c := range p.cands {
		if c.kind == kindPublished && !c.st.DateOnly {
			if l := p.localize(c.st); l.Date() == st.Date() {
				return l
			}
		}
	}
	return st
}

// dateLineExtra is how much text besides the date a date line under the headline may carry
// ("Von Anna Muster | 21.01.2022 | 3 Min.") to outrank the markup's date.
const dateLineExtra = 40

// swapped reports a numeric date whose day and month read the other way round give the
// markup's date: 11/01/2021 beside 2021-11-01 is the markup's date in the other order.
func swapped(h, st Stamp, raw string) bool {
	if !strings.ContainsAny(raw, "/.") {
		return false
	}
	t := h.Time
	if t.Day() > 12 {
		return false
	}
	alt := time.Date(t.Year(), time.Month(t.Day()), int(t.Month()), 0, 0, 0, 0, time.UTC)
	return alt.Format("2006-01-02") == st.Date()
}

// urlAgrees reports whether the page address carries the markup's date (its day, or its year
// and month when the address has no day): then the markup's date stands.
func (p *page) urlAgrees(st Stamp) bool {
	if u, ok := p.best(kindPublished, srcURL, srcURL); ok {
		return u.st.Date() == st.Date()
	}
	m := reURLMonth().FindStringSubmatch(p.url)
	return m != nil && fmt.Sprintf("%s-%02d", m[1], atoi(m[2])) == st.Time.Format("2006-01")
}
