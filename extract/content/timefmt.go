package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/extract/pubdate"
)

type stamp = pubdate.Stamp

// fieldError tells compile which profile field a time setting error belongs to.
type fieldError struct {
	field string
	err   error
}

func (e fieldError) Error() string { return e.err.Error() }

func timeField(err error) string {
	var fe fieldError
	if errors.As(err, &fe) {
		return fe.field
	}
	return "time_format"
}

// timeParser builds the parser of a profile's time element. Unix times are shown in zone (the
// site's own offset); layouts without an offset are read in zone; layouts without a clock give a
// date alone.
func timeParser(format, zone string) (func(string) (stamp, error), error) {
	loc, err := location(zone)
	if err != nil {
		return nil, fieldError{"time_zone", err}
	}
	switch strings.ToLower(format) {
	case "unix", "unix_ms":
		div := int64(1)
		if strings.ToLower(format) == "unix_ms" {
			div = 1000
		}
		return func(s string) (stamp, error) {
			n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
			if err != nil {
				return stamp{}, fmt.Errorf("unix time %q: %w", s, err)
			}
			return stamp{Time: time.Unix(n/div, 0).In(loc)}, nil
		}, nil
	case "", "rfc3339", "iso8601":
		return func(s string) (stamp, error) { return parseISO(strings.TrimSpace(s), loc) }, nil
	}
	if err := checkLayout(format); err != nil {
		return nil, fieldError{"time_format", err}
	}
	dateOnly := !hasClock(format)
	return func(s string) (stamp, error) {
		t, err := time.ParseInLocation(format, strings.Join(strings.Fields(s), " "), loc)
		if err != nil {
			return stamp{}, err
		}
		return stamp{Time: t, DateOnly: dateOnly}, nil
	}, nil
}

// isoLayouts are the ISO 8601 forms pages write in datetime attributes and meta tags.
var isoLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00", "2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02"}

func parseISO(s string, loc *time.Location) (stamp, error) {
	for _, l := range isoLayouts {
		if t, err := time.ParseInLocation(l, s, loc); err == nil {
			return stamp{Time: t, DateOnly: l == "2006-01-02"}, nil
		}
	}
	return stamp{}, fmt.Errorf("not an ISO 8601 time: %q", s)
}

// checkLayout rejects a layout that does not round-trip a reference time: a typo such as
// "2006-31-01" would otherwise fail on every page.
func checkLayout(layout string) error {
	ref := time.Date(2020, 10, 21, 13, 5, 0, 0, time.UTC)
	if _, err := time.Parse(layout, ref.Format(layout)); err != nil {
		return fmt.Errorf("layout %q does not parse its own output: %w", layout, err)
	}
	if !strings.Contains(layout, "2006") && !strings.Contains(layout, "06") {
		return fmt.Errorf("layout %q has no year (write 2006)", layout)
	}
	return nil
}

func hasClock(layout string) bool {
	return strings.Contains(layout, "15") || strings.Contains(layout, "03") || strings.Contains(layout, "3:04")
}
