// Package pubdate finds when a web page was first published (and last modified) from its markup:
// JSON-LD, meta tags, <time>, itemprop, dates in the URL and near the headline.
package pubdate

import (
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/armswatch/armswatch/extract/jsonld"
)

// Stamp is a publication or modification time as a page gives it: an instant with the page's own
// offset, or a calendar date alone.
type Stamp struct {
	Time     time.Time
	DateOnly bool
}

// IsZero reports whether no time is known.
func (s Stamp) IsZero() bool { return s.Time.IsZero() }

// String formats the stamp as the contract wants it: RFC 3339, or YYYY-MM-DD for a date alone.
func (s Stamp) String() string {
	if s.DateOnly {
		return s.Time.Format("2006-01-02")
	}
	return s.Time.Format(time.RFC3339)
}

// Date returns the calendar date of the stamp as the page wrote it (in the page's offset).
func (s Stamp) Date() string { return s.Time.Format("2006-01-02") }

// Find returns the original publication and last-modified times of the page at pageURL. ld is
// the page's JSON-LD as the caller already read it (nil reads it here).
func Find(doc *goquery.Document, pageURL string, ld jsonld.Blocks) (published, modified Stamp) {
	if doc == nil {
		return Stamp{}, Stamp{}
	}
	c := collect(doc, pageURL, ld)
	published, _ = c.published()
	modified = c.modified()
	if !published.IsZero() && !modified.IsZero() && modified.Time.Before(published.Time) {
		modified = Stamp{}
	}
	return published, modified
}
