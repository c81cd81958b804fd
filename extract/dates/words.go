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

// numbers holds the [number] section of words.txt: count word -> count. Month and weekday names
// come from the shared word classes of extract/lang.
var numbers = sync.OnceValue(func() map[string]int { return lang.Numbered(lang.Sections(wordsData)["number"]) })

// countOf reads a count written in digits or words ("two", "3", "пять").
func countOf(w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	return numbers()[strings.ToLower(w)]
}
