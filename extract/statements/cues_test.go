package statements

import "testing"

// Statement boundaries and cues of reported speech found in real news: fronted subordinate
// clauses and participles of saying after a preposition of means. Sentences written for the test.

func TestFrontedSubordinateClauseEndsAtItsComma(t *testing.T) {
	body := "The merger was approved on Friday.\n\n" +
		"While one analyst says the price is too high, another says the deal will pay off within a year."
	check(t, body,
		want{"reported", "the price is too high", ""},
		want{"reported", "the deal will pay off within a year", ""},
	)
}

func TestFrontedClauseNotAfterItsComma(t *testing.T) {
	// the cue is in the main clause: the content runs to the sentence end
	body := "The vote was delayed.\n\n" +
		"Although the count was slow, Senator Ida Frost said the result would stand, whatever happened."
	check(t, body,
		want{"reported", "the result would stand, whatever happened", "Ida Frost"},
	)
}

func TestMeansOpenerWithThat(t *testing.T) {
	body := "The hearing was tense.\n\n" +
		"Governor Lena Holt responded by saying that the audit was flawed.\n\n" +
		"Holt said the agency had failed, while arguing that the budget was fair."
	check(t, body,
		want{"reported", "the audit was flawed", "Lena Holt"},
		want{"reported", "the agency had failed", "Lena Holt"},
		want{"reported", "the budget was fair", "Lena Holt"},
	)
}

func TestMeansOpenerWithoutThatIsAnAct(t *testing.T) {
	body := "The hearing was tense.\n\n" +
		"Governor Lena Holt began by saying hello to the committee."
	check(t, body)
}

func TestFrontedParticipleOfSaying(t *testing.T) {
	body := "The rally ran late.\n\n" +
		"Noting that the polls had closed early, Mayor Ada Reyes called for a recount."
	check(t, body,
		want{"reported", "the polls had closed early", "Ada Reyes"},
	)
}

func TestParticipleOfUnnamedSubject(t *testing.T) {
	body := "The clinic reopened in May.\n\n" +
		"The nurse later sued, claiming the quarantine violated her rights.\n\n" +
		"The nurse later sued, claiming damages."
	check(t, body,
		want{"reported", "the quarantine violated her rights", ""},
	)
}

func TestContractedPronounOpensReportedClause(t *testing.T) {
	body := "The bill passed.\n\n" +
		"Several rival candidates have said they’ll repeal it if elected."
	check(t, body,
		want{"reported", "they’ll repeal it if elected", ""},
	)
}

func TestContentEndsBeforeAnotherSourcesClause(t *testing.T) {
	body := "The poll was published on Friday.\n\n" +
		"Six in ten voters said the mayor is honest, and Senator Ida Frost said the poll was flawed.\n\n" +
		"Most members said they would back the plan; Governor Lena Holt said it would fail."
	check(t, body,
		want{"reported", "the mayor is honest", ""},
		want{"reported", "the poll was flawed", "Ida Frost"},
		want{"reported", "they would back the plan", ""},
		want{"reported", "it would fail", "Lena Holt"},
	)
}

func TestColonBeforeClosingQuotation(t *testing.T) {
	body := "The rally was loud.\n\n" +
		"Governor Lena Holt leaned in and boomed: \"We will win in November.\"\n\n" +
		"The result did not surprise pollster Ada Reyes: \"Late deciders broke for the challenger.\"\n\n" +
		"The banner had one word: \"Enough\"?"
	check(t, body,
		want{"direct", "We will win in November.", "Lena Holt"},
		want{"direct", "Late deciders broke for the challenger.", "Ada Reyes"},
	)
}

func TestObjectCueWithClauseWithoutThat(t *testing.T) {
	body := "The market fell.\n\n" +
		"The Daily Courier announced it was closing its print edition.\n\n" +
		"Governor Lena Holt announced the talks would resume in May.\n\n" +
		"Governor Lena Holt posted a photo that was taken in May."
	check(t, body,
		want{"reported", "it was closing its print edition", "Daily Courier"},
		want{"reported", "the talks would resume in May", "Lena Holt"},
	)
}
