package extract

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/armswatch/armswatch/extract/pubdate"
)

// Time is a publication or modification time as the page gives it: an instant with the page's
// own offset, or a calendar date alone. It travels as a time (the store takes its UTC instant
// without parsing text again) and is written in the JSON as RFC 3339 or YYYY-MM-DD.
type Time struct {
	time.Time
	DateOnly bool // a date without a time of day; Time is its midnight UTC
}

func timeOf(s pubdate.Stamp) *Time {
	if s.IsZero() {
		return nil
	}
	t := &Time{Time: s.Time, DateOnly: s.DateOnly}
	if s.DateOnly { // the date as written, whatever offset the stamp carried
		t.Time = time.Date(s.Time.Year(), s.Time.Month(), s.Time.Day(), 0, 0, 0, 0, time.UTC)
	}
	return t
}

// String is the contract's form: RFC 3339, or YYYY-MM-DD for a date alone.
func (t Time) String() string {
	if t.DateOnly {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

func (t Time) MarshalJSON() ([]byte, error) { return json.Marshal(t.String()) }

func (t *Time) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	p, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = p
	return nil
}

// ParseTime reads the contract's form: RFC 3339 (2020-10-21T13:05:00+03:00), or a date
// (2020-10-21), taken as midnight UTC.
func ParseTime(s string) (Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return Time{Time: t}, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return Time{Time: t, DateOnly: true}, nil
	}
	return Time{}, fmt.Errorf("%q is neither RFC 3339 (2020-10-21T13:05:00+03:00) nor a date (2020-10-21)", s)
}
