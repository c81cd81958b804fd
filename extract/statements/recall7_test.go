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

// A short clause with a pronoun subject and its verb ("he would", "he makes $41,000 a year") is
// a whole statement though it has few content words.
func TestShortPronounClause(t *testing.T) {
	body := "Senators are split on whether they would vote for the nominee. Senator Flake said he would.\n\n" +
		"Chris Brownell, an audience member, said he makes $41,000 a year."
	check(t, body,
		want{"reported", "he would", "Flake"},
		want{"reported", "he makes $41,000 a year", "Chris Brownell"},
	)
}
