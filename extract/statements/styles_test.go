package statements

import "testing"

// Realistic passages in the styles of the sources armswatch reads. Expected statements follow
// the conventions of the seed's notes: reported text is the content clause only, quoted
// fragments inside a reported clause stay in it, unnamed sources have an empty speaker.

func TestReuters(t *testing.T) {
	body := "MOSCOW, Feb 21 (Reuters) - President Vladimir Putin on Tuesday suspended Russia’s participation in New START, and warned that Moscow could resume nuclear tests if Washington did so first.\n\n" +
		"Speaking in a long-delayed state-of-the-nation address, Putin said Russia was not withdrawing from the treaty but suspending its participation.\n\n" +
		"“I am forced to announce today that Russia is suspending its participation,” Putin told the country’s political and military elite. “If the United States conducts a test, then we will.”\n\n" +
		"Dmitry Peskov, the Kremlin spokesman, said later that Moscow would remain “responsible” and continue to observe the treaty’s limits. He told reporters the decision could be reversed if Washington showed political will.\n\n" +
		"“This is not the end of arms control,” a senior U.S. official said on condition of anonymity."
	got := check(t, body,
		want{"reported", "Moscow could resume nuclear tests if Washington did so first", "Vladimir Putin"},
		want{"reported", "Russia was not withdrawing from the treaty but suspending its participation", "Vladimir Putin"},
		want{"direct", "I am forced to announce today that Russia is suspending its participation If the United States conducts a test, then we will.", "Vladimir Putin"},
		want{"reported", "Moscow would remain “responsible” and continue to observe the treaty’s limits", "Dmitry Peskov"},
		want{"reported", "the decision could be reversed if Washington showed political will", "Dmitry Peskov"},
		want{"direct", "This is not the end of arms control", ""},
	)
	if len(got) == 6 {
		if got[2].Cue != "told" || len(got[2].Spans) != 2 {
			t.Errorf("split quote: cue %q spans %v", got[2].Cue, got[2].Spans)
		}
		if got[3].SpeakerRole != "Kremlin spokesman" {
			t.Errorf("role after the name: %q", got[3].SpeakerRole)
		}
	}
}

func TestAP(t *testing.T) {
	body := "WASHINGTON (AP) — The Pentagon on Tuesday said it had no plans to resume explosive nuclear testing.\n\n" +
		"\"We are talking about system tests, not nuclear explosions,\" Energy Secretary Chris Wright told Fox News on Sunday. He said the tests would involve \"non-critical\" components of nuclear weapons.\n\n" +
		"Pentagon spokeswoman Kingsley Wilson declined to say when any test might take place. She said the department was \"ready to carry out the president's direction.\"\n\n" +
		"Experts warned that a U.S. test could prompt Russia and China to follow. \"The moment the United States tests, Moscow and Beijing will have the political cover they need,\" said Jeffrey Lewis, a professor at the Middlebury Institute of International Studies.\n\n" +
		"The last U.S. explosive nuclear test took place in Nevada in 1992."
	got := check(t, body,
		want{"reported", "it had no plans to resume explosive nuclear testing", "Pentagon"},
		want{"direct", "We are talking about system tests, not nuclear explosions", "Chris Wright"},
		want{"reported", "the tests would involve \"non-critical\" components of nuclear weapons", "Chris Wright"},
		want{"reported", "the department was \"ready to carry out the president's direction.\"", "Kingsley Wilson"},
		want{"reported", "a U.S. test could prompt Russia and China to follow", ""},
		want{"direct", "The moment the United States tests, Moscow and Beijing will have the political cover they need", "Jeffrey Lewis"},
	)
	if len(got) == 6 && (got[0].SpeakerKind != "organization" || got[5].SpeakerRole != "professor at the Middlebury Institute of International Studies") {
		t.Errorf("kinds and roles: %q %q", got[0].SpeakerKind, got[5].SpeakerRole)
	}
}

