package pubdate

import (
	"regexp"
	"unicode/utf8"
)

// Every date the patterns of findTextDates read holds either a year of four digits starting 19
// or 20, or three numbers a few bytes apart (7.6.20). dateWindows finds such digit clusters with
// a byte scan and returns the stretches of s around them, merged, that a match can span: the
// day and month name before the year (windowBefore), the time of day after it (windowAfter).
const (
	clusterGap   = 4  // most non-digit bytes between the numbers of one date ("7 / 6 / 20")
	windowBefore = 64 // bytes besides white space: "21 de septiembre de 2020", "21 октября 2020 г."
	windowAfter  = 48 // bytes besides white space: ", 12:30:45 p.m. UTC" and what may stand between
)

// The patterns of findTextDates, in the order their matches are listed.
const (
	patDayMonth = iota
	patMonthDay
	patDMY
	patISO
	numPatterns
)

// textPatterns returns the patterns of findTextDates, indexed by the pat constants.
func textPatterns() [numPatterns]*regexp.Regexp {
	return [numPatterns]*regexp.Regexp{reDayMonth(), reMonthDay(), reDMY(), reISO()}
}

// dateWindows returns, for each pattern, the [start, end) byte ranges of s it has to read, in
// order, not overlapping, each starting and ending at an edge byte (or the ends of s). A
// cluster's window goes to a pattern only when the cluster's digits and the bytes next to them
// have the shape that pattern needs (see clusters): most clusters of a page's source (sizes,
// ids, prices, scripts) can make none of the dates, and the patterns cost far more per byte than
// the scan.
func dateWindows(s string) [numPatterns][][2]int {
	var out [numPatterns][][2]int
	add := func(p, lo, hi int) {
		if n := len(out[p]); n > 0 && lo <= out[p][n-1][1] {
			out[p][n-1][1] = max(out[p][n-1][1], hi)
			return
		}
		out[p] = append(out[p], [2]int{lo, hi})
	}
	clusters(s, func(start, end int, need [numPatterns]bool) {
		lo, hi := windowStart(s, start), windowEnd(s, end)
		for p, ok := range need {
			if ok {
				add(p, lo, hi)
			}
		}
	})
	return out
}

// patternsIn reports which patterns can match somewhere in s: the others need not run.
func patternsIn(s string) [numPatterns]bool {
	var can [numPatterns]bool
	clusters(s, func(_, _ int, need [numPatterns]bool) {
		for p, ok := range need {
			can[p] = can[p] || ok
		}
	})
	return can
}

