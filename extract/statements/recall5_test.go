package statements

import "testing"

// Recall of statements on real news, fifth round: subjects the speaker rules do not name.
// Sentences written for the test.

// A cue of saying joined by "and" to an earlier verb whose subject names nobody ("The filing
// cited ... and said that ...") still reports its clause, by someone unnamed.
func TestCoordinatedCueUnnamedSubject(t *testing.T) {
	body := "The court filing cited two interviews with the inspectors and said that the site had been cleared in March.\n\n" +
		"Some ask to be left off the list, fearing publicity, and argue that their holdings are far smaller."
	check(t, body,
		want{"reported", "the site had been cleared in March", ""},
		want{"reported", "their holdings are far smaller", ""},
	)
}
