package lexicon

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
)

// alias is one parsed alias: its words and the markers that restrict where it counts.
type alias struct {
	text   string
	cs     bool // case-sensitive: " (cs)", or written all in capitals (acronyms: US, UN, ДСНВ)
	weak   bool // " ⚠": counts only if the entry is also named by a plain alias in the text
	place  bool // " (place)": a capital city; the caller decides whether it stands for the state
	bare   bool // " (bare)": a generic name ("Foreign Ministry"); another state's name before it wins
	quoted bool // «...»: only inside quotation marks
	since  int  // " (since YEAR)": only in text about YEAR or later
	before int  // " (before YEAR)": only in text about earlier years
}

// parseAlias reads the markers off an alias.
func parseAlias(s string) (alias, error) {
	a := alias{}
	s = strings.TrimSpace(s)
	for {
		switch {
		case strings.HasSuffix(s, " (cs)"):
			a.cs, s = true, strings.TrimSuffix(s, " (cs)")
		case strings.HasSuffix(s, "⚠"):
			a.weak, s = true, strings.TrimSpace(strings.TrimSuffix(s, "⚠"))
		case strings.HasSuffix(s, " (place)"):
			a.place, s = true, strings.TrimSuffix(s, " (place)")
		case strings.HasSuffix(s, " (bare)"):
			a.bare, s = true, strings.TrimSuffix(s, " (bare)")
		case strings.HasSuffix(s, ")") && strings.Contains(s, " (since "):
			i := strings.LastIndex(s, " (since ")
			y, err := strconv.Atoi(s[i+8 : len(s)-1])
			if err != nil {
				return a, errors.New("bad (since YEAR) marker")
			}
			a.since, s = y, s[:i]
		case strings.HasSuffix(s, ")") && strings.Contains(s, " (before "):
			i := strings.LastIndex(s, " (before ")
			y, err := strconv.Atoi(s[i+9 : len(s)-1])
			if err != nil {
				return a, errors.New("bad (before YEAR) marker")
			}
			a.before, s = y, s[:i]
		default:
			if strings.HasPrefix(s, "«") && strings.HasSuffix(s, "»") {
				a.quoted, s = true, strings.TrimSuffix(strings.TrimPrefix(s, "«"), "»")
			}
			if strings.ContainsAny(s, "«»()|") {
				return a, errors.New("unexpected « » ( ) or | in alias")
			}
			if !hasWord(s) { // what withTokens(s) would find, without building the tokens
				return a, errors.New("alias has no words")
			}
			a.text = s
			if allCaps(s) {
				a.cs = true
			}
			return a, nil
		}
	}
}

// allCaps tells an acronym: it has letters and none of them is lower-case.
func allCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}
