package statements

import "testing"

// More passages with hand-written expectations: Reuters and NATO press releases, TASS Russian.

func TestReutersNATOStyle(t *testing.T) {
	body := "BRUSSELS, Oct 14 (Reuters) - NATO will go ahead with its annual nuclear exercise next week despite tensions with Russia, Secretary General Mark Rutte said on Thursday.\n\n" +
		"\"It would send the wrong signal to cancel a routine exercise,\" Rutte told a news conference. \"We will not be intimidated.\"\n\n" +
		"In a statement, Russia's Defense Ministry said its forces would monitor the drills closely.\n\n" +
		"\"We are closely watching,\" said Dmitry Peskov, the Kremlin spokesman. He added that Moscow saw the exercise as a provocation.\n\n" +
		"U.S. Ambassador to NATO Julianne Smith told reporters that the alliance was \"fully transparent\" about the drills. She noted that Russia had been informed in advance.\n\n" +
		"The exercise will involve 60 aircraft, according to a statement from the alliance.\n\n" +
		"Russian Foreign Minister Sergei Lavrov wrote on Telegram: \"NATO is playing with fire.\""
	check(t, body,
		want{"reported", "NATO will go ahead with its annual nuclear exercise next week despite tensions with Russia", "Mark Rutte"},
		want{"direct", "It would send the wrong signal to cancel a routine exercise We will not be intimidated.", "Mark Rutte"},
		want{"reported", "its forces would monitor the drills closely", "Russia's Defense Ministry"},
		want{"direct", "We are closely watching", "Dmitry Peskov"},
		want{"reported", "Moscow saw the exercise as a provocation", "Dmitry Peskov"},
		want{"reported", "the alliance was \"fully transparent\" about the drills", "Julianne Smith"},
		want{"reported", "Russia had been informed in advance", "Julianne Smith"},
		want{"reported", "The exercise will involve 60 aircraft", ""},
		want{"direct", "NATO is playing with fire.", "Sergei Lavrov"},
	)
}

func TestSummitStyle(t *testing.T) {
	body := "GENEVA, June 16 (Reuters) - The United States and Russia will launch a bilateral strategic stability dialogue, U.S. President Joe Biden and Russian President Vladimir Putin said in a joint statement after their summit on Wednesday.\n\n" +
		"Asked whether the talks would cover hypersonic weapons, Biden said: \"Everything is on the table.\"\n\n" +
		"Speaking to reporters after the meeting, Putin noted that the two leaders had agreed to return their ambassadors to their posts. \"There was no hostility,\" he said, according to a transcript released by the Kremlin.\n\n" +
		"In an interview with Kommersant, Deputy Foreign Minister Sergei Ryabkov said the first round could take place in July.\n\n" +
		"The statement said the dialogue would \"lay the groundwork for future arms control and risk reduction measures.\"\n\n" +
		"Lt. Gen. Robert Ashley, director of the Defense Intelligence Agency, told the Senate Armed Services Committee that Russia was developing new nuclear weapons. When asked about China, he replied that Beijing was likely to at least double its stockpile.\n\n" +
		"The ministry's spokeswoman said Moscow welcomed the agreement."
	check(t, body,
		// two leaders named together speak together (the convention of the real labelled sets)
		want{"reported", "The United States and Russia will launch a bilateral strategic stability dialogue", "Joe Biden and Vladimir Putin"},
		// the question put to him is said too, by an asker the text does not name (PolNeAR's
		// labels; a QUESTION turn of a transcript is the same)
		want{"reported", "whether the talks would cover hypersonic weapons", ""},
		want{"direct", "Everything is on the table.", "Joe Biden"},
		want{"reported", "the two leaders had agreed to return their ambassadors to their posts", "Vladimir Putin"},
		want{"direct", "There was no hostility", "Vladimir Putin"},
		want{"reported", "the first round could take place in July", "Sergei Ryabkov"},
		want{"reported", "the dialogue would \"lay the groundwork for future arms control and risk reduction measures.\"", ""},
		want{"reported", "Russia was developing new nuclear weapons", "Robert Ashley"},
		want{"reported", "Beijing was likely to at least double its stockpile", "Robert Ashley"},
		want{"reported", "Moscow welcomed the agreement", ""},
	)
}

