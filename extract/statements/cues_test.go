package statements

import (
	"strings"
	"testing"
)

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

func TestAppositionWithPossessiveBeforeCue(t *testing.T) {
	body := "The firm grew fast.\n\n" +
		"Mara Lind, its chief executive, said investors are becoming more cautious."
	check(t, body,
		want{"reported", "investors are becoming more cautious", "Mara Lind"},
	)
}

func TestClauseAfterCueIsNoInvertedSpeaker(t *testing.T) {
	// a cue after a comma followed by a clause: the clause is what was said, not a speaker
	body := "The court met on Monday.\n\n" +
		"Tom Reed, dean of the law school at Easton, said there had been a change in tone since Judge Ward retired."
	got := Extract(body, Options{})
	if len(got) != 1 || strings.Contains(got[0].Speaker, "Ward") || !strings.HasPrefix(got[0].Text, "there had been") {
		t.Errorf("want the clause said, by nobody in it; got %+v", got)
	}
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
