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
