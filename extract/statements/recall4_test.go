package statements

import "testing"

// Recall of statements on real news, fourth round. Sentences written for the test.

// A naming verb with an object: what was said is the object with the name given to it, as a
// reported statement ("the decision ... a serious mistake"); "described as" and a relative
// object ("which it called ...") keep the quotation alone.
func TestNamingVerbKeepsItsObject(t *testing.T) {
	body := "Foreign Minister Sergei Lavrov called the decision to leave the treaty \"a serious mistake.\"\n\n" +
		"Senator Ann Hale, a member of the committee, called the plan \"reckless\" in a statement on Sunday.\n\n" +
		"Kremlin spokesman Dmitry Peskov described the talks as \"a gold standard\" of diplomacy."
	check(t, body,
		want{"reported", "the decision to leave the treaty \"a serious mistake.\"", "Sergei Lavrov"},
		want{"reported", "the plan \"reckless\"", "Ann Hale"},
		want{"direct", "a gold standard", "Dmitry Peskov"},
	)
}

// A participle after a quotation that ends with a comma ("“...,” adding that ...") opens the
// same speaker's next statement: the reported clause before it ends at the quotation.
func TestParticipleAfterQuotedEnd(t *testing.T) {
	body := "Senator Ann Hale said the bill was \"the only serious plan on the table,\" adding that the House would vote on it next week."
	check(t, body,
		want{"reported", "the bill was \"the only serious plan on the table,\"", "Ann Hale"},
		want{"reported", "the House would vote on it next week", "Ann Hale"},
	)
}

// "calls" is also a plural noun ("the calls for ..."); before an object and a name it is the
// naming verb.
func TestCallsWithObjectAndName(t *testing.T) {
	body := "Anna Berg, director of the Institute of Central Asian Studies, calls the new border zone \"a mistake.\"\n\n" +
		"The calls for a new treaty grew louder."
	check(t, body,
		want{"reported", "the new border zone \"a mistake.\"", "Anna Berg"},
	)
}

// ", and" with a new subject and its finite verb is the writer's next clause; a list's last
// item after ", and" is not.
func TestAndNewClauseEndsContent(t *testing.T) {
	body := "Organizers say the restrictions are less for safety than to limit protests, and the Civil Liberties Union of Ohio has already sued the city.\n\n" +
		"Mayor Ann Hale said the city is safe thanks to the police, new technology, and a better relationship with residents."
	check(t, body,
		want{"reported", "the restrictions are less for safety than to limit protests", ""},
		want{"reported", "the city is safe thanks to the police, new technology, and a better relationship with residents", "Ann Hale"},
	)
}

// An attribution inverted inside a clause ("The deal, said Peskov, would ...") interrupts it:
// the content is both parts, also when the speaker has an apposition.
func TestInvertedAttributionInsideClause(t *testing.T) {
	body := "The deal, said Dmitry Peskov, would be reversed soon.\n\n" +
		"Any honest reading of the talks, said Michael Kofman, an expert on Russia at the Wilson Center, would see this as a retreat.\n\n" +
		"For instance, calls to establish a commission in Yemen, where a war goes on, were rejected in 2015.\n\n" +
		"His nonprofit group, called the Virginia Legacy Fund, will still own the property."
	check(t, body,
		want{"reported", "The deal would be reversed soon", "Dmitry Peskov"},
		want{"reported", "Any honest reading of the talks would see this as a retreat", "Michael Kofman"},
	)
}

// ", compared with ..." after a poll's reported answer is the writer's comparison.
func TestComparedWithIsTheWriters(t *testing.T) {
	body := "Now, 52 percent of voters said the senator would be better, compared with 41 percent for the governor."
	check(t, body,
		want{"reported", "the senator would be better", ""},
	)
}

// A trailing "according to" vouches for the main clause, not for a concession opening the
// sentence; a condition ("When ...") is part of the claim.
func TestAccordingToAfterFrontedConcession(t *testing.T) {
	body := "Though he has no shot at winning the nomination outright, the governor appears to have the best odds of beating her, according to three recent polls.\n\n" +
		"When the training is tailored to the veteran, it can be extremely effective, according to Craig Bryan."
	check(t, body,
		want{"reported", "the governor appears to have the best odds of beating her", ""},
		want{"reported", "When the training is tailored to the veteran, it can be extremely effective", "Craig Bryan"},
	)
}

// ", which were described as ..." is a passive: nobody speaks in it, so the reported content
// goes on through it; ", which it has described as ..." is a statement of its own.
func TestPassiveRelativeCueGoesOn(t *testing.T) {
	body := "Foreign Minister Sergey Lavrov said Washington had put forward a number of proposals, which were described as preconditions for the talks."
	check(t, body,
		want{"reported", "Washington had put forward a number of proposals, which were described as preconditions for the talks", "Sergey Lavrov"},
	)
}

// A court's order speaks through its text like a statement or a report.
func TestOrderSpeaks(t *testing.T) {
	body := "The claim is \"speculative given the lack of any support,\" the order released Friday said."
	check(t, body,
		want{"reported", "The claim is \"speculative given the lack of any support,\"", ""},
	)
}