// clusters calls f with the byte range of each digit cluster of s that can be part of a date,
// and the patterns it can feed. The check is a necessary condition, byte by byte, on the digits
// and the bytes next to them (dayMonthBefore, monthDayBefore, dmyRuns, isoAfter): a pattern
// ruled out for a cluster cannot match any text holding it.
func clusters(s string, f func(start, end int, need [numPatterns]bool)) {
	clusterStart, clusterEnd := -1, -1
	var need [numPatterns]bool // the patterns the current cluster may feed
	var prev [2][2]int         // the cluster's two runs before the current one, for dmyRuns
	runs := 0                  // runs in the current cluster
	flush := func() {
		if clusterStart >= 0 && need != [numPatterns]bool{} {
			f(clusterStart, clusterEnd, need)
		}
		clusterStart, runs, need = -1, 0, [numPatterns]bool{}
	}
	for i := 0; i < len(s); {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if clusterStart >= 0 && i-clusterEnd > clusterGap {
			flush()
		}
		if clusterStart < 0 {
			clusterStart = i
		}
		clusterEnd = j
		if j-i >= 4 && isCentury(s[i:]) {
			// reDayMonth takes the first four digits of a longer run; the others end at the year.
			need[patDayMonth] = need[patDayMonth] || dayMonthBefore(s, i)
			if j-i == 4 {
				need[patMonthDay] = need[patMonthDay] || monthDayBefore(s, i)
				need[patISO] = need[patISO] || isoAfter(s, j)
			}
		}
		if runs >= 2 && !need[patDMY] {
			need[patDMY] = dmyRuns(s, prev[0], prev[1], [2]int{i, j})
		}
		prev[0], prev[1] = prev[1], [2]int{i, j}
		runs++
		i = j
	}
	flush()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// isCentury reports s starting with 19 or 20.
func isCentury(s string) bool { return s[0] == '1' && s[1] == '9' || s[0] == '2' && s[1] == '0' }

// wordByte is a byte that may belong to a word of the case-insensitive patterns: an ASCII letter
// or any byte of a multi-byte character (\pL, and the marks that case folding adds to it).
func wordByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' || c >= utf8.RuneSelf }

// dayMonthBefore is what reDayMonth needs before a year starting at i ("7. Juni 2020", "21 de
// septiembre de 2020", "7th of June, 2020"): going back, only white space, commas, periods and
// word bytes, at least three of them word bytes, then a digit (the day).
func dayMonthBefore(s string, i int) bool {
	words := 0
	k := i - 1
	for ; k >= 0; k-- {
		c := s[k]
		if wordByte(c) {
			words++
		} else if !isSpace(c) && c != ',' && c != '.' {
			break
		}
	}
	return k >= 0 && isDigit(s[k]) && words >= 3
}

// monthDayBefore is what reMonthDay needs before a year starting at i ("June 7, 2020", "Jun 07th
// 2020"): white space, an optional comma, an optional suffix of two letters (at most three bytes:
// the long s folds to s), one or two digits, white space, then a period or a word byte.
func monthDayBefore(s string, i int) bool {
	k := i - 1
	if k < 0 || !isSpace(s[k]) {
		return false
	}
	for k >= 0 && isSpace(s[k]) {
		k--
	}
	if k >= 0 && s[k] == ',' {
		k--
	}
	for n := 0; n < 3 && k >= 0 && wordByte(s[k]); n++ {
		k--
	}
	d := k
	for k >= 0 && isDigit(s[k]) {
		k--
	}
	if n := d - k; n < 1 || n > 2 || k < 0 || !isSpace(s[k]) {
		return false
	}
	for k >= 0 && isSpace(s[k]) {
		k--
	}
	return k >= 0 && (wordByte(s[k]) || s[k] == '.')
}

// isoAfter is what reISO needs after a four-digit year ending at j: a separator and a digit.
func isoAfter(s string, j int) bool {
	return j+1 < len(s) && (s[j] == '-' || s[j] == '/' || s[j] == '.') && isDigit(s[j+1])
}

// dmyRuns is what reDMY needs of three digit runs in a row (7.6.2020, 07 / 06 / 20): one or two
// digits, one or two, then two or a year; between them one to four bytes of white space and
// separators, one of them a separator.
func dmyRuns(s string, a, b, c [2]int) bool {
	short := func(r [2]int) bool { return r[1]-r[0] <= 2 }
	n := c[1] - c[0]
	return short(a) && short(b) && (n == 2 || n == 4 && isCentury(s[c[0]:])) &&
		dmyGap(s[a[1]:b[0]]) && dmyGap(s[b[1]:c[0]])
}

// dmyGap reports the bytes between two numbers of reDMY: `\s?([./-]|\s\|)\s?` at most.
func dmyGap(g string) bool {
	if len(g) < 1 || len(g) > 4 {
		return false
	}
	sep := false
	for i := 0; i < len(g); i++ {
		switch c := g[i]; {
		case c == '.' || c == '/' || c == '-' || c == '|':
			sep = true
		case !isSpace(c):
			return false
		}
	}
	return sep
}

// edge reports a byte at which a window may begin or end: an ASCII byte that is neither a letter
// nor a digit. The numbers and words of a date start and end with letters or digits, so a pattern
// reads the same at such an edge inside s as at the edge of a window.
func edge(c byte) bool {
	return c < utf8.RuneSelf && !isDigit(c) && !('a' <= c|0x20 && c|0x20 <= 'z')
}

// isSpace is the \s of the patterns (Go's regexp: ASCII white space).
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// windowStart goes back from lo by windowBefore bytes that are not white space (the patterns
// allow runs of it of any length between the parts of a date), then on to an edge byte, which
// the window keeps (a pattern may need a non-letter before the day).
func windowStart(s string, lo int) int {
	i := lo - 1
	for budget := windowBefore; i > 0 && budget > 0; i-- {
		if !isSpace(s[i]) {
			budget--
		}
	}
	for i > 0 && !edge(s[i]) {
		i--
	}
	return max(i, 0)
}

// windowEnd goes forward from hi by windowAfter bytes that are not white space, then past an
// edge byte; past a run of white space and the character after it when the edge is white
// space (a pattern may end with white space and any one non-digit).
func windowEnd(s string, hi int) int {
	i := hi
	for budget := windowAfter; i < len(s) && budget > 0; i++ {
		if !isSpace(s[i]) {
			budget--
		}
	}
	for i < len(s) && !edge(s[i]) {
		i++
	}
	if i >= len(s) {
		return len(s)
	}
	if !isSpace(s[i]) {
		return i + 1
	}
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	if i < len(s) {
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	return i
}
