// Package lang is the language layer the analyzers share: the word classes of English and
// Russian (abbreviations, months, weekdays) read from data/words.txt, and the sentence splitter
// built on them. The data is parsed on first use, so a run that never reads text pays nothing.
package lang

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed data/words.txt
var wordsFile string

// classes are the sections of words.txt.
type classes struct {
	abbreviation, leading map[string]bool
	month, weekday        map[string]int
}

var words = sync.OnceValue(func() *classes { return parse(wordsFile) })

// parse reads words.txt: [abbreviation] and [leading] hold words, [month] and [weekday] lines
// start with the number the names stand for.
func parse(src string) *classes {
	c := &classes{abbreviation: map[string]bool{}, leading: map[string]bool{}, month: map[string]int{}, weekday: map[string]int{}}
	sec := Sections(src)
	for _, section := range []string{"leading", "abbreviation"} {
		for _, line := range sec[section] {
			for _, w := range strings.Fields(line) {
				c.abbreviation[w] = true
				c.leading[w] = c.leading[w] || section == "leading"
			}
		}
	}
	for w, n := range Numbered(sec["weekday"]) {
		c.weekday[w] = n
	}
	for w, n := range Numbered(sec["month"]) {
		c.month[w] = n
		if strings.HasSuffix(w, ".") { // "Feb.", "сент.": its period ends no sentence
			c.abbreviation[strings.TrimSuffix(w, ".")] = true
		}
	}
	return c
}

// Sections reads a word-list data file: "[name]" opens a section, "#" starts a comment, and every
// other non-blank line, trimmed, belongs to the section above it ("" before the first).
func Sections(src string) map[string][]string {
	out := map[string][]string{}
	section := ""
	for _, line := range strings.Split(src, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		switch {
		case line == "":
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			section = line[1 : len(line)-1]
		default:
			out[section] = append(out[section], line)
		}
	}
	return out
}

// Set returns the white-space separated words of lines as a set, case kept.
func Set(lines []string) map[string]bool {
	out := map[string]bool{}
	for _, line := range lines {
		for _, w := range strings.Fields(line) {
			out[w] = true
		}
	}
	return out
}

// Numbered reads the lines "N word word ..." of a section into word -> N; lines that do not
// start with a number are skipped.
func Numbered(lines []string) map[string]int {
	out := map[string]int{}
	for _, line := range lines {
		f := strings.Fields(line)
		n, err := strconv.Atoi(f[0])
		if err != nil {
			continue
		}
		for _, w := range f[1:] {
			out[w] = n
		}
	}
	return out
}

// Abbreviation tells whether a period after word w (any case, inner periods kept: "U.S") does
// not end a sentence by itself: an abbreviation of the list or a month abbreviation.
func Abbreviation(w string) bool { return lookup(words().abbreviation, w) }

// Leading tells whether w is an abbreviation that always leads the word after it ("Mr", "No",
// "ул"): its period never ends a sentence.
func Leading(w string) bool { return lookup(words().leading, w) }

// Month returns 1..12 for a month name or abbreviation, English or Russian, in any case and with
// or without its period ("Sept.", "января"), else 0.
func Month(w string) int {
	if n := lookup(words().month, w); n > 0 {
		return n
	}
	return lookup(words().month, strings.TrimSuffix(w, "."))
}

// Weekday returns 1..7 (1 = Monday) for a weekday name, English or Russian, in any case, else 0.
func Weekday(w string) int { return lookup(words().weekday, w) }

// lookup finds w in m whatever its case. Words are lowered into a buffer on the stack, and
// m[string(bytes)] does not copy, so the hot paths (every capitalised word before a period, every
// word after a title) do not allocate as strings.ToLower would.
func lookup[T any](m map[string]T, w string) T {
	var buf [64]byte
	b := buf[:0]
	for _, r := range w {
		if len(b)+utf8.UTFMax > len(buf) {
			return m[strings.ToLower(w)] // longer than any word of the classes
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return m[string(b)]
}

// Initial tells whether w is one capital letter ("V" of "V. Putin").
func Initial(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n > 0 && n == len(w) && unicode.IsUpper(r)
}

// DottedLetters tells whether w is single letters joined by periods ("G.K", "U.S", "т.е"):
// initials or an acronym.
func DottedLetters(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// MonthForms returns every month name and abbreviation of the word classes, lowercase, in no
// particular order: for screens that look for any month before running a pattern.
func MonthForms() []string {
	out := make([]string, 0, len(words().month))
	for w := range words().month {
		out = append(out, w)
	}
	return out
}

// WeekdayForms returns every weekday form of the word classes, English and Russian, as written
// in words.txt (lower case): the date finder derives its weekday screens from them.
func WeekdayForms() []string {
	out := make([]string, 0, len(words().weekday))
	for w := range words().weekday {
		out = append(out, w)
	}
	return out
}

// AllCaps tells a word written in capitals with at least one letter ("NATO", "ДСНВ", "U.S").
func AllCaps(w string) bool {
	return w != "" && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// HasCyrillic tells whether s holds a Cyrillic letter: text the Russian rules read.
func HasCyrillic(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			i++ // no Cyrillic letter is ASCII: most of an English body is read a byte at a time
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
		i += n
	}
	return false
}