// A quoted fragment in a noun-phrase object ("warned of a “more aggressive” response") is a
// direct statement of the fragment: the phrase around it is the writer's. After a naming verb
// the object stays; a clause with a quotation stays reported.
func TestQuotedFragmentInObject(t *testing.T) {
	body := "Hours earlier, Pyongyang warned of a “more aggressive” military response to the United States.\n\n" +
		"Senator Ann Hale called the plan “reckless.”\n\n" +
		"Ivan Petrov said the talks were “a waste of time.”"
	check(t, body,
		want{"direct", "more aggressive", "Pyongyang"},
		want{"reported", "the plan “reckless.”", "Ann Hale"},
		want{"reported", "the talks were “a waste of time.”", "Ivan Petrov"},
	)
}

// Imperfective pasts report as the perfective ones do: "обращал внимание, что" (had drawn
// attention to), "призывал", "настаивал".
func TestRussianImperfectiveCues(t *testing.T) {
	body := "Замглавы МИД РФ Сергей Рябков обращал внимание, что НАТО проводит рискованную политику.\n\n" +
		"Официальный представитель МИД Мария Захарова настаивала, что переговоры должны продолжиться."
	check(t, body,
		want{"reported", "НАТО проводит рискованную политику", "Сергей Рябков"},
		want{"reported", "переговоры должны продолжиться", "Мария Захарова"},
	)
}

// A participle of saying after a preposition opening the sentence ("Despite initially saying
// ..., an official said ...", "After saying ..., she added ...") is the main clause's subject's
// statement too, with or without "that".
func TestFrontedPrepositionParticiple(t *testing.T) {
	body := "Despite initially saying the test was not deemed a threat, a senior defense official said the rhetoric was unhelpful."
	check(t, body,
		want{"reported", "the test was not deemed a threat", ""},
		want{"reported", "the rhetoric was unhelpful", ""},
	)
}

// "implied", "questioned" and "requested" report what was said as the other cues do; a
// coordinated "but implied that" is the same speaker's next statement.
func TestImpliedAndQuestioned(t *testing.T) {
	body := "Senator Ann Hale acknowledged that the manager had touched the reporter but implied that it was the reporter's fault.\n\n" +
		"Ivan Petrov questioned whether the treaty would survive."
	check(t, body,
		want{"reported", "the manager had touched the reporter", "Ann Hale"},
		want{"reported", "it was the reporter's fault", "Ann Hale"},
		want{"reported", "whether the treaty would survive", "Ivan Petrov"},
	)
}

// "went on to say" and the participles "remarking", "repeating", "implying" report as "said"
// and "adding" do.
func TestWentOnToSay(t *testing.T) {
	body := "Ivan Petrov went on to say the treaty would not survive the year, remarking that the talks had failed."
	check(t, body,
		want{"reported", "the treaty would not survive the year", "Ivan Petrov"},
		want{"reported", "the talks had failed", "Ivan Petrov"},
	)
}

// A cue in the progressive ("is reaffirming that", "are arguing that") reports as its past
// does.
func TestProgressiveOfACue(t *testing.T) {
	body := "Attorney General Loretta Lynch is reaffirming that the inquiry is free of outside political influence."
	check(t, body,
		want{"reported", "the inquiry is free of outside political influence", "Loretta Lynch"},
	)
}

// "“...,” the real estate developer said": a description opened by a determiner after a
// quotation speaks, though its head noun is no role the lists know. A quotation closed by two
// apostrophes (The New York Times' style) ends with its comma as “...,” does.
func TestDescriptionAfterQuoteSpeaks(t *testing.T) {
	body := "''He's a great gentleman and a wonderful guy,'' the real estate developer said of the former president, who, in reality, is a poor golfer."
	check(t, body,
		want{"direct", "He's a great gentleman and a wonderful guy", ""},
	)
}

// "Most voters in Iowa said": the group speaks, unnamed; the place after "in" only says which
// (it had become the speaker). An institution after "in" still speaks through its people.
func TestGroupInAPlaceSpeaks(t *testing.T) {
	body := "Most voters in Iowa said the nation needs more than two parties.\n\n" +
		"Officials in the Russian Foreign Ministry said the talks would resume."
	check(t, body,
		want{"reported", "the nation needs more than two parties", ""},
		want{"reported", "the talks would resume", ""},
	)
}

// A colon before a quotation with its own attribution ends the reported clause: "asserted that
// France had lost its identity: “France is no longer France,” he claimed" is two statements.
func TestColonBeforeAttributedQuotation(t *testing.T) {
	body := "Ivan Petrov asserted that the treaty had lost its meaning: “The treaty is no longer a treaty,” he claimed."
	check(t, body,
		want{"reported", "the treaty had lost its meaning", "Ivan Petrov"},
		want{"direct", "The treaty is no longer a treaty", "Ivan Petrov"},
	)
}

// "Fields, along with reporter Ben Terris, say ...": an aside between the subject and its verb,
// not what was said.
func TestAlongWithAside(t *testing.T) {
	body := "Reporter Ann Fields was at the rally.\n\n" +
		"Fields, along with Washington Post reporter Ben Terris, say the manager pulled her out of the way."
	check(t, body,
		want{"reported", "the manager pulled her out of the way", "Ann Fields"},
	)
}
