package statements

import "testing"

// Recall and precision of statements on real news, sixth round. Sentences written for the test.

// After a whole quotation and an inverted speaker, the words past the speaker's comma describe
// the speaker (an apposition the role list does not know) or go on with the writer's narration:
// they are not more of what was said.
func TestQuotationCompleteBeforeInvertedSpeaker(t *testing.T) {
	body := "\"The fear is greater here than anywhere,\" said Paloma Wu, legal director for the civil liberties union, which filed a challenge against the law.\n\n" +
		"\"If he stays the course, I will not vote for him,\" declared Senator Jeff Flake, Republican of Arizona, who echoed the speaker's denunciation."
	check(t, body,
		want{"direct", "The fear is greater here than anywhere", "Paloma Wu"},
		want{"direct", "If he stays the course, I will not vote for him", "Jeff Flake"},
	)
}