func TestTASS(t *testing.T) {
	body := "MOSCOW, March 3. /TASS/. Russia will not return to the New START Treaty unless the United States reviews its hostile policy, Russian Foreign Ministry Spokeswoman Maria Zakharova said at a briefing on Thursday.\n\n" +
		"\"The ball is in Washington's court,\" she said. \"We have repeatedly warned our American colleagues.\"\n\n" +
		"The diplomat also noted that Moscow remained committed to the quantitative limits of the treaty.\n\n" +
		"Earlier, Deputy Foreign Minister Sergei Ryabkov told TASS that Russia and the US had not held any consultations this year. According to the senior diplomat, the American side has shown no interest in such contacts.\n\n" +
		"\"We see no signals from Washington,\" Ryabkov stressed, adding that Moscow was ready for dialogue on an equal footing.\n\n" +
		"The New START Treaty entered into force on February 5, 2011."
	check(t, body,
		want{"reported", "Russia will not return to the New START Treaty unless the United States reviews its hostile policy", "Maria Zakharova"},
		want{"direct", "The ball is in Washington's court We have repeatedly warned our American colleagues.", "Maria Zakharova"},
		want{"reported", "Moscow remained committed to the quantitative limits of the treaty", "Maria Zakharova"},
		want{"reported", "Russia and the US had not held any consultations this year", "Sergei Ryabkov"},
		want{"reported", "the American side has shown no interest in such contacts", "Sergei Ryabkov"},
		want{"direct", "We see no signals from Washington", "Sergei Ryabkov"},
		want{"reported", "Moscow was ready for dialogue on an equal footing", "Sergei Ryabkov"},
	)
}

func TestTASSTitleWithOf(t *testing.T) {
	body := "UZHUR /Krasnoyarsk Region/, December 16. /TASS/. The first regiment armed with the Sarmat missile will assume combat duty next year, Commander of the Strategic Missile Forces Colonel-General Sergei Karakayev said on Monday.\n\n" +
		"\"Construction work is nearing completion,\" Karakayev told reporters ahead of the Strategic Missile Forces Day, which is marked on December 17.\n\n" +
		"According to the commander, the share of modern systems has reached 95%.\n\n" +
		"\"The Sarmat can fly over both poles,\" the general said, adding that the missile's trajectory made it impossible to predict the direction of an attack."
	check(t, body,
		want{"reported", "The first regiment armed with the Sarmat missile will assume combat duty next year", "Sergei Karakayev"},
		want{"direct", "Construction work is nearing completion", "Sergei Karakayev"},
		want{"reported", "the share of modern systems has reached 95%", "Sergei Karakayev"},
		want{"direct", "The Sarmat can fly over both poles", "Sergei Karakayev"},
		want{"reported", "the missile's trajectory made it impossible to predict the direction of an attack", "Sergei Karakayev"},
	)
}

func TestRIARussian(t *testing.T) {
	body := "МОСКВА, 5 марта — РИА Новости. Россия не намерена первой размещать ракеты средней дальности в Европе, заявил РИА Новости замглавы МИД Александр Грушко.\n\n" +
		"«Мы неоднократно предлагали НАТО мораторий, но ответа так и не получили», — сказал он.\n\n" +
		"Дипломат также подчеркнул, что Москва внимательно следит за действиями альянса.\n\n" +
		"По словам Грушко, в случае размещения американских ракет Россия примет зеркальные меры.\n\n" +
		"Ранее пресс-секретарь президента Дмитрий Песков заявил журналистам, что Кремль не видит предпосылок для диалога."
	check(t, body,
		want{"reported", "Россия не намерена первой размещать ракеты средней дальности в Европе", "Александр Грушко"},
		want{"direct", "Мы неоднократно предлагали НАТО мораторий, но ответа так и не получили", "Александр Грушко"},
		want{"reported", "Москва внимательно следит за действиями альянса", "Александр Грушко"},
		want{"reported", "в случае размещения американских ракет Россия примет зеркальные меры", "Александр Грушко"},
		want{"reported", "Кремль не видит предпосылок для диалога", "Дмитрий Песков"},
	)
}

func TestTASSRussianAttributionNextSentence(t *testing.T) {
	body := "МОСКВА, 16 декабря. /ТАСС/. Первый полк с ракетами «Сармат» заступит на боевое дежурство в 2026 году. Об этом сообщил журналистам командующий Ракетными войсками стратегического назначения (РВСН) генерал-полковник Сергей Каракаев.\n\n" +
		"«Работы идут по графику, — сказал он. — Его дальность позволяет поражать цели через полюсы».\n\n" +
		"По словам командующего, около 95% пусковых установок оснащены современными комплексами. Он также отметил, что в следующем году в войска поступит более 20 новых ракет."
	got := check(t, body,
		want{"reported", "Первый полк с ракетами «Сармат» заступит на боевое дежурство в 2026 году", "Сергей Каракаев"},
		want{"direct", "Работы идут по графику Его дальность позволяет поражать цели через полюсы", "Сергей Каракаев"},
		want{"reported", "около 95% пусковых установок оснащены современными комплексами", "Сергей Каракаев"},
		want{"reported", "в следующем году в войска поступит более 20 новых ракет", "Сергей Каракаев"},
	)
	if len(got) > 1 && len(got[1].Spans) != 2 {
		t.Errorf("attribution inside the guillemets should split the quote: %v", got[1].Spans)
	}
}

