package statements

import "testing"

// Reported speech as US and agency news write it: long speaker phrases, tails after a
// quotation's cue, the writer's own clause after the content. Sentences written for the test.

func TestQuotationTailIsCircumstance(t *testing.T) {
	body := "The senator spoke to reporters outside the chamber.\n\n" +
		"\"The treaty is dead,\" Senator Jane Holloway said of the agreement during a call to CBS's \"Face the Nation.\"\n\n" +
		"\"We will not sign it,\" the senator said of the draft, speaking to \"Meet the Press\" on Sunday.\n\n" +
		"\"Verification comes first,\" said Tom Barker, 54, a retired inspector from Ohio."
	check(t, body,
		want{"direct", "The treaty is dead", "Jane Holloway"},
		want{"direct", "We will not sign it", "Jane Holloway"},
		want{"direct", "Verification comes first", "Tom Barker"},
	)
}

func TestSpeakerPhrases(t *testing.T) {
	body := "The talks ended on Friday without a deal.\n\n" +
		"Rep. Mark Delaney (D-Ore.) said the committee would hold hearings in March.\n\n" +
		"Kasper (who leads the delegation) said the next round would start in Vienna.\n\n" +
		"Michael Orr, who lives near the test site outside the state capital, Carson City, said the tests should never resume.\n\n" +
		"The institute's director, Laura Finch, said the stockpile was growing.\n\n" +
		"Senator Paul Ridge of North Dakota said the missiles would be replaced by 2030.\n\n" +
		"Several diplomats who attended the session said the mood was tense.\n\n" +
		"According to the Korean Central News Agency on Friday, the launch was a routine drill."
	check(t, body,
		want{"reported", "the committee would hold hearings in March", "Mark Delaney"},
		want{"reported", "the next round would start in Vienna", "Kasper"},
		want{"reported", "the tests should never resume", "Michael Orr"},
		want{"reported", "the stockpile was growing", "Laura Finch"},
		want{"reported", "the missiles would be replaced by 2030", "Paul Ridge"},
		want{"reported", "the mood was tense", ""},
		want{"reported", "the launch was a routine drill", "Korean Central News Agency"},
	)
}

func TestWritersClauseEndsContent(t *testing.T) {
	body := "The minister spoke at length.\n\n" +
		"Defense Minister Ivan Sorel said the tests would continue, and he visited the launch site on Monday.\n\n" +
		"He praised the crews, and said there was no risk to the public."
	check(t, body,
		want{"reported", "the tests would continue", "Ivan Sorel"},
		want{"reported", "there was no risk to the public", "Ivan Sorel"},
	)
}

func TestFrontedCue(t *testing.T) {
	body := "The inspectors left the site on Tuesday.\n\n" +
		"Said Ambassador Rita Gomez, \"We saw nothing that worries us.\""
	check(t, body,
		want{"direct", "We saw nothing that worries us.", "Rita Gomez"},
	)
}
