package pubdate

import "unicode/utf8"

// Every date the patterns of findTextDates read holds either a year of four digits starting 19
// or 20, or three numbers a few bytes apart (7.6.20). dateWindows finds such digit clusters with
// a byte scan and returns the stretches of s around them, merged, that a match can span: the
// day and month name before the year (windowBefore), the time of day after it (windowAfter).
const (
	clusterGap   = 4  // most non-digit bytes between the numbers of one date ("7 / 6 / 20")
	windowBefore = 64 // bytes besides white space: "21 de septiembre de 2020", "21 октября 2020 г."
	windowAfter  = 48 // bytes besides white space: ", 12:30:45 p.m. UTC" and what may stand between
)

// dateWindows returns [start, end) byte ranges of s, in order, not overlapping, each starting
// and ending at an edge byte (or the ends of s).
func dateWindows(s string) [][2]int {
	var out [][2]int
	add := func(lo, hi int) {
		lo, hi = windowStart(s, lo), windowEnd(s, hi)
		if n := len(out); n > 0 && lo <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], hi)
			return
		}
		out = append(out, [2]int{lo, hi})
	}
	clusterStart, clusterEnd, runs, year := -1, -1, 0, false
	flush := func() {
		if clusterStart >= 0 && (year || runs >= 3) {
			add(clusterStart, clusterEnd)
		}
		clusterStart, runs, year = -1, 0, false
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
		runs++
		if j-i >= 4 && (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') {
			year = true
		}
		i = j
	}
	flush()
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

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
