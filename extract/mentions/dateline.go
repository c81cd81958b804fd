package mentions

import (
	"regexp"
	"sync"
)

// datelineRE finds a wire dateline at the start of a body ("MOSCOW, October 21. /TASS/.",
// "WASHINGTON (Reuters) -", "МОСКВА, 21 октября. /ТАСС/."). It is the fallback when the caller
// passes no Skip range: the agency tag there is the source, not a mention.
var datelineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Lu}[\p{Lu}\p{Zs}.'-]+(?:,[^.\n/]{1,40})?\.?\p{Zs}*(?:/[^/\n]{1,30}/\.?|\([^)\n]{1,30}\)\p{Zs}*[-–—])`)
})

// datelineSpan returns the byte range of a leading dateline, or nil.
func datelineSpan(body string) [][2]int {
	if loc := datelineRE().FindStringIndex(body); loc != nil {
		return [][2]int{{loc[0], loc[1]}}
	}
	return nil
}
