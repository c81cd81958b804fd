package statements

import "testing"

// Recall of statements on real news, second round: sentence shapes that real reporting writes.
// Sentences written for the test.

// A quotation opening the sentence, then a description and a name in apposition: the sentence
// has no first word before the quotation, which once crashed the speaker rule for descriptions.
func TestQuoteThenDescribedName(t *testing.T) {
	body := "The trial ended on Friday.\n\n" +
		"\"We need him at home,\" his sister, Ana Pereira Costa, wrote in a note to the judge."
	check(t, body,
		want{"direct", "We need him at home", "Ana Pereira Costa"},
	)
}

// After an opening quotation, a description then a name in apposition: the name speaks.
func TestDescribedNameAfterQuote(t *testing.T) {
	body := "The club met again in March.\n\n" +
		"\"He never paid for a round,\" another former teammate, Sam Okafor, recalled.\n\n" +
		"\"The hall was full,\" one organiser, Rita Kell, said."
	check(t, body,
		want{"direct", "He never paid for a round", "Sam Okafor"},
		want{"direct", "The hall was full", "Rita Kell"},
	)
}

// A second cue before a quotation owns it: the clause after the first cue is a statement of its
// own, not circumstance before the quotation.
func TestSecondCueOwnsQuotation(t *testing.T) {
	body := "The hearing lasted two hours.\n\n" +
		"Varga said she welcomed the ruling and added, \"We will not appeal.\""
	check(t, body,
		want{"reported", "she welcomed the ruling", "Varga"},
		want{"direct", "We will not appeal.", "Varga"},
	)
}

// A speaker the rules do not know, then a cue and a quotation after a comma: the quotation is
// what was said, by nobody named.
func TestUnknownSubjectBeforeQuotation(t *testing.T) {
	body := "The page drew hundreds of comments.\n\n" +
		"One longtime reader wrote, \"The paper has lost its way.\""
	check(t, body,
		want{"direct", "The paper has lost its way.", ""},
	)
}

// A name opening the sentence, then appositions and clauses of any length up to a comma before
// the cue: the name speaks, not the last description.
func TestLeadNameBeforeLongAppositions(t *testing.T) {
	body := "The council met on Monday.\n\n" +
		"Dana Whitfield, a former treasurer of the county party, whose family ran the mill, said the vote was rigged.\n\n" +
		"Omar Lindqvist, also touring the region this week, said the plant would close."
	check(t, body,
		want{"reported", "the vote was rigged", "Dana Whitfield"},
		want{"reported", "the plant would close", "Omar Lindqvist"},
	)
}

// Adverbs, "at the time" and a verb taking the cue as its infinitive stand between the speaker
// and the cue: the speaker is still the subject before them.
func TestAdverbsBetweenSpeakerAndCue(t *testing.T) {
	body := "The factory closed in June.\n\n" +
		"Mayor Ida Brandt has since said the closure was avoidable.\n\n" +
		"Brandt often says the region needs a new rail link.\n\n" +
		"Brandt at the time said the owners had misled her.\n\n" +
		"Brandt continued to insist she had done nothing wrong."
	check(t, body,
		want{"reported", "the closure was avoidable", "Ida Brandt"},
		want{"reported", "the region needs a new rail link", "Ida Brandt"},
		want{"reported", "the owners had misled her", "Ida Brandt"},
		want{"reported", "she had done nothing wrong", "Ida Brandt"},
	)
}

// An acronym written with periods ends on a period of its own before the cue: it is no
// sentence end, and the acronym speaks.
func TestDottedAcronymSpeaker(t *testing.T) {
	body := "The inquiry was closed in May.\n\n" +
		"The E.P.A. said the samples had been lost."
	check(t, body,
		want{"reported", "the samples had been lost", "E.P.A"},
	)
}

// A participle cue after the object of the clause's verb: the clause's subject speaks, not the
// document named before the participle; after "quoted X as", X speaks.
func TestParticipleAfterObject(t *testing.T) {
	body := "The vote was held on Sunday.\n\n" +
		"Marta Quiroga issued a statement saying the count had been fair.\n\n" +
		"A ministry bulletin quoted Quiroga as saying the recount would start on Monday."
	check(t, body,
		want{"reported", "the count had been fair", "Marta Quiroga"},
		want{"reported", "the recount would start on Monday", "Marta Quiroga"},
	)
}

// A participle after a comma, in a sentence opening with a long phrase of circumstance: the
// subject after that phrase speaks.
func TestParticipleAfterLongOpening(t *testing.T) {
	body := "The results came in late.\n\n" +
		"In a short speech on Tuesday night in a crowded hotel ballroom, Governor Ines Varga struck a calm tone, saying she would serve every voter."
	check(t, body,
		want{"reported", "she would serve every voter", "Ines Varga"},
	)
}
