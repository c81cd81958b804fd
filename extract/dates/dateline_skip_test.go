package dates

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Matches inside the dateline ("October 21" of "MOSCOW, October 21. /TASS/.") are not resolved:
// pick drops whatever overlaps the dateline. Extract must give the same dates as when it
// resolves them, on bodies that open with datelines of every style and go on at random.
func TestDatelineMatchesSkipped(t *testing.T) {
	rng := rand.New(rand.NewSource(17))
	openings := []string{
		"MOSCOW, October 21. /TASS/. ", "WASHINGTON, Oct. 5 (Reuters) - ", "GENEVA, 3 March 2021 — ",
		"МОСКВА, 21 октября. /ТАСС/. ", "VIENNA (AP) — ", "MOSCOW, Monday, May 5 - ", "LONDON, Friday. ",
		"BEIJING, Dec. 31, 2020 (Xinhua) -- ", "",
	}
	pub := time.Date(2020, 10, 21, 9, 0, 0, 0, time.UTC)
	skipped, dated := 0, 0
	for i := range 600 {
		body := openings[i%len(openings)] + randomParagraph(rng) + "\n\n" + randomParagraph(rng)
		dl := FindDateline(body, pub)
		ref := pub
		if dl != nil && dl.Date != nil {
			dated++
			if d, err := time.Parse("2006-01-02", *dl.Date); err == nil {
				ref = d
			}
		}
		got := Extract(body, dl, ref)
		skipInDateline = false
		want := Extract(body, dl, ref)
		skipInDateline = true
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: skipping the dateline's matches gives %+v, resolving them %+v", body, got, want)
		}
		if dl != nil {
			for _, r := range rules() {
				for _, ix := range r.pat.re().FindAllStringIndex(body[:dl.End], -1) {
					if within(dl, ix[0], ix[1]) && !strings.HasPrefix(body[ix[0]:], "/") {
						skipped++
					}
				}
			}
		}
	}
	if skipped < 150 || dated < 150 {
		t.Fatalf("only %d matches inside %d dated datelines: the test reads too few", skipped, dated)
	}
}