func TestPressRelease(t *testing.T) {
	body := "Statement by NATO Secretary General Mark Rutte on Russia's announcement\n\n" +
		"NATO Secretary General Mark Rutte said today that Russia's decision to deploy nuclear weapons in Belarus was \"dangerous and irresponsible.\"\n\n" +
		"\"NATO remains vigilant and we are closely monitoring the situation,\" the Secretary General said. \"We have not seen any changes in Russia's nuclear posture that would lead us to adjust our own.\"\n\n" +
		"He called on Russia to return to full compliance with its arms control commitments.\n\n" +
		"For more information, contact the NATO Press Office."
	check(t, body,
		want{"reported", "Russia's decision to deploy nuclear weapons in Belarus was \"dangerous and irresponsible.\"", "Mark Rutte"},
		want{"direct", "NATO remains vigilant and we are closely monitoring the situation We have not seen any changes in Russia's nuclear posture that would lead us to adjust our own.", "Mark Rutte"},
		want{"reported", "Russia to return to full compliance with its arms control commitments", "Mark Rutte"},
	)
}

func TestTASSRussianMinisterAndSpokeswoman(t *testing.T) {
	body := "МОСКВА, 10 апреля. /ТАСС/. Россия готова к переговорам о стратегической стабильности, но только с учетом интересов безопасности всех сторон. Об этом в интервью ТАСС заявил министр иностранных дел РФ Сергей Лавров.\n\n" +
		"«Мы никогда не отказывались от диалога», — отметил министр.\n\n" +
		"Как заявил глава МИД, Москва ждет от Вашингтона конкретных предложений.\n\n" +
		"Официальный представитель МИД Мария Захарова в свою очередь подчеркнула, что США несут ответственность за разрушение системы контроля над вооружениями. По ее словам, американская сторона «последовательно демонтировала» ключевые договоры.\n\n" +
		"«Договор о РСМД был уничтожен по инициативе Вашингтона», — напомнила дипломат."
	check(t, body,
		want{"reported", "Россия готова к переговорам о стратегической стабильности, но только с учетом интересов безопасности всех сторон", "Сергей Лавров"},
		want{"direct", "Мы никогда не отказывались от диалога", "Сергей Лавров"},
		want{"reported", "Москва ждет от Вашингтона конкретных предложений", "Сергей Лавров"},
		want{"reported", "США несут ответственность за разрушение системы контроля над вооружениями", "Мария Захарова"},
		want{"reported", "американская сторона «последовательно демонтировала» ключевые договоры", "Мария Захарова"},
		want{"direct", "Договор о РСМД был уничтожен по инициативе Вашингтона", "Мария Захарова"},
	)
}

func TestSourcesQuestionsAndPassives(t *testing.T) {
	body := "MOSCOW, November 1. /TASS/. The Kremlin has not yet received any explanations from Washington about the planned nuclear tests, Kremlin Spokesman Dmitry Peskov said.\n\n" +
		"Peskov was asked about the Pentagon's plans. \"We have nothing to add to what the president said,\" he said. \"Why would anyone test now?\" he asked.\n\n" +
		"A source in the Russian Foreign Ministry told TASS that Moscow had sent a note to Washington. U.S. officials said they had received the note.\n\n" +
		"Trump told CBS in an interview aired on Sunday that the United States would not be the only country that does not test."
	check(t, body,
		want{"reported", "The Kremlin has not yet received any explanations from Washington about the planned nuclear tests", "Dmitry Peskov"},
		want{"direct", "We have nothing to add to what the president said", "Dmitry Peskov"},
		want{"direct", "Why would anyone test now?", "Dmitry Peskov"},
		want{"reported", "Moscow had sent a note to Washington", ""},
		want{"reported", "they had received the note", ""},
		want{"reported", "the United States would not be the only country that does not test", "Trump"},
	)
}

func TestTASSRussianNamingAndInstitutions(t *testing.T) {
	body := "МОСКВА, 12 мая. /ТАСС/. Глава МИД России Сергей Лавров заявил, что Москва не будет участвовать в переговорах о контроле над вооружениями, пока США не откажутся от враждебного курса.\n\n" +
		"«Мы не видим никаких признаков готовности Вашингтона к равноправному диалогу», — отметил Лавров в беседе с журналистами.\n\n" +
		"Официальный представитель МИД Мария Захарова назвала заявления Пентагона «безответственными».\n\n" +
		"Как подчеркнули в Минобороны, российские стратегические силы находятся в постоянной готовности.\n\n" +
		"Об этом РИА Новости сообщил источник в оборонно-промышленном комплексе."
	check(t, body,
		want{"reported", "Москва не будет участвовать в переговорах о контроле над вооружениями, пока США не откажутся от враждебного курса", "Сергей Лавров"},
		want{"direct", "Мы не видим никаких признаков готовности Вашингтона к равноправному диалогу", "Сергей Лавров"},
		// a naming verb's object is part of what was said: the statements called irresponsible
		want{"reported", "заявления Пентагона «безответственными»", "Мария Захарова"},
		want{"reported", "российские стратегические силы находятся в постоянной готовности", "Минобороны"},
	)
}

