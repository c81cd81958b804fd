// Package dates finds the dateline of an article and every date its text mentions, resolving
// relative expressions ("on Wednesday", "last week") against the dateline or publication date.
package dates

import "time"

// Dateline is the contract's "dateline" object.
type Dateline struct {
	Text   string  `json:"text"`
	Place  string  `json:"place"`
	Date   *string `json:"date"`
	Agency string  `json:"agency"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
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

// FindDateline looks for an agency dateline at the start of body. published (zero when unknown)
// supplies the year the dateline leaves out.
func FindDateline(body string, published time.Time) *Dateline {
	return nil
}

// Extract returns the date mentions of body. ref is the date relative expressions resolve
// against (the dateline's date, else the publication date; zero when neither is known).
func Extract(body string, dl *Dateline, ref time.Time) []Date {
	return []Date{}
}
