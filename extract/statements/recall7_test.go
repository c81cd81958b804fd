package statements

import "testing"

// Recall and precision of statements on real news, seventh round. Sentences written for the test.

// A clause right after the cue ("told him he had ...", "told reporters this was ...") is what was
// said even when a fronted phrase ends with a comma before the speaker: the fronted phrase is
// circumstance, not content.
func TestClauseAfterCueBeatsFrontedPhrase(t *testing.T) {
	body := "While the envoys met in Geneva, border officials told him he had never been a citizen.\n\n" +
		"While the talks stalled for weeks, Senator Ortega told reporters this was the last chance to save the treaty."
	check(t, body,
		want{"reported", "he had never been a citizen", ""},
		want{"reported", "this was the last chance to save the treaty", "Ortega"},
	)
}
