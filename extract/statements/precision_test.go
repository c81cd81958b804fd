package statements

import "testing"

// False statements and speaker forms met in real news (PolNeAR train). Sentences written for
// the test.

func TestEvidenceCuesAreNoSpeech(t *testing.T) {
	// a finding, an estimate or a referent is no statement; a quotation closed by "concluded" is
	body := "The review took a year.\n\n" +
		"The audit found that the agency had overspent by a third. Analysts estimated the cost at two billion.\n\n" +
		"\"The plan will work,\" Mayor Lin Oduya said, referring to the bridge project. \"We will finish on time,\" Oduya concluded."
	check(t, body,
		want{"direct", "The plan will work", "Lin Oduya"},
		want{"direct", "We will finish on time", "Lin Oduya"},
	)
}

func TestQuotationGoesOnReportedStatement(t *testing.T) {
	// a quotation after "X wrote." goes on the statement before it, even a reported one that
	// ends with a quotation, and past a participle the speaker added
	body := "The board met in June.\n\n" +
		"The deal \"puts the lenders first,\" Senator Ada Voss wrote. \"That is unacceptable.\"\n\n" +
		"\"The timing was right,\" analyst Ivo Lund said, referring to the sale. \"Prices were low.\""
	check(t, body,
		want{"reported", "The deal \"puts the lenders first,\" That is unacceptable.", "Ada Voss"},
		want{"direct", "The timing was right Prices were low.", "Ivo Lund"},
	)
}

func TestQuotationWithItsOwnAttributionIsNotJoined(t *testing.T) {
	body := "The hearing was short.\n\n" +
		"The mayor said the city \"will not wait.\" \"How long must we wait?\" Mayor Lin Oduya said."
	check(t, body,
		want{"reported", "the city \"will not wait.\"", "Lin Oduya"},
		want{"direct", "How long must we wait?", "Lin Oduya"},
	)
}

func TestTheOfficialAfterAnUnnamedOfficial(t *testing.T) {
	// "the official" is the unnamed official met before, not the named press secretary
	body := "Moscow tested a new missile on Wednesday.\n\n" +
		"Pentagon Press Secretary John Kirby said the test was no threat. A senior U.S. defense official said the rhetoric was unhelpful.\n\n" +
		"\"We find that rhetoric to be unhelpful,\" the official told reporters."
	check(t, body,
		want{"reported", "the test was no threat", "John Kirby"},
		want{"reported", "the rhetoric was unhelpful", ""},
		want{"direct", "We find that rhetoric to be unhelpful", ""},
	)
}

func TestRussianInstitutionInLocative(t *testing.T) {
	// "заявили в Кремле": the Kremlin speaks, named in the nominative; "спикер Кремля" is a person
	body := "Москва, 26 октября.\n\n" +
		"Это продолжение линии на деэскалацию, заявили в Кремле.\n\n" +
		"«Время сокращается», - подчеркнул спикер Кремля."
	check(t, body,
		want{"reported", "Это продолжение линии на деэскалацию", "Кремль"},
		want{"direct", "Время сокращается", ""},
	)
}

func TestPersonOfInstitution(t *testing.T) {
	// "X of the Y", "Mr. X of Y" and "Owner's X Y" are the person X, their affiliation a role;
	// institutions named "A of B" stay whole
	body := "The convention opened.\n\n" +
		"\"There is a passion for Donald,\" said Ada Varga of the New York delegation.\n\n" +
		"\"It is irresistible,\" said Mr. Nevins of Showtime.\n\n" +
		"House Speaker Paul D. Ryan of Wisconsin said the campaign was disheartened.\n\n" +
		"Zionist Union Party’s Nachman Shai said there are interests and values.\n\n" +
		"The Federation of American Scientists said the estimate was low."
	check(t, body,
		want{"direct", "There is a passion for Donald", "Ada Varga"},
		want{"direct", "It is irresistible", "Nevins"},
		want{"reported", "the campaign was disheartened", "Paul D. Ryan"},
		want{"reported", "there are interests and values", "Nachman Shai"},
		want{"reported", "the estimate was low", "Federation of American Scientists"},
	)
}

