package goldscore

import (
	"strings"
	"unicode"
)

// deleted are the marks that sit inside words: apostrophes, periods and commas ("Russia's" gives
// "russias", "1,550" gives "1550").
const deleted = "'`\u00b4\u2018\u2019\u201a\u201b\u2032\u02bc\u02b9.,"

// quoteSymbols are quotation marks outside Unicode's punctuation categories.
const quoteSymbols = "\u02ba\u02dd\u2033\u2036\u301d\u301e"

// normWords is the matching normalisation: lower case, the in-word marks deleted, any other
// punctuation a word break, then split into words.
func normWords(s string) []string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case strings.ContainsRune(deleted, r):
		case strings.ContainsRune(quoteSymbols, r) || unicode.IsPunct(r):
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return strings.Fields(b.String())
}

var folder = strings.NewReplacer(
	"\u2018", "'", "\u2019", "'", "\u201a", "'", "\u201b", "'", "\u2032", "'", "\u2039", "'",
	"\u203a", "'", "\u02bc", "'",
	"\u201c", `"`, "\u201d", `"`, "\u201e", `"`, "\u201f", `"`, "\u2033", `"`, "\u00ab", `"`, "\u00bb", `"`,
	"\u2010", "-", "\u2011", "-", "\u2012", "-", "\u2013", "-", "\u2014", "-", "\u2015", "-",
	"\u2212", "-", "\u2043", "-", "\ufe58", "-", "\ufe63", "-", "\uff0d", "-",
)

// fold is the article checks' comparison form: typographic quotes and dashes made ASCII, runs
// of white space collapsed, the ends trimmed.
func fold(s string) string {
	return strings.Join(strings.Fields(folder.Replace(s)), " ")
}

// overlap returns the words two lists share (as multisets) and their Dice ratio.
func overlap(g, o []string) (int, float64) {
	count := map[string]int{}
	for _, w := range g {
		count[w]++
	}
	shared := 0
	for _, w := range o {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	total := len(g) + len(o)
	if total == 0 {
		return shared, 0
	}
	return shared, 2 * float64(shared) / float64(total)
}

// textsOverlap: one normalised text contains the other, or they share a word.
func textsOverlap(g, o string) bool {
	gw, ow := normWords(g), normWords(o)
	gj, oj := strings.Join(gw, " "), strings.Join(ow, " ")
	if strings.Contains(oj, gj) || strings.Contains(gj, oj) {
		return true
	}
	set := map[string]bool{}
	for _, w := range gw {
		set[w] = true
	}
	for _, w := range ow {
		if set[w] {
			return true
		}
	}
	return false
}
