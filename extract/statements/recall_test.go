package statements

import "testing"

// Recall of reported statements: speaker phrases and cues that real news writes. Sentences
// written for the test.

func TestCoordinatedModifiersOfSpeaker(t *testing.T) {
	body := "The inquiry began in the spring.\n\n" +
		"Investigators will question the mayor's aides next month, current and former officials said.\n\n" +
		"The depot was never inspected, senior or junior diplomats say."
	check(t, body,
		want{"reported", "Investigators will question the mayor's aides next month", ""},
		want{"reported", "The depot was never inspected", ""},
	)
}

func TestQuantifiedGroupSpeaker(t *testing.T) {
	body := "The firm moved its offices last year.\n\n" +
		"The founder spends most of his time abroad, several friends said.\n\n" +
		"The bridge will reopen in May, many local officials say."
	check(t, body,
		want{"reported", "The founder spends most of his time abroad", ""},
		want{"reported", "The bridge will reopen in May", ""},
	)
}

func TestAcademicRoleInApposition(t *testing.T) {
	body := "The court heard the appeal on Monday.\n\n" +
		"Lena Varga, dean of the state university's law school and a former clerk, said the justices would likely decline the case."
	check(t, body,
		want{"reported", "the justices would likely decline the case", "Lena Varga"},
	)
}

func TestClosingApposition(t *testing.T) {
	body := "The rally ended late.\n\n" +
		"Mayor Tom Ashby said the protesters would be kept away from the stage, a nod to the clashes of last week.\n\n" +
		"Mayor Tom Ashby said the city would buy new buses, a tram and two ferries.\n\n" +
		"Mayor Tom Ashby said the two budgets were linked, a rule enshrined in the city charter."
	check(t, body,
		want{"reported", "the protesters would be kept away from the stage", "Tom Ashby"},
		want{"reported", "the city would buy new buses, a tram and two ferries", "Tom Ashby"},
		want{"reported", "the two budgets were linked, a rule enshrined in the city charter", "Tom Ashby"},
	)
}

func TestSecondSubjectAfterAnd(t *testing.T) {
	body := "The survey was taken in March.\n\n" +
		"One in three said the council had ignored the suburbs and one in five said the council was openly hostile to them."
	check(t, body,
		want{"reported", "the council had ignored the suburbs", ""},
		want{"reported", "the council was openly hostile to them", ""},
	)
}

func TestWriterContrastAfterClause(t *testing.T) {
	body := "The poll was repeated in June.\n\n" +
		"In spring, 40 percent said they would back the mayor, however this time that share has fallen to 28 percent.\n\n" +
		"Senator Ana Ruiz said she would support the budget, even though her party had voted against it."
	check(t, body,
		want{"reported", "they would back the mayor", ""},
		want{"reported", "she would support the budget", "Ana Ruiz"},
	)
}

func TestModifiedRoleInApposition(t *testing.T) {
	body := "The hearing was adjourned.\n\n" +
		"Petra Holm, associate professor of law at the state university, said the ruling would not stand."
	check(t, body,
		want{"reported", "the ruling would not stand", "Petra Holm"},
	)
}

func TestNameAfterOpeningDescription(t *testing.T) {
	body := "The convention opened on Monday.\n\n" +
		"Another delegate on the Ohio slate, Rita Hollis, said she was still undecided.\n\n" +
		"One veteran organizer, Sam Ortega, says the turnout will be low."
	check(t, body,
		want{"reported", "she was still undecided", "Rita Hollis"},
		want{"reported", "the turnout will be low", "Sam Ortega"},
	)
}

func TestWriterGoesOnAfterQuotedEnd(t *testing.T) {
	body := "The debate ran late.\n\n" +
		"Senator Ivo Marsh said both rivals were \"empty suits in the chamber,\" but he praised the younger one for his candor."
	check(t, body,
		want{"reported", "both rivals were \"empty suits in the chamber,\"", "Ivo Marsh"},
	)
}
