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

// A sentence opened by the question put to its speaker ("Asked whether ..., X said") holds two
// statements: the question, by an asker the text does not name, and the answer. A passive "was
// asked whether" and a question after the main clause stay the writer's.
func TestFrontedQuestionIsSaid(t *testing.T) {
	body := "Asked whether Moscow had notified Washington, Peskov said the United States had been told in advance.\n\n" +
		"When asked how much the program would cost, Lavrov said it would stay within the budget.\n\n" +
		"Ryabkov was asked whether the treaty could be saved. \"We are ready,\" he said when asked about the talks."
	check(t, body,
		want{"reported", "whether Moscow had notified Washington", ""},
		want{"reported", "the United States had been told in advance", "Peskov"},
		want{"reported", "how much the program would cost", ""},
		want{"reported", "it would stay within the budget", "Lavrov"},
		want{"direct", "We are ready", "Ryabkov"},
	)
}

// "as" with a subject pronoun and its finite verb after a reported clause is the writer's
// circumstance ("says he's excited as he faces a test"); "as" before a noun ("as exports rose")
// may be what was said.
func TestAsClauseEndsContent(t *testing.T) {
	body := "Jeb Bush says he is \"excited where we stand\" as he faces a critically important test in South Carolina.\n\n" +
		"The minister said the economy grew as exports rose in the spring."
	check(t, body,
		want{"reported", "he is \"excited where we stand\"", "Jeb Bush"},
		want{"reported", "the economy grew as exports rose in the spring", ""},
	)
}

// A participle of saying after an inverted speaker is the speaker's next statement, not an
// apposition describing the speaker; after a quoted title closed by the comma ("on “Meet the
// Press,” adding, “...”") too. A naming participle without quotation marks ("назвав эту
// сферу чрезвычайно сложной") is the writer's account, as statements-real labels it.
func TestParticipleAfterInvertedSpeaker(t *testing.T) {
	body := "\"The distraction gets you off message,\" said Scott Reed, adding that the party would unite soon.\n\n" +
		"\"He would be the best nominee,\" Graham said on \"Meet the Press,\" adding, \"He is an insider in an outsider year.\"\n\n" +
		"«Работа ведется», - продолжил Дмитрий Песков, назвав эту сферу чрезвычайно сложной."
	check(t, body,
		want{"direct", "The distraction gets you off message", "Scott Reed"},
		want{"reported", "the party would unite soon", "Scott Reed"},
		want{"direct", "He would be the best nominee", "Graham"},
		want{"direct", "He is an insider in an outsider year.", "Graham"},
		want{"direct", "Работа ведется", "Дмитрий Песков"},
	)
}

// ", but added that" after a quotation and its speaker opens the speaker's next statement; a
// quotation after "such as" at the end of a reported clause is an example inside it, not a
// name given "as" the quotation.
func TestButAddedAfterQuotation(t *testing.T) {
	body := "\"I hate the term,\" Ms. Sherry said, but added that the couple was not living large.\n\n" +
		"Larry Sabato added that something \"has to be big\" for the president's popularity to drop, such as \"a surprise recession.\""
	check(t, body,
		want{"direct", "I hate the term", "Sherry"},
		want{"reported", "the couple was not living large", "Sherry"},
		want{"reported", "something \"has to be big\" for the president's popularity to drop, such as \"a surprise recession.\"", "Larry Sabato"},
	)
}

// A cue that is also a plural noun ("notes", "claims") is the verb between a name and a clause
// opened by a determiner or a pronoun; after a nationality or a determiner it stays the noun. A
// dash before "and" and a new clause ends a reported content as a comma does.
func TestAmbiguousCueAfterName(t *testing.T) {
	body := "For example, Schweizer notes the foundation hid four donations from a uranium company.\n\n" +
		"Russian claims the treaty was violated were rejected.\n\n" +
		"Democrats insist the political tide is turning their way — and the Senate is holding talks on a narrow proposal."
	check(t, body,
		want{"reported", "the foundation hid four donations from a uranium company", "Schweizer"},
		want{"reported", "the political tide is turning their way", ""},
	)
}

// "say the same of X" repeats what others said about someone else: no content of its own.
func TestSayTheSameHasNoContent(t *testing.T) {
	body := "Some 54 percent see the senator negatively, while 61 percent say the same of the governor.\n\n" +
		"Only 30 percent said the same about the mayor, and 40 percent said the economy was improving."
	check(t, body,
		want{"reported", "the economy was improving", ""},
	)
}

// "According to X" after the sentence's opening conjunction ("But according to reports, ...")
// is the fronted source as at the sentence start.
func TestAccordingToAfterConjunction(t *testing.T) {
	body := "But according to reports in the news media, he could not convince the family that he was still an asset.\n\n" +
		"But, according to the poll, 46 percent of Republican voters remain undecided."
	check(t, body,
		want{"reported", "he could not convince the family that he was still an asset", ""},
		want{"reported", "46 percent of Republican voters remain undecided", ""},
	)
}

// A semicolon before a new subject and its verb ends a reported clause: the writer goes on.
func TestSemicolonEndsReportedClause(t *testing.T) {
	body := "Republicans said the timing of the news was not intentional; they only learned on Friday of the arrangements."
	check(t, body,
		want{"reported", "the timing of the news was not intentional", ""},
	)
}

// A quoted title inside the circumstance a sentence opens with ("In an interview on “Face the
// Nation,” Ryan said ...") is no quotation of the speaker: what he said follows the cue. A
// quotation before the speaker with no clause after the cue stays what was said.
func TestTitleInOpeningCircumstance(t *testing.T) {
	body := "In an interview on CBS's \"Face the Nation,\" House Speaker Paul Ryan said the recent shootings demand more listening.\n\n" +
		"\"We are not there yet,\" Ryan said on Sunday."
	check(t, body,
		want{"reported", "the recent shootings demand more listening", "Paul Ryan"},
		want{"direct", "We are not there yet", "Paul Ryan"},
	)
}

// An apposition the writer adds to a name in a reported clause, a description closed by "who"
// (", a former governor and ambassador who can raise the cash"), is left out, as ", the most
// powerful ..." is.
func TestApposWithWhoEndsContent(t *testing.T) {
	body := "Those close to him say he would have to consider Don Beyer, a former lieutenant governor and ambassador who can raise the cash to run statewide."
	check(t, body,
		want{"reported", "he would have to consider Don Beyer", ""},
	)
}

// ", who" after a name inside a reported clause opens the writer's aside on that person, left out
// of what was said, as an apposition is; "I, who" stays the speaker's own words.
func TestWhoAsideOnNameEndsContent(t *testing.T) {
	body := "Trump said he had decided not to pursue charges against Hillary Clinton, who has not been charged with any crime."
	check(t, body,
		want{"reported", "he had decided not to pursue charges against Hillary Clinton", "Trump"},
	)
}
