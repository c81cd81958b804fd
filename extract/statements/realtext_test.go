package statements

import "testing"

// Archives of some newspapers write two apostrophes for a double quotation mark.
func TestDoubledApostropheQuotes(t *testing.T) {
	body := "The talks ended without a deal.\n\n" +
		"''We are not going to sign anything this year,'' said Maria Lind, a spokeswoman for the ministry. ''The inspectors' report comes first.''"
	check(t, body,
		want{"direct", "We are not going to sign anything this year The inspectors' report comes first.", "Maria Lind"},
	)
}

// General news describes speakers by common nouns: one person ("the Ohio governor") or a group
// ("Clinton aides", "74 percent").
func TestDescribedSpeakers(t *testing.T) {
	body := "The race was tight.\n\n" +
		"The Ohio governor said the state needs to secure its border.\n\n" +
		"Clinton aides said details of her tax plan will be unveiled in the coming weeks.\n\n" +
		"Among his voters, 74 percent said they are set on voting for him.\n\n" +
		"The Sanders campaign said it would assess its options."
	got := check(t, body,
		want{"reported", "the state needs to secure its border", ""},
		want{"reported", "details of her tax plan will be unveiled in the coming weeks", ""},
		want{"reported", "they are set on voting for him", ""},
		want{"reported", "it would assess its options", "Sanders campaign"},
	)
	if len(got) > 0 && got[0].SpeakerRole != "Ohio governor" {
		t.Errorf("role of the governor: %q", got[0].SpeakerRole)
	}
}

// "..., the ministry noted, adding that ...": the attribution closes the first statement and the
// participle opens a second one, not a parenthetical going on.
func TestParticipleAfterInvertedCue(t *testing.T) {
	body := "The launch took place at dawn.\n\n" +
		"The missile can travel at hypersonic speed, the ministry noted, adding that the test is the first in a series."
	check(t, body,
		want{"reported", "The missile can travel at hypersonic speed", ""},
		want{"reported", "the test is the first in a series", ""},
	)
}

func TestRussianComplaintCue(t *testing.T) {
	body := "Переговоры не возобновились.\n\n" +
		"«Это очень плохо для безопасности во всем мире», - посетовал Песков."
	check(t, body, want{"direct", "Это очень плохо для безопасности во всем мире", "Песков"})
}

// A title with its period ("Ms.", "Gov.") and initials stay inside the speaker's phrase on both
// sides of the cue.
func TestTitlePeriodInSpeaker(t *testing.T) {
	body := "The race was tight.\n\n" +
		"“People turn to us to check on loved ones,” Ms. Lind said.\n\n" +
		"“He has the guts to say it,” said Gov. Terry E. Branstad of Iowa."
	check(t, body,
		want{"direct", "People turn to us to check on loved ones", "Lind"},
		want{"direct", "He has the guts to say it", "Terry E. Branstad"},
	)
}

// A role and then the name between commas: the name speaks, also after "a" and after "the X of Y".
func TestRoleThenNameAppositive(t *testing.T) {
	body := "The race was tight.\n\n" +
		"Facebook created the tool for crises, a spokeswoman, Anna Richardson White, said on Saturday.\n\n" +
		"The director of the European Centre, Ina Kirsch, said her group never worked with him."
	check(t, body,
		want{"reported", "Facebook created the tool for crises", "Anna Richardson White"},
		want{"reported", "her group never worked with him", "Ina Kirsch"},
	)
}

// "..., according to X" is a cue whatever X is, except data ("according to the treaty").
func TestAccordingToAnySource(t *testing.T) {
	body := "The race was tight.\n\n" +
		"Clinton attended the meeting alone, according to a pool report.\n\n" +
		"The deal runs to 2026, according to the treaty."
	check(t, body, want{"reported", "Clinton attended the meeting alone", ""})
}

// "U.S." may end a sentence; "Mr." never does, and it stays in the subject of a participle.
func TestAbbreviationAtSentenceEnd(t *testing.T) {
	body := "The race was tight.\n\n" +
		"Cox says the president is trying to distract from terror in the U.S. He says voters need facts.\n\n" +
		"Mr. Obama revised his plans in October, saying that about 5,500 troops would remain."
	check(t, body,
		want{"reported", "the president is trying to distract from terror in the U.S", "Cox"},
		want{"reported", "voters need facts", "Cox"},
		want{"reported", "about 5,500 troops would remain", "Obama"},
	)
}

// An aside between commas ("in contrast", "в свою очередь") stands between a speaker and the verb.
func TestAsideBetweenSubjectAndVerb(t *testing.T) {
	body := "The race was tight.\n\n" +
		"Gates, in contrast, told AP he was working with Manafort.\n\n" +
		"Песков, в свою очередь, заявил, что переговоры продолжатся."
	check(t, body,
		want{"reported", "he was working with Manafort", "Gates"},
		want{"reported", "переговоры продолжатся", "Песков"},
	)
}