func TestRussianParentheticalAndGenitive(t *testing.T) {
	body := "Песков также отметил, что Кремль пока не получал от Вашингтона разъяснений. Вопрос о возможных контактах, добавил он, будет рассмотрен «в рабочем порядке».\n\n" +
		"По словам Сергея Рябкова, Москва готова к диалогу."
	check(t, body,
		want{"reported", "Кремль пока не получал от Вашингтона разъяснений", "Песков"},
		want{"reported", "Вопрос о возможных контактах будет рассмотрен «в рабочем порядке»", "Песков"},
		want{"reported", "Москва готова к диалогу", "Сергей Рябков"},
	)
}

func TestStateBriefingTranscript(t *testing.T) {
	body := "Department Press Briefing\n\nMatthew Miller, Department Spokesperson\n\n" +
		"MR MILLER: Good afternoon, everyone. I have one announcement at the top.\n\n" +
		"Today the United States provided Russia with a notification under the New START Treaty.\n\n" +
		"QUESTION: Matt, has Russia responded to the proposal?\n\n" +
		"MR MILLER: Not that I'm aware of."
	got := check(t, body,
		want{"transcript", "Good afternoon, everyone. I have one announcement at the top. Today the United States provided Russia with a notification under the New START Treaty.", "Matthew Miller"},
		want{"transcript", "Matt, has Russia responded to the proposal?", ""},
		want{"transcript", "Not that I'm aware of.", "Matthew Miller"},
	)
	if len(got) > 0 && len(got[0].Spans) != 2 {
		t.Errorf("a turn over two paragraphs has two spans: %v", got[0].Spans)
	}
}

func TestKremlinTranscriptWithReportedThirdParty(t *testing.T) {
	body := "Vladimir Putin: No, we have not received a clear answer.\n\n" +
		"Question (retranslated): Mr President, Reuters. President Trump has said that the United States would resume nuclear testing. Will Russia respond in kind?\n\n" +
		"Vladimir Putin: If someone conducts a nuclear test, we will do the same.\n\n" +
		"В.Путин: В следующий раз – в Москве."
	check(t, body,
		want{"transcript", "No, we have not received a clear answer.", "Vladimir Putin"},
		want{"transcript", "Mr President, Reuters. President Trump has said that the United States would resume nuclear testing. Will Russia respond in kind?", ""},
		want{"reported", "the United States would resume nuclear testing", "Trump"},
		want{"transcript", "If someone conducts a nuclear test, we will do the same.", "Vladimir Putin"},
		want{"transcript", "В следующий раз – в Москве.", "Путин"},
	)
}

func TestThinkTank(t *testing.T) {
	body := "The collapse of the INF Treaty in 2019 removed the last legal barrier to ground-launched intermediate-range missiles in Europe.\n\n" +
		"As Rose Gottemoeller, a former NATO deputy secretary general, put it in a recent interview, \"We are sleepwalking into a new missile race.\"\n\n" +
		"Not everyone agrees. Some analysts argue that the deployments are a necessary response to Russia's buildup. \"Deterrence requires capabilities, not just words,\" said Matthew Kroenig of the Atlantic Council.\n\n" +
		"In our view, the allies should propose a verifiable moratorium, which would be \"a modest first step\"."
	check(t, body,
		want{"direct", "We are sleepwalking into a new missile race.", "Rose Gottemoeller"},
		want{"reported", "the deployments are a necessary response to Russia's buildup", ""},
		want{"direct", "Deterrence requires capabilities, not just words", "Matthew Kroenig"},
	)
}

