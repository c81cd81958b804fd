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

// A pronoun or a description joined by "and" to the subject of a cue speaks with it: the pair
// is the speaker, unnamed ("..., he and Mr. Allen said"); without the first the content was lost.
func TestCompoundSubjectWithPronoun(t *testing.T) {
	body := "The audit was never finished because the money ran out, he and Mr. Allen said.\n\n" +
		"The inspectors were turned away at the gate, she and another reporter said.\n\n" +
		"The senator and the State Department have asserted that no rule was broken."
	check(t, body,
		want{"reported", "The audit was never finished because the money ran out", ""},
		want{"reported", "The inspectors were turned away at the gate", ""},
		want{"reported", "no rule was broken", "State Department"},
	)
}

// "As <subject> <cue>," whose subject is a noun phrase the rules do not know ("As the paper
// noted,") reports what follows its comma, by someone unnamed; an "as" clause with a verb of its
// own before the cue is no attribution.
func TestAsClauseUnnamedSubject(t *testing.T) {
	body := "As the paper noted, the plant had been closed since 2019.\n\n" +
		"As another study from 2011 noted, most of the workers were under 30.\n\n" +
		"As the crowd was cheering, the band played on."
	check(t, body,
		want{"reported", "the plant had been closed since 2019", ""},
		want{"reported", "most of the workers were under 30", ""},
	)
}

// After a subject the rules do not name, a clause in the present without an auxiliary is what
// was said: a verb adverb before the verb ("officers still scrutinize") or a verb in -s after a
// singular noun ("the nation needs"); a noun phrase alone is not ("say thanks to ...").
func TestUnnamedSubjectPresentClause(t *testing.T) {
	body := "The women say officers still scrutinize the park at night.\n\n" +
		"More than half of the respondents in the poll said the nation needs a third party.\n\n" +
		"The women say thanks to the nurses of the city's hospitals."
	check(t, body,
		want{"reported", "officers still scrutinize the park at night", ""},
		want{"reported", "the nation needs a third party", ""},
	)
}

// More verbs of saying report a clause after a subject the rules do not name: "note",
// "explained", "stated", "reported", "writes" ("Patient advocacy groups note that ...").
func TestMoreSayVerbsUnnamedSubject(t *testing.T) {
	body := "Patient advocacy groups note that the senator backed the ban in 2003.\n\n" +
		"The trade paper reported that the plant would close in June."
	check(t, body,
		want{"reported", "the senator backed the ban in 2003", ""},
		want{"reported", "the plant would close in June", ""},
	)
}

// A semicolon right after a trailing attribution ends its clause: what was said comes before
// it ("..., political analysts say; in 2012, ..."), not the writer's next clause after it.
func TestSemicolonAfterTrailingAttribution(t *testing.T) {
	body := "Turnout will decide the race, political analysts say; in 2012, the party lost by two points."
	check(t, body,
		want{"reported", "Turnout will decide the race", ""},
	)
}

// A group of people qualified by a chain of prepositional phrases speaks ("officials in both
// cities insist", "People with direct knowledge of the talks said"), unnamed.
func TestGroupBeforePrepositionChain(t *testing.T) {
	body := "There is no risk of a shortage, officials in both capitals insist, because the stocks are full.\n\n" +
		"People with direct knowledge of the inspectors' work said that the site had been cleared."
	check(t, body,
		want{"reported", "There is no risk of a shortage because the stocks are full", ""},
		want{"reported", "the site had been cleared", ""},
	)
}

// "that" after a cue opens what was said: it is never a speaker inverted after the cue, also
// when the subject before the cue is one the rules cannot read ("And a third, Jo Reyes, said
// that ..." had made the subject the content and "that ..." the speaker).
func TestThatAfterCueIsNoSpeaker(t *testing.T) {
	body := "Three in five insiders across the four states — and two thirds of the delegates in New Hampshire — said that despite Rubio's rise in Iowa, Trump can't be beaten.\n\n" +
		"And a third, Daniel Reyes, said that while he opposed Trump, he was supporting Cruz."
	check(t, body,
		want{"reported", "despite Rubio's rise in Iowa, Trump can't be beaten", ""},
		want{"reported", "while he opposed Trump, he was supporting Cruz", ""},
	)
}

// The tail of an attribution stops at ", but/though (he) <cue>": the same speaker's next cue
// is read, not swallowed by the first one ("..., Carson said on NBC, but he said he ...",
// "“...,” she said, but added that ...", "..., saying ..., but he suggested ...").
func TestNextCueAfterAttributionTail(t *testing.T) {
	body := "\"Vetting is one thing,\" Ben Carson said on NBC's Meet the Press, but he said he is being asked about events of 50 years ago.\n\n" +
		"Senator Ann Hale gave the plan some credit during the interview, saying it should be debated, but she suggested the cost is too high."
	check(t, body,
		want{"direct", "Vetting is one thing", "Ben Carson"},
		want{"reported", "he is being asked about events of 50 years ago", "Ben Carson"},
		want{"reported", "it should be debated", "Ann Hale"},
		want{"reported", "the cost is too high", "Ann Hale"},
	)
}

// Cues known only in the past have their present forms too ("But they maintain that ...",
// "The envoy reiterates that ...").
func TestPresentFormsOfCues(t *testing.T) {
	body := "The national unions know of the support. But they maintain that most members back the senator.\n\n" +
		"Ambassador Ann Hale reiterates that the talks will go on."
	check(t, body,
		want{"reported", "most members back the senator", ""},
		want{"reported", "the talks will go on", "Ann Hale"},
	)
}

