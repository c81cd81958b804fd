package dates

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
)

//go:embed words.txt
var wordsData string

// numbers holds the [number] section of words.txt: count word -> count. Month and weekday names
// come from the shared word classes of extract/lang.
var numbers = sync.OnceValue(func() map[string]int {
	out := map[string]int{}
	in := false
	for _, line := range strings.Split(wordsData, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			in = line == "[number]"
		case in:
			f := strings.Fields(line)
			n, err := strconv.Atoi(f[0])
			if err != nil {
				continue
			}
			for _, w := range f[1:] {
				out[w] = n
			}
		}
	}
	return out
})

// countOf reads a count written in digits or words ("two", "3", "пять").
func countOf(w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	return numbers()[strings.ToLower(w)]
}
