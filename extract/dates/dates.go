// Package dates finds the dateline of an article and every date its text mentions, resolving
// relative expressions ("on Wednesday", "last week") against the dateline or publication date.
//
// Decisions the contract leaves open:
//   - A year that names a thing ("the 1987 treaty", "the 2010 agreement") is not a date mention:
//     it identifies a document, it does not say when anything happens; "in 1987", "since 2010" and
//     a bare "2010" in a clause are dates.
//   - Durations and counts ("five years", "for a year", "within months") are not dates; "two
//     years ago" is.
//   - A month or a day without a year takes the reference's year, the previous one when that
//     would put a past mention more than three months after the reference.
//   - Week granularity resolves to the Monday of that week (YYYY-MM-DD).
package dates

import (
	"strconv"
	"time"
)

// Dateline is the contract's "dateline" object.
type Dateline struct {
	Text   string  `json:"text"`
	Place  string  `json:"place"`
	Date   *string `json:"date"`
	Agency string  `json:"agency"`
	Start  int     `json:"start"`
	End    int     `json:"end"`

	dateStart, dateEnd int // the date part ("October 21") inside body, when Date is set
}

// DateSpan returns the byte range of the dateline's date words in the body (ok false when the
// dateline has no date).
func (d *Dateline) DateSpan() (start, end int, ok bool) {
	if d == nil || d.Date == nil || d.dateEnd <= d.dateStart {
		return 0, 0, false
	}
	return d.dateStart, d.dateEnd, true
}

// Date is one item of the contract's "dates" list.
type Date struct {
	Text        string  `json:"text"`
	Kind        string  `json:"kind"` // dateline, absolute, relative
	Value       string  `json:"value"`
	ValueEnd    *string `json:"value_end"`
	Granularity string  `json:"granularity"` // day, week, month, year
	Paragraph   int     `json:"paragraph"`
	Start       int     `json:"start"`
	End         int     `json:"end"`
}

// Kinds and granularities of the contract.
const (
	KindDateline = "dateline"
	KindAbsolute = "absolute"
	KindRelative = "relative"

	Day   = "day"
	Week  = "week"
	Month = "month"
	Year  = "year"
)

// format renders t at granularity g: YYYY-MM-DD for day and week, YYYY-MM, YYYY.
func format(t time.Time, g string) string {
	switch g {
	case Month:
		return t.Format("2006-01")
	case Year:
		return t.Format("2006")
	}
	return t.Format("2006-01-02")
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
