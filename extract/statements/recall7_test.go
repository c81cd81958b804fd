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

// A noun-phrase subject after "say" may run long before its verb ("the decision to delay the vote
// until the spring session would ..."): with an unnamed speaker the clause is still what was said.
func TestLongSubjectAfterUnnamedSpeaker(t *testing.T) {
	body := "The retired coach said the decision to delay the vote until the spring session would hurt the party.\n\n" +
		"This angered relatives of the victims, many of whom say the president's claims about potential retaliation from other foreign governments are unfounded."
	check(t, body,
		want{"reported", "the decision to delay the vote until the spring session would hurt the party", ""},
		want{"reported", "the president's claims about potential retaliation from other foreign governments are unfounded", ""},
	)
}

// A speaker phrase after what was said may hold proper adjectives ("the Democratic presidential
// candidate's former doctor") or open with a participle of status ("retired Air Force general").
func TestTrailingSpeakerWithProperAdjectives(t *testing.T) {
	body := "Secrecy is not a stranger when it comes to her health, the Democratic presidential candidate's former doctor said.\n\n" +
		"The plan will not work, retired Air Force general Lloyd Newton said."
	check(t, body,
		want{"reported", "Secrecy is not a stranger when it comes to her health", ""},
		want{"reported", "The plan will not work", "Lloyd Newton"},
	)
}

// "said in an interview with CNN" names the channel of the interview, not a partner of an
// argument: the attribution stands. A description before the speaker's name runs back over its
// modifiers to the comma ("..., his top aide, Tad Devine, said").
func TestTrailingAttributionWithChannelAndDescription(t *testing.T) {
	body := "The race will take time to cool off, Kunin said in an interview with CNN.\n\n" +
		"Sanders will stay in the race through the convention, his top aide, Tad Devine, said."
	check(t, body,
		want{"reported", "The race will take time to cool off", "Kunin"},
		want{"reported", "Sanders will stay in the race through the convention", "Tad Devine"},
	)
}

// A programme's name in quotation marks after a possessive or a preposition ("on MSNBC's
// “Morning Joe”") is circumstance of the attribution, not what was said.
func TestShowTitleIsCircumstance(t *testing.T) {
	body := "Shays backed Kasich while the Ohio governor was in the running, he said Wednesday on MSNBC’s “Morning Joe.”\n\n" +
		"Senator Ortega said on “Face the Nation” that the deal is a disaster."
	check(t, body,
		want{"reported", "Shays backed Kasich while the Ohio governor was in the running", ""},
		want{"reported", "the deal is a disaster", "Ortega"},
	)
}

// The tail of a trailing attribution may hold a subordinate clause of circumstance ("told his
// advisers as he labored over ...") or a dash aside ("— an apparent reversal ..."): the words
// said are still the ones before the speaker.
func TestTrailingAttributionWithClauseOrAside(t *testing.T) {
	body := "This is not about me, President Obama told his closest advisers as he labored over the address.\n\n" +
		"The law requires too many tests, Bill Clinton said this week at an event in Wyoming — an apparent reversal of her past support.\n\n" +
		"The race is tight, Kunin said as she left the hall."
	check(t, body,
		want{"reported", "This is not about me", "Obama"},
		want{"reported", "The law requires too many tests", "Bill Clinton"},
		want{"reported", "The race is tight", "Kunin"},
	)
}

// A "that" right before a finite verb in the tail of a cue opens a relative clause on the noun
// before it ("told reporters after the meeting that was held on a boat"), not what was said:
// the quotation before the speaker is the statement.
func TestRelativeThatInCueTail(t *testing.T) {
	body := "\"We are in a critical situation,\" Chancellor Angela Merkel told reporters after the meeting that was held on a boat on the Danube."
	check(t, body,
		want{"direct", "We are in a critical situation", "Angela Merkel"},
	)
}

// After a fronted name ("In nearby Decatur, ..."), a phrase opened by an article with a finite
// verb soon after is a clause, what was said, not an apposition of the name: the speaker is
// the one named after the cue.
func TestArticleClauseIsNoApposition(t *testing.T) {
	body := "In nearby Decatur, the big steel plant is hanging on, said the company's chief executive, John J. Ferriola."
	check(t, body,
		want{"reported", "In nearby Decatur, the big steel plant is hanging on", "John J. Ferriola"},
	)
}

// A sentence made of a subject, its verb, a comma and a closing quotation of a whole sentence
// gives the quotation to the subject, whatever the verb ("interjected", "jokes"), as a colon does.
func TestCommaQuoteAfterAnyVerb(t *testing.T) {
	body := "Senator Silverman interjected, “Ladies and gentlemen, the vote is open.”\n\n" +
		"In his speech, “We will win.”"
	check(t, body,
		want{"direct", "Ladies and gentlemen, the vote is open.", "Silverman"},
	)
}

// In Russian an inverted speaker may be followed by the verb's object ("— оценил Антонов
// величину шанса"): lower-case words after the name are not part of it.
func TestRussianObjectAfterInvertedSpeaker(t *testing.T) {
	body := "«Он ненулевой», — оценил Антонов величину шанса, но не стал давать более точной цифры."
	check(t, body,
		want{"direct", "Он ненулевой", "Антонов"},
	)
}

// Scraped pages may lose the space between two sentences ("the United States.Can they ..."):
// a period between lower-case letters and a capitalised word ends the sentence, while "U.S"
// stays one word.
func TestJoinedSentencesSplit(t *testing.T) {
	body := "Ryabkov noted that the situation is causing concern due to the actions of the United States.Can they repeat it? The U.S. Navy did not comment."
	check(t, body,
		want{"reported", "the situation is causing concern due to the actions of the United States", "Ryabkov"},
	)
}

// "one" opens a trailing description of an unnamed speaker as an article does ("..., one
// longtime friend said").
func TestTrailingDescriptionWithOne(t *testing.T) {
	body := "The Trump job marks his reemergence onto the political scene, one longtime friend said."
	check(t, body,
		want{"reported", "The Trump job marks his reemergence onto the political scene", ""},
	)
}
