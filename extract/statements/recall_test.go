package statements

import "testing"

// Recall of reported statements: speaker phrases and cues that real news writes. Sentences
// written for the test.

func TestCoordinatedModifiersOfSpeaker(t *testing.T) {
	body := "The inquiry began in the spring.\n\n" +
		"Investigators will question the mayor's aides next month, current and former officials said.\n\n" +
		"The depot was never inspected, senior or junior diplomats say."
	check(t, body,
		want{"reported", "Investigators will question the mayor's aides next month", ""},
		want{"reported", "The depot was never inspected", ""},
	)
}
