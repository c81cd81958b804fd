package extract

import (
	"strings"
	"testing"
)

func TestSentenceSpan(t *testing.T) {
	body := "MOSCOW, Oct. 21. /TASS/. First one.\n\nThe U.S. side said the treaty caps warheads at 1,550. " +
		"Mr. Smith agreed, \"it is fine.\" Next sentence here.\n\nLast"
	cases := []struct{ figure, sentence string }{
		{"1,550", "The U.S. side said the treaty caps warheads at 1,550."},
		{"fine", "Mr. Smith agreed, \"it is fine.\""},
		{"Last", "Last"},
		{"First", "First one."},
	}
	for _, c := range cases {
		i := strings.Index(body, c.figure)
		s, e := SentenceSpan(body, i, i+len(c.figure))
		if got := body[s:e]; got != c.sentence {
			t.Errorf("sentence of %q = %q, want %q", c.figure, got, c.sentence)
		}
	}
}

// A run-on "sentence" far longer than prose (a scraped table with no stops) gives each figure
// the text within maxSentence of it, not the whole paragraph: reading the paragraph again for
// each of its thousands of figures took longer than any analysis timeout.
func TestSentenceSpanOfARunOn(t *testing.T) {
	body := "Opening sentence here. The treaty allows " + strings.Repeat("no more than 1,550 deployed warheads and ", 500) + "the end."
	i := strings.Index(body[len(body)/2:], "1,550") + len(body)/2
	s, e := SentenceSpan(body, i, i+5)
	if s < i-maxSentence || e > i+5+maxSentence || s >= i || e <= i+5 {
		t.Fatalf("span [%d, %d) around [%d, %d) of a %d-byte run-on; want at most %d bytes each side", s, e, i, i+5, len(body), maxSentence)
	}
	i = strings.Index(body, "1,550") // near the start: the sentence still opens after the first stop
	if s, _ := SentenceSpan(body, i, i+5); body[s:s+3] != "The" {
		t.Fatalf("sentence opens at %q; want after the first stop", body[s:s+10])
	}
}