func TestMultiParagraphQuoteAndContinuation(t *testing.T) {
	body := "Hans Kristensen, director of the Nuclear Information Project, said in an interview: “The treaty was already on life support. Inspections have not taken place since 2020.\n\n" +
		"“What worries me most is that there is now no successor in sight.”\n\n" +
		"“The ball is in the American court.”\n\n" +
		"The Kremlin said last week that it regretted the imminent end of the treaty."
	got := check(t, body,
		want{"direct", "The treaty was already on life support. Inspections have not taken place since 2020. What worries me most is that there is now no successor in sight.", "Hans Kristensen"},
		want{"direct", "The ball is in the American court.", "Hans Kristensen"},
		want{"reported", "it regretted the imminent end of the treaty", "Kremlin"},
	)
	if len(got) > 0 && (len(got[0].Spans) != 2 || got[0].Paragraph != 0) {
		t.Errorf("multi-paragraph quote: spans %v paragraph %d", got[0].Spans, got[0].Paragraph)
	}
}

func TestScareQuotesAndTitles(t *testing.T) {
	body := "The so-called \"nuclear sharing\" arrangements remain in place. The missile, dubbed \"Satan\" in the West, entered service in 1988.\n\n" +
		"Russia's «Sarmat» and «Avangard» systems are on combat duty, the report by \"Arms Control Today\" noted."
	got := Extract(body, Options{})
	for _, s := range got {
		if s.Kind == "direct" {
			t.Errorf("scare quote or title taken as a statement: %+v", s)
		}
	}
}

func TestBlockquoteAttributionOnNextLine(t *testing.T) {
	body := "Medvedev responded on social media within hours.\n\n" +
		"Any resumption of nuclear testing by the United States will be met with a response in kind.\n\n" +
		"— Dmitry Medvedev (@MedvedevRussiaE) October 30, 2025\n\n" +
		"Trump made the announcement in a post. He wrote:\n\n" +
		"“I have instructed the Department of War to start testing our Nuclear Weapons on an equal basis.”"
	check(t, body,
		want{"direct", "Any resumption of nuclear testing by the United States will be met with a response in kind.", "Dmitry Medvedev"},
		want{"direct", "I have instructed the Department of War to start testing our Nuclear Weapons on an equal basis.", "Trump"},
	)
}

func TestInstitutionsAndPronouns(t *testing.T) {
	body := "The Russian Foreign Ministry said in a statement that Moscow would continue to notify the United States of ballistic missile launches. It also said Russia would keep to the central limits.\n\n" +
		"The ministry stressed that the responsibility lay entirely with Washington.\n\n" +
		"Russia revoked its ratification of the treaty two years ago, saying it wanted to mirror the position of the United States."
	got := check(t, body,
		want{"reported", "Moscow would continue to notify the United States of ballistic missile launches", "Russian Foreign Ministry"},
		want{"reported", "Russia would keep to the central limits", "Russian Foreign Ministry"},
		want{"reported", "the responsibility lay entirely with Washington", "Russian Foreign Ministry"},
		want{"reported", "it wanted to mirror the position of the United States", "Russia"},
	)
	for _, s := range got {
		if s.SpeakerKind != "organization" {
			t.Errorf("institution speaker kind: %+v", s)
		}
	}
}

func TestUserReportingVerbs(t *testing.T) {
	body := "Ryabkov opined that the talks had reached a dead end."
	if got := Extract(body, Options{}); len(got) != 0 {
		t.Fatalf("'opined' is not built in: %+v", got)
	}
	got := Extract(body, Options{ReportingVerbs: []string{"opined"}})
	if len(got) != 1 || got[0].Text != "the talks had reached a dead end" || got[0].Cue != "opined" {
		t.Fatalf("user verb: %+v", got)
	}
	if got := Extract(body, Options{}); len(got) != 0 {
		t.Fatalf("user verbs must not leak into the built-in list: %+v", got)
	}
}

func TestQuestionsAndBackgroundAreNotStatements(t *testing.T) {
	body := "Has Washington answered the proposal to keep to the limits for another year?\n\n" +
		"The New START Treaty, which was signed by Moscow and Washington in 2010, stipulates that each party should have no more than 1,550 warheads. The US agreed to hold a meeting."
	if got := Extract(body, Options{}); len(got) != 0 {
		t.Errorf("no statements expected: %+v", got)
	}
}

func TestEmptyAndOddInput(t *testing.T) {
	for _, body := range []string{"", "  ", "\"", "«", "He said:", "\"\"", "— ", "Q:"} {
		got := Extract(body, Options{})
		if got == nil {
			t.Errorf("%q: nil list, want empty", body)
		}
		for _, s := range got {
			if s.Start < 0 || s.End > len(body) || s.Start >= s.End {
				t.Errorf("%q: bad offsets %+v", body, s)
			}
		}
	}
}