// A cue that is also a plural noun ("claims", "reports") is the verb after a subject pronoun or
// a name opening the sentence when a clause with its own subject and verb follows; a plural
// noun before a verb stays a noun.
func TestAmbiguousCueAfterSubject(t *testing.T) {
	body := "Senator Ann Hale claims she's owed $10 million.\n\n" +
		"The Daily Ledger reports the two men had a falling out last year.\n\n" +
		"Hale claims were false, the auditors said."
	check(t, body,
		want{"reported", "she's owed $10 million", "Ann Hale"},
		want{"reported", "the two men had a falling out last year", "Daily Ledger"},
		want{"reported", "Hale claims were false", ""},
	)
}

// A relative clause between dashes after a named subject may be long ("Joyce — who is listed
// as ... but doesn't ... — told"): the name before it speaks.
func TestLongRelativeAsideBetweenDashes(t *testing.T) {
	body := "Reached by phone on Tuesday, Tom Joyce — who is listed as an attorney in Illinois but does not actively practice law these days — told reporters he is not planning an appeal of the board's ruling for lack of money."
	check(t, body,
		want{"reported", "he is not planning an appeal of the board's ruling for lack of money", "Tom Joyce"},
	)
}

// ... and after a group of people at the end of a list ("..., and many lawmakers claim it will").
func TestAmbiguousCueAfterGroup(t *testing.T) {
	body := "But labor unions, environmental groups, and many Democratic lawmakers claim it will cost jobs."
	check(t, body,
		want{"reported", "it will cost jobs", ""},
	)
}

// A subordinate clause with its own subject and cue after an attribution's tail is a statement
// of its own ("..., Trump said, after CNBC's Becky Quick said the ...").
func TestCueInClauseAfterAttribution(t *testing.T) {
	body := "\"I never said that,\" Senator Ann Hale said, after the moderator Jo Reyes said the senator had called the plan a fraud."
	check(t, body,
		want{"direct", "I never said that", "Ann Hale"},
		want{"reported", "the senator had called the plan a fraud", "Jo Reyes"},
	)
}

// "acknowledge" reports its clause after a subject the rules do not name ("Even those who have
// sketched out paths for him acknowledge that ...").
func TestAcknowledgeUnnamedSubject(t *testing.T) {
	body := "Even those who have sketched out possible paths for the governor to win the nomination acknowledge that they are narrow."
	check(t, body,
		want{"reported", "they are narrow", ""},
	)
}

// A cue joined by "and"/"but" to an earlier verb has the earlier verb's subject for its speaker
// when a fronted phrase hid it from the sentence start ("There, the district chairman Chuck
// Williams declined to name ... but said ...").
func TestCoordinatedCueSubjectOfFirstVerb(t *testing.T) {
	body := "There, the district party chairman Chuck Williams declined to name the three delegates but said one was an avowed supporter."
	check(t, body,
		want{"reported", "one was an avowed supporter", "Chuck Williams"},
	)
}

// A cue followed by "with" and a name or an object pronoun names a partner of the talk, no
// content ("Meyer, a former governor who argued with Ms. Brainard at the conference, said ...").
func TestCueWithPartnerIsNoStatement(t *testing.T) {
	body := "Laurence Meyer, a former governor who argued with Ms. Brainard at the February conference, said the bank had moved too early.\n\n" +
		"Senator Ann Hale joked with Trump that the bill would pass."
	check(t, body,
		want{"reported", "the bank had moved too early", "Laurence Meyer"},
		want{"reported", "the bill would pass", "Ann Hale"},
	)
}

// A name that ends with an abbreviation and its period ("Joseph R. Biden Jr. warned", "Acme
// Inc. said") is the subject: the period does not end the speaker phrase.
func TestSubjectEndingInAbbreviation(t *testing.T) {
	body := "Vice President Joseph R. Biden Jr. warned this week that the treaty was at risk."
	check(t, body,
		want{"reported", "the treaty was at risk", "Joseph R. Biden Jr"},
	)
}

// A phrase with a finite verb after a cue is what was said, never a speaker inverted after the
// cue ("The judges, for instance, said the problem was not requiring a photo ID" had made "The
// judges, for instance" the content of "ID").
func TestFiniteClauseAfterCueIsNoSpeaker(t *testing.T) {
	body := "The judges, for instance, said the problem was not requiring a photo ID."
	check(t, body,
		want{"reported", "the problem was not requiring a photo ID", ""},
	)
}

// "suggested" after a noun of measurement is inference, no statement ("exit polls suggested
// that ..."); after people it reports a clause.
func TestEvidenceSubjectSuggests(t *testing.T) {
	body := "In Nevada, exit polls suggested that turnout among young voters dropped sharply.\n\n" +
		"Several party leaders suggested that the governor would be competitive."
	check(t, body,
		want{"reported", "the governor would be competitive", ""},
	)
}

// "it's safe to say", "needless to say": the writer's idiom reports no one.
func TestSayIdiomIsNoStatement(t *testing.T) {
	body := "After his remarks about the border, it's safe to say he's referring to the plan to close it.\n\n" +
		"Analysts say the plan would cost billions."
	check(t, body,
		want{"reported", "the plan would cost billions", ""},
	)
}
