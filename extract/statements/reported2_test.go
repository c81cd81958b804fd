package statements

import "testing"

// Reported speech whose subject the speaker rules do not know, relative clauses of saying,
// institutions a country owns. Sentences written for the test.

func TestUnnamedSubjectsSay(t *testing.T) {
	body := "The talks in Geneva ended without a date for the next round.\n\n" +
		"Arms control specialists say the freeze is unlikely to hold for long.\n\n" +
		"Among the delegates, 40 percent said they expected a deal by the summer.\n\n" +
		"The envoy met Senator Hal Brandt, who said he would back the ratification."
	check(t, body,
		want{"reported", "the freeze is unlikely to hold for long", ""},
		want{"reported", "they expected a deal by the summer", ""},
		want{"reported", "he would back the ratification", "Hal Brandt"},
	)
}

func TestOwnedInstitution(t *testing.T) {
	body := "The launch took place before dawn.\n\n" +
		"Norway's defence ministry said the missile fell into the sea."
	check(t, body,
		want{"reported", "the missile fell into the sea", "Norway's defence ministry"},
	)
}

func TestMixedQuotationMarks(t *testing.T) {
	body := "The delegates left the hall early.\n\n" +
		"\"The vote was never going to pass,” Ambassador Rosa Lind said."
	check(t, body,
		want{"direct", "The vote was never going to pass", "Rosa Lind"},
	)
}

func TestSpeakerWithLongModifier(t *testing.T) {
	body := "The delegates met for a third day.\n\n" +
		"An aide with U.S. Senator Hal Brandt in New Zealand said the vote would wait until spring."
	check(t, body,
		want{"reported", "the vote would wait until spring", ""},
	)
}

func TestRussianSpokesmanByRole(t *testing.T) {
	body := "Дмитрий Песков заявил журналистам, что переговоры продолжатся.\n\n" +
		"«Мы ждём ответа от партнёров», - подчеркнул спикер Кремля."
	check(t, body,
		want{"reported", "переговоры продолжатся", "Дмитрий Песков"},
		want{"direct", "Мы ждём ответа от партнёров", "Дмитрий Песков"},
	)
}

func TestCircumstanceBeforeVerb(t *testing.T) {
	check(t, "Переговоры в Женеве завершились без итогов.\n\n"+
		"Лавров на встрече с журналистами заявил, что Москва готова продолжить диалог.",
		want{"reported", "Москва готова продолжить диалог", "Лавров"},
	)
	check(t, "The talks were adjourned until the autumn.\n\n"+
		"Minister Hal Brandt during a visit to the capital said the treaty would be signed soon.",
		want{"reported", "the treaty would be signed soon", "Hal Brandt"},
	)
}

func TestInstitutionWithoutDescription(t *testing.T) {
	body := "The committee met on Tuesday to discuss the budget.\n\n" +
		"The nonpartisan Congressional Budget Office said the plan would cost more.\n\n" +
		"The conservative-leaning Harlow Foundation said taxes would rise."
	check(t, body,
		want{"reported", "the plan would cost more", "Congressional Budget Office"},
		want{"reported", "taxes would rise", "Harlow Foundation"},
	)
}

func TestSurnameThatIsACommonWord(t *testing.T) {
	body := "The committee met on Tuesday to discuss the budget.\n\n" +
		"Prime Minister Edith May said the deal was done."
	check(t, body,
		want{"reported", "the deal was done", "Edith May"},
	)
}

func TestReverendBeforeName(t *testing.T) {
	body := "The committee met on Tuesday to discuss the budget.\n\n" +
		"\"The city will recover and this is a good thing,\" said the Rev. Peter Holm, of Grace Chapel."
	check(t, body,
		want{"direct", "The city will recover and this is a good thing", "Peter Holm"},
	)
}
