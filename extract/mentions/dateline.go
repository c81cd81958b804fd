package mentions

import (
	"regexp"
	"sync"

	"github.com/armswatch/armswatch/extract/textutil"
)

// datelineRE finds a wire dateline at the start of a body ("MOSCOW, October 21. /TASS/.",
// "WASHINGTON (Reuters) -", "МОСКВА, 21 октября. /ТАСС/."). It is the fallback when the caller
// passes no Skip range: the agency tag there is the source, not a mention.
var datelineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\p{Lu}[\p{L}\p{Zs}.'-]{1,40}?(?:\p{Zs}*/[^/\n]{1,40}/)?[,.]?\p{Zs}*(?:[^.\n/()]{1,25}[.,]?\p{Zs}*)?(?:/[\p{Lu}\p{Zs}-]{2,20}/\.?|\([^)\n]{1,30}\)\p{Zs}*[-–—]|[A-ZА-Я][A-ZА-Я.]{2,20}\p{Zs}*[-–—])`)
})

// datelineSpan returns the byte range of a dateline opening one of the first three paragraphs
// (a headline may come first), or nil.
func datelineSpan(body string) [][2]int {
	for i, p := range textutil.Paragraphs(body) {
		if i == 3 {
			break
		}
		if loc := datelineRE().FindStringIndex(p.Text); loc != nil {
			return [][2]int{{p.Start + loc[0], p.Start + loc[1]}}
		}
	}
	return nil
}
