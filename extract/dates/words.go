package dates

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed words.txt
var wordsData string

// lexicon holds the words of words.txt by section: word -> number.
type lexicon struct {
	month, weekday, number map[string]int
}

var words = sync.OnceValue(func() *lexicon {
	lx := &lexicon{month: map[string]int{}, weekday: map[string]int{}, number: map[string]int{}}
	var cur map[string]int
	for _, line := range strings.Split(wordsData, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case line == "[month]":
			cur = lx.month
		case line == "[weekday]":
			cur = lx.weekday
		case line == "[number]":
			cur = lx.number
		default:
			f := strings.Fields(line)
			n, err := strconv.Atoi(f[0])
			if err != nil || cur == nil {
				continue
			}
			for _, w := range f[1:] {
				cur[w] = n
			}
		}
	}
	return lx
})

// monthNum returns 1..12 for a month name or abbreviation (English or Russian), else 0.
func monthNum(w string) int {
	w = strings.ToLower(w)
	if n, ok := words().month[w]; ok {
		return n
	}
	return words().month[strings.TrimSuffix(w, ".")]
}

// countOf reads a count written in digits or words ("two", "3", "пять").
func countOf(w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	return words().number[strings.ToLower(w)]
}
