package pubdate

import (
	_ "embed"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed months.txt
var monthsData string

// monthNames maps a lowercase month name or abbreviation (any language of months.txt) to 1..12.
var monthNames = sync.OnceValue(func() map[string]int {
	m := map[string]int{}
	for _, line := range strings.Split(monthsData, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		n, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		for _, w := range f[1:] {
			m[w] = n
		}
	}
	return m
})

// monthOf returns the month number of a word ("Juni", "Oct.", "октября"), or 0.
func monthOf(word string) int {
	return monthNames()[strings.TrimSuffix(strings.ToLower(word), ".")]
}

// The shapes of a date in an attribute or a short text. Compiled on first use.
var (
	reISO = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|[^\d])((?:19|20)\d\d)([-/.])(\d{1,2})([-/.])(\d{1,2})(?:(?:T|\s+|,\s*|\s*\|\s*)(\d{1,2})[:h](\d\d)(?::(\d\d?))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d\d(?::?\d\d)?)?)?(?:$|[^\d])`)
	})
	reCompact = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^((?:19|20)\d\d)(\d\d)(\d\d)(?:T?(\d\d)(\d\d)(\d\d)?(Z|[+-]\d\d:?\d\d)?)?$`)
	})
	// 07.06.2020, 7. 6. 2020, 07/06/2020, 07-06-2020, optionally followed by a time.
	reDMY = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?:^|[^\d.])(\d{1,2})\s?([./-]|\s\|)\s?(\d{1,2})\s?([./-]|\s\|)\s?((?:19|20)\d\d|\d\d)(?:[^\d.:]{1,12}?(\d{1,2})[:.](\d\d)(?::(\d\d))?(\s*[ap]\.?m\.?)?)?(?:$|[^\d])`)
	})
	// 7. Juni 2020, 7 June 2020, 7 de junio de 2020, 21 октября 2020 г.
	reDayMonth = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|[^\pL\d])(\d{1,2})(?:\.|st|nd|rd|th|er)?\s*(?:de\s+|of\s+)?(\pL{3,}\.?)\s*(?:de\s+|,\s*)?((?:19|20)\d\d)(?:[^\d:]{1,12}?(\d{1,2})[:.h](\d\d)(?::(\d\d))?(\s*[ap]\.?m\.?)?)?`)
	})
	// June 7, 2020; Jun 07 2020; Juni 7, 2020.
	reMonthDay = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:^|[^\pL])(\pL{3,}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?:[^\d:]{1,12}?(\d{1,2})[:.h](\d\d)(?::(\d\d))?(\s*[ap]\.?m\.?)?)?(?:$|[^\d])`)
	})
)

// stampLayouts are the fixed layouts tried before the patterns (RFC 1123 and friends).
var stampLayouts = []string{
	time.RFC3339Nano, time.RFC1123Z, time.RFC1123, time.RFC850, time.ANSIC, time.UnixDate,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
	"Mon Jan 2 2006 15:04:05 GMT-0700", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST",
}

// parseStamp reads a date (and time, and offset when given) from an attribute value or a short
// text. A time without an offset is dropped: the contract wants the page's offset or none.
func parseStamp(s string) (Stamp, bool) {
	st, _, ok := parseWall(s)
	return st, ok
}

// parseWall is parseStamp that also returns the wall-clock time of a time written without an
// offset (as UTC fields; zero when none): set beside a UTC stamp it reveals the page's offset.
func parseWall(s string) (Stamp, time.Time, bool) {
	st, ok := parseAny(s)
	if !ok || !st.DateOnly {
		return st, time.Time{}, ok
	}
	if m := reISO().FindStringSubmatch(strings.TrimSpace(s)); m != nil && m[2] == m[4] && m[6] != "" && m[9] == "" {
		h, _ := strconv.Atoi(m[6])
		mi, _ := strconv.Atoi(m[7])
		se, _ := strconv.Atoi(m[8])
		return st, st.Time.Add(time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(se)*time.Second), true
	}
	return st, time.Time{}, true
}

func parseAny(s string) (Stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 300 {
		return Stamp{}, false
	}
	if st, ok := parseUnix(s); ok {
		return st, true
	}
	for _, l := range stampLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return checked(Stamp{Time: t})
		}
	}
	if m := reCompact().FindStringSubmatch(s); m != nil {
		return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7], "")
	}
	if m := reISO().FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return build(m[1], m[3], m[5], m[6], m[7], m[8], m[9], "")
	}
	return parseText(s)
}

// parseText reads a date written for people: numeric day-first, or with a month name.
func parseText(s string) (Stamp, bool) { return parseTextOrder(s, true) }

// parseTextOrder is parseText; monthFirst reads ambiguous slashed dates (06/07/2020) as
// month/day, the American order, else day/month.
func parseTextOrder(s string, monthFirst bool) (Stamp, bool) {
	can := patternsIn(s) // a pattern that cannot match is not run
	if can[patISO] {
		if m := reISO().FindStringSubmatch(s); m != nil && m[2] == m[4] {
			return build(m[1], m[3], m[5], m[6], m[7], m[8], m[9], "")
		}
	}
	if can[patDayMonth] {
		if m := reDayMonth().FindStringSubmatch(s); m != nil && monthOf(m[2]) > 0 {
			return build(m[3], strconv.Itoa(monthOf(m[2])), m[1], m[4], m[5], m[6], "", m[7])
		}
	}
	if can[patMonthDay] {
		if m := reMonthDay().FindStringSubmatch(s); m != nil && monthOf(m[1]) > 0 {
			return build(m[3], strconv.Itoa(monthOf(m[1])), m[2], m[4], m[5], m[6], "", m[7])
		}
	}
	if !can[patDMY] {
		return Stamp{}, false
	}
	if m := reDMY().FindStringSubmatch(s); m != nil && m[2] == m[4] {
		day, month := m[1], m[3]
		if m[2] == "/" {
			// Slashes: month first unless that cannot be (13/06/2020), the US habit.
			if d, _ := strconv.Atoi(m[1]); d <= 12 && monthFirst {
				day, month = m[3], m[1]
			}
		}
		year := m[5]
		if len(year) == 2 {
			year = "20" + year
		}
		return build(year, month, day, m[6], m[7], m[8], "", m[9])
	}
	return Stamp{}, false
}

// parseUnix reads UNIX seconds (10 digits) or milliseconds (13 digits) as UTC.
func parseUnix(s string) (Stamp, bool) {
	if (len(s) != 10 && len(s) != 13) || strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return Stamp{}, false
	}
	n, _ := strconv.ParseInt(s, 10, 64)
	if len(s) == 13 {
		n /= 1000
	}
	return checked(Stamp{Time: time.Unix(n, 0).UTC()})
}

// build assembles a stamp from matched parts; zone "" with a time means an unknown offset, so
// only the date is kept.
func build(year, month, day, hour, min, sec, zone, ampm string) (Stamp, bool) {
	y, _ := strconv.Atoi(year)
	mo, _ := strconv.Atoi(month)
	d, _ := strconv.Atoi(day)
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return Stamp{}, false
	}
	if hour == "" || zone == "" {
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			return Stamp{}, false
		}
		return checked(Stamp{Time: t, DateOnly: true})
	}
	h, _ := strconv.Atoi(hour)
	mi, _ := strconv.Atoi(min)
	se, _ := strconv.Atoi(sec)
	if a := strings.ToLower(strings.TrimSpace(ampm)); strings.HasPrefix(a, "p") && h < 12 {
		h += 12
	}
	loc, ok := zoneOf(zone)
	if !ok || h > 23 || mi > 59 || se > 59 {
		return build(year, month, day, "", "", "", "", "")
	}
	t := time.Date(y, time.Month(mo), d, h, mi, se, 0, loc)
	if t.Day() != d {
		return Stamp{}, false
	}
	return checked(Stamp{Time: t})
}

// zoneOf reads "Z", "UTC", "+03:00", "+0300" or "+03".
func zoneOf(z string) (*time.Location, bool) {
	z = strings.ToUpper(strings.TrimSpace(z))
	switch z {
	case "Z", "UTC", "GMT":
		return time.UTC, true
	}
	if len(z) < 3 || (z[0] != '+' && z[0] != '-') {
		return nil, false
	}
	digits := strings.ReplaceAll(z[1:], ":", "")
	h, err := strconv.Atoi(digits[:2])
	if err != nil {
		return nil, false
	}
	m := 0
	if len(digits) >= 4 {
		if m, err = strconv.Atoi(digits[2:4]); err != nil {
			return nil, false
		}
	}
	off := h*3600 + m*60
	if z[0] == '-' {
		off = -off
	}
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}

// earliest and latest bound a plausible publication date: the web's early years to tomorrow.
var earliest = time.Date(1995, 1, 1, 0, 0, 0, 0, time.UTC)

func checked(s Stamp) (Stamp, bool) {
	if s.Time.Before(earliest) || s.Time.After(time.Now().Add(36*time.Hour)) {
		return Stamp{}, false
	}
	return s, true
}
