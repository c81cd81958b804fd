package statements

import "testing"

// TestSentencesSharedAbbreviations: the token sentence splitter reads the shared word classes of
// extract/lang: every month abbreviation, Russian ones included, keeps its period, while an
// abbreviation that leads no word still ends a sentence before a word that only opens one.
func TestSentencesSharedAbbreviations(t *testing.T) {
	for body, want := range map[string]int{
		"The talks began in Jul. 2019 and ended in Apr. 2021.":         1,
		"Договор подписан 8 апр. 2010 г. в Праге.":                     1,
		"Gen. Smith met Sen. Jones on Monday.":                         1,
		"The plant made 1,2 млн. Он сказал, что этого мало.":           2,
		"They met in the U.S. He said the talks went well.":            2,
		"V. Putin spoke first. Then the delegations met behind doors.": 2,
	} {
		got := sentences(tokenize(body, 0, len(body), nil))
		if len(got) != want {
			t.Errorf("%q: %d sentences, want %d", body, len(got), want)
		}
	}
}
