package statements

import "testing"

// Recall of statements on real news, third round. Sentences written for the test.

// A clock time or a number with a thousands comma inside a reported clause is one word: its
// colon and comma do not end the content (the colon of "9:42" once dropped the statement), and
// "about" before a number is a quantity, not a prepositional phrase of circumstance.
func TestTimesAndNumbersInsideContent(t *testing.T) {
	body := "The compound was attacked at night.\n\n" +
		"Ruth Cole said she first heard gunfire about 9:42 p.m. on Tuesday.\n\n" +
		"Ivan Petrov said the treaty allows 1,550 deployed warheads.\n\n" +
		"Karel Novak said that about 5500 troops would remain."
	check(t, body,
		want{"reported", "she first heard gunfire about 9:42 p.m. on Tuesday", "Ruth Cole"},
		want{"reported", "the treaty allows 1,550 deployed warheads", "Ivan Petrov"},
		want{"reported", "about 5500 troops would remain", "Karel Novak"},
	)
}

// A transcript quoted in full opens each paragraph with a quotation mark and closes only the
// last: every labelled paragraph is still its speaker's turn, not one quotation over them all.
func TestTranscriptInsideQuotationMarks(t *testing.T) {
	body := "On Sunday's program, Senator Ann Hale spoke about the budget.\n\n" +
		"Partial transcript as follows:\n\n" +
		"\"HOST: Will the bill pass this week?\n\n" +
		"\"HALE: It will pass. We have the votes.\n\n" +
		"\"HOST: And in the House?\n\n" +
		"\"HALE: That is harder. But I am hopeful.\""
	check(t, body,
		want{"transcript", "Will the bill pass this week?", "Host"},
		want{"transcript", "It will pass. We have the votes.", "Ann Hale"},
		want{"transcript", "And in the House?", "Host"},
		want{"transcript", "That is harder. But I am hopeful.", "Ann Hale"},
	)
}

// A description opening the sentence, then a titled name in apposition: the name speaks, its
// titles before it as they would be anywhere else.
func TestTitledNameAfterDescription(t *testing.T) {
	body := "The announcement came late on Friday.\n\n" +
		"Another Hale ally, Agriculture Secretary Tom Vilner, told MSNBC that the timing was suspect."
	check(t, body,
		want{"reported", "the timing was suspect", "Tom Vilner"},
	)
}

// A day or month in the possessive dates a document; it does not speak.
func TestDayInPossessiveIsNoSpeaker(t *testing.T) {
	body := "The agency published its figures.\n\n" +
		"Tuesday's report said the economy grew by two percent."
	check(t, body,
		want{"reported", "the economy grew by two percent", ""},
	)
}

// A reported statement is a clause: a cue's noun phrase object reports no words and is not one,
// while clauses, infinitives and gerunds are, whatever their verb's form.
func TestReportedStatementNeedsAVerb(t *testing.T) {
	body := "The hearing went on for hours.\n\n" +
		"Ruth Cole proposed a safe zone inside Syria for the refugees.\n\n" +
		"Ivan Petrov emphasized her ties to the president.\n\n" +
		"Lena Berg reiterated his support for the governor.\n\n" +
		"Ana Reyes said the economy grew last year.\n\n" +
		"Tom Vilner said the treaty, known as START-3, expires today.\n\n" +
		"Karel Novak recommended relying on official information.\n\n" +
		"Jo Hale urged the council to reject the plan.\n\n" +
		"Sam Walker said people misunderstand the senator.\n\n" +
		"The report said Carter used a personal email account.\n\n" +
		"Ben Sand said little about the plan."
	check(t, body,
		want{"reported", "the economy grew last year", "Ana Reyes"},
		want{"reported", "the treaty, known as START-3, expires today", "Tom Vilner"},
		want{"reported", "relying on official information", "Karel Novak"},
		want{"reported", "the council to reject the plan", "Jo Hale"},
		want{"reported", "people misunderstand the senator", "Sam Walker"},
		want{"reported", "Carter used a personal email account", ""},
	)
}

// A subject the rules do not know, then a bare clause whose first word is no pronoun or
// determiner: an auxiliary soon after still makes it a clause.
func TestUnnamedSubjectBareClause(t *testing.T) {
	body := "The poll was released on Monday.\n\n" +
		"Those surveyed say stricter gun laws would help.\n\n" +
		"The survey's authors say higher turnout helped the incumbent."
	check(t, body,
		want{"reported", "stricter gun laws would help", ""},
		want{"reported", "higher turnout helped the incumbent", ""},
	)
}

// A short description after a comma, then the cue closing the sentence: what was said comes
// before the comma, by nobody named.
func TestTrailingDescriptionSpeaks(t *testing.T) {
	body := "The ruling came on Friday.\n\n" +
		"The founder should be freed and compensated, the rights group says.\n\n" +
		"Most want stricter laws, those surveyed said."
	check(t, body,
		want{"reported", "The founder should be freed and compensated", ""},
		want{"reported", "Most want stricter laws", ""},
	)
}

// A participle phrase set off by commas between the speaker and the cue is an aside, not an
// apposition that stops the speaker rule.
func TestParticipleAsideBeforeCue(t *testing.T) {
	body := "The meeting ran late.\n\n" +
		"Sullivan, struck by her story, told her she did not need any talking points.\n\n" +
		"Joe Smith, backed by the unions, said the plan was dead."
	check(t, body,
		want{"reported", "she did not need any talking points", "Sullivan"},
		want{"reported", "the plan was dead", "Joe Smith"},
	)
}

// A poll or a survey is a source of what "according to" reports, before or after the clause;
// a treaty or a plan is not (its terms are not anyone's words).
func TestAccordingToAPoll(t *testing.T) {
	body := "The race tightened in August.\n\n" +
		"According to the poll, most voters remain undecided.\n\n" +
		"Hale leads Cole by seven points, according to a new survey.\n\n" +
		"The deal runs to 2026, according to the treaty."
	check(t, body,
		want{"reported", "most voters remain undecided", ""},
		want{"reported", "Hale leads Cole by seven points", ""},
	)
}

// A document with a participle modifier ("a report published Wednesday") is the subject of the
// cue after it, and a four-letter past ("used") is a finite verb.
func TestDocumentWithParticipleModifier(t *testing.T) {
	body := "The story broke midweek.\n\n" +
		"A news report published Wednesday said Defense Secretary Ash Carter used a personal email account."
	check(t, body,
		want{"reported", "Defense Secretary Ash Carter used a personal email account", ""},
	)
}

// A cue followed by its object and "that" has its content after it: the words before the cue
// are its subject, not what was said by someone named after it.
func TestObjectThenClauseIsNoInversion(t *testing.T) {
	body := "The campaign met in March.\n\n" +
		"The aides, led by campaign manager Terry Sullivan, told the group that they were not expecting to win Iowa."
	check(t, body,
		want{"reported", "they were not expecting to win Iowa", ""},
	)
}

// "while" with no comma before it, then another source's cue: that source's statement begins.
func TestWhileAnotherSourceEndsContent(t *testing.T) {
	body := "The debate turned sharp.\n\n" +
		"Hale says the plan would raise taxes on the middle class while Cole argues the tax cuts are paid for."
	check(t, body,
		want{"reported", "the plan would raise taxes on the middle class", "Hale"},
		want{"reported", "the tax cuts are paid for", "Cole"},
	)
}