func TestPossessiveOfficesAndPassives(t *testing.T) {
	body := "NATO's press service said the drills would start on Monday.\n\n" +
		"Putin is said to favour a short extension. The missile was described as \"invincible\" by state media.\n\n" +
		"The ministry's press service said the talks would resume."
	got := check(t, body,
		want{"reported", "the drills would start on Monday", "NATO"},
		want{"reported", "the talks would resume", ""},
	)
	if len(got) == 2 && (got[0].SpeakerKind != "organization" || got[1].SpeakerKind != "organization") {
		t.Errorf("institution kinds: %q %q", got[0].SpeakerKind, got[1].SpeakerKind)
	}
}

func TestSingleVoicePressStatement(t *testing.T) {
	body := "The United States’ withdrawal from the INF Treaty takes effect today.\n\n" +
		"We call on Russia and China to join us in an effort to deliver real security results."
	got := Extract(body, Options{Authors: []string{"Michael R. Pompeo"}, Kind: "Press Statement"})
	if len(got) != 1 || got[0].Kind != "transcript" || got[0].Speaker != "Michael R. Pompeo" || len(got[0].Spans) != 2 {
		t.Fatalf("single-voice statement: %+v", got)
	}
	// a news story with a reporter's byline is no one's statement
	if got := Extract(body, Options{Authors: []string{"Guy Faulconbridge"}, Kind: "World"}); len(got) != 0 {
		t.Fatalf("byline of a news story taken as speaker: %+v", got)
	}
}

func TestColonDatelineIsNoTurn(t *testing.T) {
	body := "WASHINGTON: The United States said on Monday it would not resume nuclear testing.\n\n" +
		"The decision was welcomed by allies."
	check(t, body, want{"reported", "it would not resume nuclear testing", "United States"})
}

func TestReutersIAEAStyle(t *testing.T) {
	body := "VIENNA, Sept 9 (Reuters) - The head of the U.N. nuclear watchdog said on Monday that Iran had further expanded its stockpile of highly enriched uranium, a development Western diplomats described as deeply worrying.\n\n" +
		"\"The situation is not improving,\" International Atomic Energy Agency Director General Rafael Grossi told a news conference at the start of a quarterly board meeting. \"We are running out of time.\"\n\n" +
		"Grossi said inspectors had been unable to verify the location of some equipment since February. Iran's envoy to the IAEA, speaking to reporters outside the meeting, rejected the criticism as politically motivated.\n\n" +
		"Diplomats said Britain, France and Germany were considering a new resolution against Tehran. A U.S. State Department spokesperson said Washington remained committed to a diplomatic solution.\n\n" +
		"\"We will not allow Iran to acquire a nuclear weapon,\" the spokesperson said in an emailed statement.\n\n" +
		"Iran has repeatedly denied seeking nuclear weapons."
	check(t, body,
		want{"reported", "Iran had further expanded its stockpile of highly enriched uranium", "Rafael Grossi"},
		want{"direct", "The situation is not improving We are running out of time.", "Rafael Grossi"},
		want{"reported", "inspectors had been unable to verify the location of some equipment since February", "Rafael Grossi"},
		want{"reported", "the criticism as politically motivated", ""},
		want{"reported", "Britain, France and Germany were considering a new resolution against Tehran", ""},
		want{"reported", "Washington remained committed to a diplomatic solution", ""},
		want{"direct", "We will not allow Iran to acquire a nuclear weapon", ""},
		want{"reported", "seeking nuclear weapons", "Iran"},
	)
}

func TestTASSRussianDepartmentDirector(t *testing.T) {
	body := "МОСКВА, 20 ноября. /ТАСС/. Россия не получала от США официальных предложений о возобновлении инспекций по ДСНВ. Об этом заявил ТАСС директор департамента по вопросам нераспространения и контроля над вооружениями МИД РФ Владимир Ермаков.\n\n" +
		"«Никаких конкретных инициатив от американской стороны мы не видели», — подчеркнул дипломат.\n\n" +
		"По его словам, Москва по-прежнему готова к диалогу, однако он возможен лишь при условии учета российских интересов.\n\n" +
		"Ранее замглавы МИД Сергей Рябков заявлял, что возвращение к договору в прежнем виде невозможно."
	check(t, body,
		want{"reported", "Россия не получала от США официальных предложений о возобновлении инспекций по ДСНВ", "Владимир Ермаков"},
		want{"direct", "Никаких конкретных инициатив от американской стороны мы не видели", "Владимир Ермаков"},
		want{"reported", "Москва по-прежнему готова к диалогу, однако он возможен лишь при условии учета российских интересов", "Владимир Ермаков"},
		want{"reported", "возвращение к договору в прежнем виде невозможно", "Сергей Рябков"},
	)
}