func TestDottedInitials(t *testing.T) {
	// "G.K.", "E." and "F.A.A." are inside a name; "S.C." before a quotation ends the sentence
	body := "The plane was grounded.\n\n" +
		"It is now cleared to fly again, according to the F.A.A.\n\n" +
		"\"This is a disgusting day,\" said Rep. G.K. Butterfield.\n\n" +
		"The party was \"working to change its image,\" wrote the American ambassador at the time, John E. Herbst.\n\n" +
		"\"Our record is clear,\" Cruz told reporters in Fort Mill, S.C. \"The polls will change.\""
	check(t, body,
		want{"reported", "It is now cleared to fly again", "F.A.A"},
		want{"direct", "This is a disgusting day", "G.K. Butterfield"},
		want{"reported", "The party was \"working to change its image,\"", "John E. Herbst"},
		want{"direct", "Our record is clear The polls will change.", "Cruz"},
	)
}

func TestArmedInstitution(t *testing.T) {
	body := "Pyongyang held a drill.\n\n" +
		"The General Staff of the Korean People's Army announced that the missiles had hit their targets."
	check(t, body,
		want{"reported", "the missiles had hit their targets", "General Staff of the Korean People's Army"},
	)
}

func TestSubjectBeforeAsides(t *testing.T) {
	// asides between a named subject and its verb: a reflexive, a time phrase, a party tag, a
	// prepositional aside between commas; a bracket that describes an institution is no tag
	body := "The deal was announced.\n\n" +
		"Ford itself said the deal was on.\n\n" +
		"Mr. Trump, in a brief interview on Saturday, said his plane was a great aircraft.\n\n" +
		"Sen. Jack Reed (D-R.I.), said after a lunch that he had not read the plan.\n\n" +
		"Gowdy earlier Thursday said the committee has conducted 75 interviews.\n\n" +
		"Ada Bechdel, chairman of America Rising (a Republican PAC), said the shirts were a hit."
	check(t, body,
		want{"reported", "the deal was on", "Ford"},
		want{"reported", "his plane was a great aircraft", "Trump"},
		want{"reported", "he had not read the plan", "Jack Reed"},
		want{"reported", "the committee has conducted 75 interviews", "Gowdy"},
		want{"reported", "the shirts were a hit", "Ada Bechdel"},
	)
}

func TestNameInsideAnAppositive(t *testing.T) {
	// the institution a role or a relative clause of the appositive names is not the speaker
	body := "The network met.\n\n" +
		"Mark Holden, chairman of the board of Freedom Partners, the network's funding arm, said it would join the race.\n\n" +
		"Ms. Arnold, who helped found EDGE, an environmental group based in Philadelphia, said she did not condone violence.\n\n" +
		"Dmitry Peskov, the Kremlin spokesman, said the talks would go on."
	check(t, body,
		want{"reported", "it would join the race", "Mark Holden"},
		want{"reported", "she did not condone violence", "Arnold"},
		want{"reported", "the talks would go on", "Dmitry Peskov"},
	)
}

func TestLongTrailingCircumstanceIsNotContent(t *testing.T) {
	// a long chain of prepositional phrases after "said" is where and when, not what: the
	// statement is the clause before; a clause with a verb after "said" is still content
	body := "BRUSSELS, March 3.\n\n" +
		"The alliance will not station new missiles on the continent, NATO Secretary General Ann Berg said at a news conference on Monday ahead of a meeting between the defence ministers of the member states.\n\n" +
		"Diplomat Ivo Lund said on Monday the ministers of the member states would meet again in the spring of next year."
	check(t, body,
		want{"reported", "The alliance will not station new missiles on the continent", "Ann Berg"},
		want{"reported", "the ministers of the member states would meet again in the spring of next year", "Ivo Lund"},
	)
}

