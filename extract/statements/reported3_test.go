package statements

import "testing"

// Trailing and inverted speakers described by common nouns, present and progressive cues,
// participles after prepositions, contracted subjects. Sentences written for the test.

func TestLowerCaseModifiersOfSpeaker(t *testing.T) {
	body := "The ministry published the figures late on Friday.\n\n" +
		"Turnout in the northern districts was the lowest in a decade, election officials said.\n\n" +
		"The summit will go ahead as planned, the foreign minister's spokesman said.\n\n" +
		"Voters were tired of the campaign, columnist Ada Price said in a radio interview."
	check(t, body,
		want{"reported", "Turnout in the northern districts was the lowest in a decade", ""},
		want{"reported", "The summit will go ahead as planned", ""},
		want{"reported", "Voters were tired of the campaign", "Ada Price"},
	)
}

func TestPresentAndProgressiveCues(t *testing.T) {
	body := "The hearing lasted four hours.\n\n" +
		"The Daily Courier reports that the inspectors left the site on Monday.\n\n" +
		"The lawsuit says the agency ignored its own rules.\n\n" +
		"Governor Mara Quist is stressing that the budget must balance. She's said she will veto any new tax."
	got := check(t, body,
		want{"reported", "the inspectors left the site on Monday", "Daily Courier"},
		want{"reported", "the agency ignored its own rules", ""},
		want{"reported", "the budget must balance", "Mara Quist"},
		want{"reported", "she will veto any new tax", "Mara Quist"},
	)
	if len(got) == 4 && got[2].Cue != "stressing" {
		t.Errorf("progressive cue: got %q", got[2].Cue)
	}
}

func TestAmbiguousCueNouns(t *testing.T) {
	// "states" and "reports" as nouns: no statement without "that" or a colon after them
	body := "The meeting ended early.\n\n" +
		"Several states plan to hold their votes in March. Quarterly reports show the deficit growing."
	check(t, body)
}

func TestParticipleAfterPreposition(t *testing.T) {
	body := "The rally was loud.\n\n" +
		"Senator Ivo Marsh was booed after telling the crowd that the plant would close. And then Marsh left the stage, saying the vote was rigged."
	check(t, body,
		want{"reported", "the plant would close", "Ivo Marsh"},
		want{"reported", "the vote was rigged", "Ivo Marsh"},
	)
}

func TestInvertedSpeakerWithRelativeClause(t *testing.T) {
	body := "The deal was announced on Sunday.\n\n" +
		"\"Nobody expected the talks to end this quickly,\" said one negotiator who asked not to be named."
	check(t, body,
		want{"direct", "Nobody expected the talks to end this quickly", ""},
	)
}

func TestAccordingToOfficialAndQuoteComma(t *testing.T) {
	// a data word ("law") that only qualifies the source does not block it
	body := "The inquiry widened last week.\n\n" +
		"Three more staff members were questioned, according to a senior law enforcement official.\n\n" +
		"The rule applies \"to every contract signed after January,\" according to the agency."
	check(t, body,
		want{"reported", "Three more staff members were questioned", ""},
		want{"reported", "The rule applies \"to every contract signed after January,\"", ""},
	)
}

func TestClauseAfterNeedsClauseCue(t *testing.T) {
	body := "The convention opened on Monday.\n\n" +
		"Party chair Lena Oster announced Sunday she will step down in March. The company announced a new product."
	check(t, body,
		want{"reported", "Sunday she will step down in March", "Lena Oster"},
	)
}

func TestToldWhenAskedKeepsQuotation(t *testing.T) {
	body := "The debate ran late.\n\n" +
		"\"That is a fair concern,\" Ruth Alder told the station when asked about claims that the plan would fail."
	check(t, body,
		want{"direct", "That is a fair concern", "Ruth Alder"},
	)
}

func TestParentheticalAfterColon(t *testing.T) {
	body := "The campaign was confident.\n\n" +
		"They had one hope left: with the holiday on Monday, aides argued, there was little time for attacks."
	check(t, body,
		want{"reported", "with the holiday on Monday there was little time for attacks", ""},
	)
}

func TestCapitalisedCueWordIsNoCue(t *testing.T) {
	// "States" in "the United States" must not end a content as if a new cue followed
	body := "The envoy spoke at length.\n\n" +
		"He recalled that Norway held its last test in 1960, while the United States held its last one in 1992."
	check(t, body,
		want{"reported", "Norway held its last test in 1960, while the United States held its last one in 1992", ""},
	)
}
