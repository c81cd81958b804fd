package dates

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"

	"github.com/armswatch/armswatch/extract/lang"
)

//go:embed words.txt
var wordsData string

// sections are the word lists of words.txt. Month and weekday names come from the shared word
// classes of extract/lang.
var sections = sync.OnceValue(func() map[string][]string { return lang.Sections(wordsData) })

// numbers maps a count word to its count.
var numbers = sync.OnceValue(func() map[string]int { return lang.Numbered(sections()["number"]) })

// quantityWords follow a number that counts things, not a year ("2010 warheads").
var quantityWords = sync.OnceValue(func() map[string]bool { return lang.Set(sections()["quantity"]) })

// festive names built on a weekday are not dates ("Black Friday").
var festive = sync.OnceValue(func() map[string]bool { return lang.Set(sections()["festive"]) })

// countOf reads a count written in digits or words ("two", "3", "пять").
func countOf(w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	return numbers()[strings.ToLower(w)]
}