func TestSubjectsPastOpeningPhrases(t *testing.T) {
	// the speaker is the subject, not a capitalised word of what opens the sentence: a
	// participial phrase, an agency dateline, a preposition; "with X telling" names X; a
	// participle closing the second of two clauses belongs to that clause's subject
	body := "ORLANDO, Fla. (Wire) - Governor Ada Voss visited the shelter on Monday and said the state must act.\n\n" +
		"Rallying hundreds of nurses who are struggling to pay rent, Senator Ivo Lund spoke for an hour and promised to deliver change.\n\n" +
		"The vote set off a debate, with Senator Lin Oduya telling reporters he viewed the plan as reckless.\n\n" +
		"Over the past two weeks, auditors charged the treasurer with fraud and Mayor Tom Reyes fired his deputy, acknowledging that residents had lost trust in the office."
	check(t, body,
		want{"reported", "the state must act", "Ada Voss"},
		want{"reported", "to deliver change", "Ivo Lund"},
		want{"reported", "he viewed the plan as reckless", "Lin Oduya"},
		want{"reported", "residents had lost trust in the office", "Tom Reyes"},
	)
}

func TestAppositivesOpenedByDeterminers(t *testing.T) {
	// "another ...", "his ...", "herself a ..." open an appositive as "a" and "the" do
	body := "The caucus is in two weeks.\n\n" +
		"Bill Young, another unaligned Iowa Republican strategist, said there are advantages for a front-runner.\n\n" +
		"Ann Lee, his campaign manager, said the bus tour would go on."
	check(t, body,
		want{"reported", "there are advantages for a front-runner", "Bill Young"},
		want{"reported", "the bus tour would go on", "Ann Lee"},
	)
}

func TestStatementSayingGoesToItsIssuer(t *testing.T) {
	// "issued a statement saying ...": the issuer said it; a statement "calling" something a
	// name is a description, not a report
	body := "The parade went ahead on Sunday.\n\n" +
		"The Riverside Tenants Union issued a statement saying it left the march because of the crowds.\n\n" +
		"The council issued a statement calling the vote \"a clear breach\" of the rules."
	check(t, body,
		want{"reported", "it left the march because of the crowds", "Riverside Tenants Union"},
	)
}

func TestCatenativeVerbsKeepTheSubject(t *testing.T) {
	// "X is continuing to insist", "X went on to say": X says it
	body := "The hearing ran late.\n\n" +
		"Governor Ada Voss is continuing to insist she will sign the budget.\n\n" +
		"Senator Ivo Lund went on to say that the deal was bad for farmers."
	check(t, body,
		want{"reported", "she will sign the budget", "Ada Voss"},
		want{"reported", "the deal was bad for farmers", "Ivo Lund"},
	)
}

func TestPlaceAfterNameIsNoSpeaker(t *testing.T) {
	// "X of City, State says", "X, a ... from City, State, says": X speaks, not the state
	body := "The rally ended late.\n\n" +
		"Ada Voss of Columbia, South Carolina says she thinks the senator can win.\n\n" +
		"Tom Reyes, a 55-year-old salesman from Sumter, South Carolina, says the senator will leave with momentum."
	check(t, body,
		want{"reported", "she thinks the senator can win", "Ada Voss"},
		want{"reported", "the senator will leave with momentum", "Tom Reyes"},
	)
}

func TestAccordingToATitledName(t *testing.T) {
	// the period of "Mr." does not end the source of "according to"
	body := "The talks went on.\n\n" +
		"The visit became the high point of their relationship, according to Mr. Reyes."
	check(t, body,
		want{"reported", "The visit became the high point of their relationship", "Reyes"},
	)
}

func TestQuotationThenCircumstance(t *testing.T) {
	// 'said, "...," when asked ...': the quotation is what was said, the clause after it when
	body := "The rally ended at noon.\n\n" +
		"Senator Ann Lee had previously said, \"We will see,\" when asked whether she would run again."
	check(t, body,
		want{"direct", "We will see", "Ann Lee"},
	)
}

func TestCircumstanceBeforeAParticiple(t *testing.T) {
	// 'X said Tuesday in Paris, noting that ...': the tail up to the participle is circumstance,
	// so the clause before is X's, and so is the participle's
	body := "The summit opened in Paris.\n\n" +
		"The plan's \"excesses\" are troubling, President Ann Lee said Tuesday in Paris, noting that they would cost too much."
	check(t, body,
		want{"reported", "The plan's \"excesses\" are troubling", "Ann Lee"},
		want{"reported", "they would cost too much", "Ann Lee"},
	)
}
