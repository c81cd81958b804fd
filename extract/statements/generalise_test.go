package statements

import (
	"strings"
	"testing"
	"unicode"
)

// A development set of new passages in many news styles, labelled by hand from the text (the
// conventions of the seed notes and testdata/gold/README.md) before the analyzer was run on them.
// It measures how the rules generalise beyond the labelled articles: the test reports precision
// and recall and fails below a floor, so that one miss does not block work but a regression does.

type devCase struct {
	name string
	body string
	want []want
}

var devSet = []devCase{
	{"reuters-iaea", "VIENNA, March 4 (Reuters) - The International Atomic Energy Agency said on Wednesday it had lost continuity of knowledge over Iran's stockpile of enriched uranium, calling the situation \"a matter of serious concern.\"\n\n" +
		"\"Without access, we cannot provide any assurance,\" IAEA Director General Rafael Grossi told reporters in Vienna.\n\n" +
		"Iran began enriching uranium to 60% in April 2021.\n\n" +
		"The agency said in a confidential report seen by Reuters that Iran had enriched uranium up to 60% purity. It added that inspectors had not been able to visit the Fordow site since June.",
		[]want{
			{"reported", "it had lost continuity of knowledge over Iran's stockpile of enriched uranium", "International Atomic Energy Agency"},
			{"direct", "a matter of serious concern.", "International Atomic Energy Agency"},
			{"direct", "Without access, we cannot provide any assurance", "Rafael Grossi"},
			{"reported", "Iran had enriched uranium up to 60% purity", "International Atomic Energy Agency"},
			{"reported", "inspectors had not been able to visit the Fordow site since June", "International Atomic Energy Agency"},
		}},
	{"ap-state", "WASHINGTON (AP) — The State Department said Tuesday that Russia remained in violation of the New START treaty, while the Trump administration wants a new agreement that would include China.\n\n" +
		"\"Russia's continued refusal to allow inspections undermines the treaty,\" State Department spokesperson Tammy Bruce said in a statement.\n\n" +
		"The department said it had raised the issue with Russian officials in Geneva.",
		[]want{
			{"reported", "Russia remained in violation of the New START treaty", "State Department"},
			{"direct", "Russia's continued refusal to allow inspections undermines the treaty", "Tammy Bruce"},
			{"reported", "it had raised the issue with Russian officials in Geneva", "State Department"},
		}},
	{"reuters-un-asia", "UNITED NATIONS, Nov 2 (Reuters) - China's U.N. Ambassador Fu Cong said on Thursday that Beijing would not join trilateral arms control talks with the United States and Russia, describing the proposal as \"neither fair nor reasonable.\"\n\n" +
		"Fu told the Security Council that the U.S. nuclear arsenal was many times larger than China's.\n\n" +
		"South Korea's Foreign Minister Cho Tae-yul said Seoul was closely coordinating with Washington. He said North Korea's missile launches were \"a clear violation\" of Security Council resolutions.",
		[]want{
			{"reported", "Beijing would not join trilateral arms control talks with the United States and Russia", "Fu Cong"},
			{"direct", "neither fair nor reasonable.", "Fu Cong"},
			{"reported", "the U.S. nuclear arsenal was many times larger than China's", "Fu Cong"},
			{"reported", "Seoul was closely coordinating with Washington", "Cho Tae-yul"},
			{"reported", "North Korea's missile launches were \"a clear violation\" of Security Council resolutions", "Cho Tae-yul"},
		}},
	{"tass-en-roles", "MOSCOW, February 10. /TASS/. Russia will not discuss strategic stability with the United States in isolation from the overall state of bilateral relations, Deputy Foreign Minister Sergey Ryabkov told TASS.\n\n" +
		"\"We see no signs that Washington is ready for an equal dialogue,\" the senior diplomat said.\n\n" +
		"Chairman of the State Duma Committee on International Affairs Leonid Slutsky, for his part, said Moscow would not accept any linkage between the talks and \"unrelated issues.\" The lawmaker added that the West should abandon \"the language of ultimatums.\"\n\n" +
		"Russia's Permanent Representative to International Organizations in Vienna Mikhail Ulyanov wrote on X that the IAEA Board's resolution was \"counterproductive.\"",
		[]want{
			{"reported", "Russia will not discuss strategic stability with the United States in isolation from the overall state of bilateral relations", "Sergey Ryabkov"},
			{"direct", "We see no signs that Washington is ready for an equal dialogue", "Sergey Ryabkov"},
			{"reported", "Moscow would not accept any linkage between the talks and \"unrelated issues.\"", "Leonid Slutsky"},
			{"reported", "the West should abandon \"the language of ultimatums.\"", "Leonid Slutsky"},
			{"reported", "the IAEA Board's resolution was \"counterproductive.\"", "Mikhail Ulyanov"},
		}},
	{"tass-ru", "МОСКВА, 12 марта. /ТАСС/. Москва не намерена вести переговоры о контроле над вооружениями на условиях Вашингтона. Об этом говорится в заявлении МИД РФ, опубликованном в четверг.\n\n" +
		"Пресс-секретарь президента РФ Дмитрий Песков заявил, что Москва «не намерена делать шаги навстречу» без гарантий безопасности. «Все решения будут приняты в интересах нашей безопасности», — подчеркнул пресс-секретарь президента.\n\n" +
		"«Договор фактически мертв», — написал заместитель председателя Совбеза РФ Дмитрий Медведев в своем Telegram-канале.\n\n" +
		"Западные страны играют с огнем, заявил Дмитрий Медведев в Telegram-канале.",
		[]want{
			{"reported", "Москва не намерена вести переговоры о контроле над вооружениями на условиях Вашингтона", "МИД РФ"},
			{"reported", "Москва «не намерена делать шаги навстречу» без гарантий безопасности", "Дмитрий Песков"},
			{"direct", "Все решения будут приняты в интересах нашей безопасности", "Дмитрий Песков"},
			{"direct", "Договор фактически мертв", "Дмитрий Медведев"},
			{"reported", "Западные страны играют с огнем", "Дмитрий Медведев"},
		}},
	{"ria-ru", "МОСКВА, 5 апреля – РИА Новости. Замглавы МИД России Сергей Рябков заявил РИА Новости, что Россия готова к диалогу по стратегической стабильности. По словам Рябкова, первые консультации могут пройти летом.\n\n" +
		"Как сообщили в МИД, консультации пройдут в Женеве.",
		[]want{
			{"reported", "Россия готова к диалогу по стратегической стабильности", "Сергей Рябков"},
			{"reported", "первые консультации могут пройти летом", "Сергей Рябков"},
			{"reported", "консультации пройдут в Женеве", "МИД"},
		}},
	{"think-tank", "The so-called \"Golden Dome\" programme would cost at least $175 billion, according to the Congressional Budget Office.\n\n" +
		"Hans Kristensen, director of the Nuclear Information Project at the Federation of American Scientists, said the Pentagon's estimate was too low. \"These numbers simply don't add up,\" he said.\n\n" +
		"The U.S. Defense Department said in its annual report to Congress that China's stockpile had surpassed 600 operational warheads.\n\n" +
		"The National Nuclear Security Administration (NNSA) said the W93 programme remained on schedule. The administration agreed to brief lawmakers next month.",
		[]want{
			{"reported", "The so-called \"Golden Dome\" programme would cost at least $175 billion", "Congressional Budget Office"},
			{"reported", "the Pentagon's estimate was too low", "Hans Kristensen"},
			{"direct", "These numbers simply don't add up", "Hans Kristensen"},
			{"reported", "China's stockpile had surpassed 600 operational warheads", "U.S. Defense Department"},
			{"reported", "the W93 programme remained on schedule", "National Nuclear Security Administration"},
		}},
	{"un-e3", "The E3 said in a joint statement that Iran's nuclear escalation had \"no credible civilian justification.\"\n\n" +
		"UN Secretary-General Antonio Guterres urged all parties to show restraint, warning that the risk of nuclear use was at its highest in decades.",
		[]want{
			{"reported", "Iran's nuclear escalation had \"no credible civilian justification.\"", "E3"},
			{"reported", "all parties to show restraint", "Antonio Guterres"},
			{"reported", "the risk of nuclear use was at its highest in decades", "Antonio Guterres"},
		}},
	{"kremlin-readout", "Vladimir Putin had a telephone conversation with President of France Emmanuel Macron.\n\n" +
		"The President of Russia stressed that the Western countries' supplies of long-range weapons to Kiev were a direct involvement in the conflict.",
		[]want{
			{"reported", "the Western countries' supplies of long-range weapons to Kiev were a direct involvement in the conflict", "Vladimir Putin"},
		}},
	{"afp-adding", "PARIS (AFP) - Russia's decision to suspend New START is \"deeply unfortunate and irresponsible,\" US Secretary of State Antony Blinken said, adding that Washington remained ready to talk.\n\n" +
		"Russia's move was \"a grave mistake,\" Lithuanian Foreign Minister Gabrielius Landsbergis told reporters, calling it \"nuclear blackmail.\"",
		[]want{
			{"reported", "Russia's decision to suspend New START is \"deeply unfortunate and irresponsible,\"", "Antony Blinken"},
			{"reported", "Washington remained ready to talk", "Antony Blinken"},
			{"reported", "Russia's move was \"a grave mistake,\"", "Gabrielius Landsbergis"},
			{"direct", "nuclear blackmail.", "Gabrielius Landsbergis"},
		}},
	{"sputnik-pronoun", "MOSCOW (Sputnik) - Russian Foreign Ministry spokeswoman Maria Zakharova said on Thursday that NATO's nuclear sharing arrangements violated the Non-Proliferation Treaty.\n\n" +
		"She also said Moscow would respond to any deployment of US missiles in Germany.",
		[]want{
			{"reported", "NATO's nuclear sharing arrangements violated the Non-Proliferation Treaty", "Maria Zakharova"},
			{"reported", "Moscow would respond to any deployment of US missiles in Germany", "Maria Zakharova"},
		}},
	{"tass-en-descriptors", "MOSCOW, March 3. /TASS/. Russia's Permanent Representative to International Organizations in Vienna Mikhail Ulyanov said the IAEA report contained no evidence of violations.\n\n" +
		"Speaking at the Board of Governors, Russia's permanent representative to international organisations in Vienna said the E3 draft resolution would only escalate tensions.\n\n" +
		"Chairman of the State Duma Committee on International Affairs Leonid Slutsky told reporters that Moscow expected a response from Washington. The head of the Duma's international affairs committee noted that the clock was ticking.",
		[]want{
			{"reported", "the IAEA report contained no evidence of violations", "Mikhail Ulyanov"},
			{"reported", "the E3 draft resolution would only escalate tensions", "Mikhail Ulyanov"},
			{"reported", "Moscow expected a response from Washington", "Leonid Slutsky"},
			{"reported", "the clock was ticking", "Leonid Slutsky"},
		}},
	{"background-only", "The so-called \"peace plan\" was published on Monday.\n\n" +
		"The film \"Oppenheimer\" won seven Oscars. Russia and the United States agreed to resume inspections next year.\n\n" +
		"Washington wants a new treaty that would include China. The treaty's estimate of 1,550 warheads was set in 2010.",
		nil},
	{"state-gov-readout", "Secretary Blinken spoke today with Chinese Foreign Minister Wang Yi. The Secretary emphasized that the United States would continue to defend its allies.\n\n" +
		"Wang said China opposed any attempt to expand NATO into the Asia-Pacific.",
		[]want{
			{"reported", "the United States would continue to defend its allies", "Blinken"},
			{"reported", "China opposed any attempt to expand NATO into the Asia-Pacific", "Wang Yi"},
		}},
	{"ria-ru-quotes", "МОСКВА, 7 мая – РИА Новости. Официальный представитель МИД России Мария Захарова заявила, что Вашингтон „сознательно разрушает“ систему контроля над вооружениями.\n\n" +
		"«Мы будем реагировать», — отметила дипломат. Она добавила, что Москва не станет первой размещать ракеты средней дальности.\n\n" +
		"Россия приостановила участие в ДСНВ в феврале 2023 года.",
		[]want{
			{"reported", "Вашингтон „сознательно разрушает“ систему контроля над вооружениями", "Мария Захарова"},
			{"direct", "Мы будем реагировать", "Мария Захарова"},
			{"reported", "Москва не станет первой размещать ракеты средней дальности", "Мария Захарова"},
		}},
	// second batch, written after the first was passed
	{"ap-pentagon", "WASHINGTON (AP) — The Pentagon on Monday said China was expanding its nuclear arsenal faster than U.S. officials had predicted.\n\n" +
		"The U.S. Defense Department said in its annual report to Congress that Beijing probably had more than 600 operational nuclear warheads. The department added that China would likely have over 1,000 by 2030.\n\n" +
		"\"This is a concerning trend,\" a senior defense official told reporters on condition of anonymity.\n\n" +
		"Chinese Foreign Ministry spokesperson Mao Ning dismissed the report as \"full of prejudice.\" Mao said China's nuclear policy was defensive in nature.",
		[]want{
			{"reported", "China was expanding its nuclear arsenal faster than U.S. officials had predicted", "Pentagon"},
			{"reported", "Beijing probably had more than 600 operational nuclear warheads", "U.S. Defense Department"},
			{"reported", "China would likely have over 1,000 by 2030", "U.S. Defense Department"},
			{"direct", "This is a concerning trend", ""},
			{"direct", "full of prejudice.", "Mao Ning"},
			{"reported", "China's nuclear policy was defensive in nature", "Mao Ning"},
		}},
	{"iaea-press", "IAEA Director General Rafael Mariano Grossi today said the Agency's inspectors had verified that Iran had not resumed construction at the site.\n\n" +
		"\"We need full cooperation,\" Mr Grossi told a press conference in Vienna. He added that he planned to travel to Tehran next week.\n\n" +
		"The IAEA Board of Governors is scheduled to meet in June.",
		[]want{
			{"reported", "the Agency's inspectors had verified that Iran had not resumed construction at the site", "Rafael Mariano Grossi"},
			{"direct", "We need full cooperation", "Rafael Mariano Grossi"},
			{"reported", "he planned to travel to Tehran next week", "Rafael Mariano Grossi"},
		}},
	{"kremlin-ru-readout", "Владимир Путин провел телефонный разговор с Президентом Франции Эмманюэлем Макроном.\n\n" +
		"Президент России подчеркнул, что поставки Западом дальнобойного оружия Киеву означают прямое вовлечение в конфликт.\n\n" +
		"Как сообщили в пресс-службе Кремля, разговор продолжался более двух часов.",
		[]want{
			{"reported", "поставки Западом дальнобойного оружия Киеву означают прямое вовлечение в конфликт", "Владимир Путин"},
			{"reported", "разговор продолжался более двух часов", "Кремль"},
		}},
	{"sputnik-ministry", "MOSCOW (Sputnik) - The Russian Defense Ministry said on Friday that its air defenses had intercepted 12 drones over the Bryansk region.\n\n" +
		"The ministry said the drones had been launched by Ukrainian forces. According to the ministry, there were no casualties.",
		[]want{
			{"reported", "its air defenses had intercepted 12 drones over the Bryansk region", "Russian Defense Ministry"},
			{"reported", "the drones had been launched by Ukrainian forces", "Russian Defense Ministry"},
			{"reported", "there were no casualties", "Russian Defense Ministry"},
		}},
	{"tass-ru-sources", "МОСКВА, 3 июня. /ТАСС/. Россия будет придерживаться количественных ограничений ДСНВ до истечения срока действия договора. Об этом сообщили ТАСС в МИД РФ.\n\n" +
		"Замглавы МИД РФ Сергей Рябков в интервью «Известиям» отметил, что Москва готова к диалогу. По его словам, «мяч на стороне Вашингтона».",
		[]want{
			{"reported", "Россия будет придерживаться количественных ограничений ДСНВ до истечения срока действия договора", "МИД РФ"},
			{"reported", "Москва готова к диалогу", "Сергей Рябков"},
			{"direct", "мяч на стороне Вашингтона", "Сергей Рябков"},
		}},
	{"reuters-he-later", "Russian Foreign Minister Sergei Lavrov said Russia would not return to the treaty unless Washington changed its hostile policy.\n\n" +
		"Britain, France and Germany triggered the snapback mechanism in August.\n\n" +
		"He also said NATO was preparing for a war with Russia.",
		[]want{
			{"reported", "Russia would not return to the treaty unless Washington changed its hostile policy", "Sergei Lavrov"},
			{"reported", "NATO was preparing for a war with Russia", "Sergei Lavrov"},
		}},
	{"afp-quote-then-role", "\"We will not be the first to deploy such missiles,\" Russian Deputy Foreign Minister Sergei Ryabkov said in an interview published on Sunday, adding that Moscow was ready for talks.\n\n" +
		"The senior diplomat also warned that any US deployment in Europe would draw \"a military-technical response.\"",
		[]want{
			{"direct", "We will not be the first to deploy such missiles", "Sergei Ryabkov"},
			{"reported", "Moscow was ready for talks", "Sergei Ryabkov"},
			{"reported", "any US deployment in Europe would draw \"a military-technical response.\"", "Sergei Ryabkov"},
		}},
	{"sipri", "The Stockholm International Peace Research Institute (SIPRI) said in its annual yearbook that the global nuclear arsenal was growing. \"We are drifting into one of the most dangerous periods in human history,\" SIPRI Director Dan Smith said.\n\n" +
		"The institute estimated that China had at least 600 warheads.",
		[]want{
			{"reported", "the global nuclear arsenal was growing", "Stockholm International Peace Research Institute"},
			{"direct", "We are drifting into one of the most dangerous periods in human history", "Dan Smith"},
			{"reported", "China had at least 600 warheads", "Stockholm International Peace Research Institute"},
		}},
	{"un-news", "Speaking to the Security Council, Izumi Nakamitsu, the UN High Representative for Disarmament Affairs, said the risk of nuclear weapons use was higher than at any time since the Cold War.\n\n" +
		"She urged all nuclear-armed States to engage in dialogue.",
		[]want{
			{"reported", "the risk of nuclear weapons use was higher than at any time since the Cold War", "Izumi Nakamitsu"},
			{"reported", "all nuclear-armed States to engage in dialogue", "Izumi Nakamitsu"},
		}},
	{"ria-ru-inverted", "Соединенные Штаты не собираются возвращаться к соблюдению договора, заявил РИА Новости постоянный представитель России при международных организациях в Вене Михаил Ульянов.\n\n" +
		"«Это очевидно», — добавил постпред.",
		[]want{
			{"reported", "Соединенные Штаты не собираются возвращаться к соблюдению договора", "Михаил Ульянов"},
			{"direct", "Это очевидно", "Михаил Ульянов"},
		}},
	// third batch
	{"reuters-multi", "MOSCOW, Oct 5 (Reuters) - Russia's top security official Sergei Shoigu said on Tuesday that Moscow would respond to any U.S. nuclear test in kind.\n\n" +
		"\"If the Americans test, we will test,\" Shoigu told reporters during a visit to Minsk, calling the U.S. position \"irresponsible\".\n\n" +
		"The United States has not conducted an explosive nuclear test since 1992.\n\n" +
		"A U.S. State Department spokesperson said Washington had no plans to resume testing but declined to comment further.",
		[]want{
			{"reported", "Moscow would respond to any U.S. nuclear test in kind", "Sergei Shoigu"},
			{"direct", "If the Americans test, we will test", "Sergei Shoigu"},
			{"direct", "irresponsible", "Sergei Shoigu"},
			{"reported", "Washington had no plans to resume testing", ""},
		}},
	{"tass-ru-medvedev", "МОСКВА, 10 ноября. /ТАСС/. Заместитель председателя Совета безопасности РФ Дмитрий Медведев заявил, что новые санкции ЕС «не останутся без ответа».\n\n" +
		"«Мы ответим асимметрично», — написал Медведев в своем Telegram-канале. Он также отметил, что Европа «сама себя загнала в угол».",
		[]want{
			{"reported", "новые санкции ЕС «не останутся без ответа»", "Дмитрий Медведев"},
			{"direct", "Мы ответим асимметрично", "Дмитрий Медведев"},
			{"reported", "Европа «сама себя загнала в угол»", "Дмитрий Медведев"},
		}},
	{"state-gov-3p", "Secretary Rubio said the launch was a flagrant violation of multiple UN Security Council resolutions.\n\n" +
		"The Secretary reaffirmed that the U.S. commitment to the defense of the Republic of Korea and Japan remains ironclad.",
		[]want{
			{"reported", "the launch was a flagrant violation of multiple UN Security Council resolutions", "Rubio"},
			{"reported", "the U.S. commitment to the defense of the Republic of Korea and Japan remains ironclad", "Rubio"},
		}},
	{"afp-chinese", "BEIJING (AFP) - China on Wednesday urged the United States to further reduce its nuclear arsenal, foreign ministry spokesman Lin Jian said.\n\n" +
		"\"The U.S. should earnestly fulfil its special responsibility,\" Lin told a regular press briefing.",
		[]want{
			{"reported", "China on Wednesday urged the United States to further reduce its nuclear arsenal", "Lin Jian"},
			{"reported", "the United States to further reduce its nuclear arsenal", "China"},
			{"direct", "The U.S. should earnestly fulfil its special responsibility", "Lin Jian"},
		}},
	{"think-tank-report", "In a report published on Tuesday, the Arms Control Association warned that the collapse of New START would leave the world without limits on the two largest arsenals. \"This is a dangerous moment,\" said Daryl Kimball, the association's executive director.\n\n" +
		"The report, titled \"Beyond New START,\" recommends that Washington and Moscow observe the central limits informally.",
		[]want{
			{"reported", "the collapse of New START would leave the world without limits on the two largest arsenals", "Arms Control Association"},
			{"direct", "This is a dangerous moment", "Daryl Kimball"},
			{"reported", "Washington and Moscow observe the central limits informally", "Arms Control Association"},
		}},
	{"ria-en-lavrov", "MOSCOW, December 2 (RIA Novosti) - Russia has not received any proposals from Washington on strategic stability, Russian Foreign Minister Sergey Lavrov said on Monday.\n\n" +
		"According to the minister, Moscow remains open to dialogue \"on an equal basis.\"",
		[]want{
			{"reported", "Russia has not received any proposals from Washington on strategic stability", "Sergey Lavrov"},
			{"reported", "Moscow remains open to dialogue \"on an equal basis.\"", "Sergey Lavrov"},
		}},
	{"yonhap-korean", "SEOUL, Jan 3 (Yonhap) - North Korean leader Kim Jong Un said his country would bolster its nuclear deterrent, state media KCNA reported on Saturday.\n\n" +
		"Kim called the U.S.-South Korea drills \"a rehearsal for invasion.\"",
		[]want{
			{"reported", "North Korean leader Kim Jong Un said his country would bolster its nuclear deterrent", "KCNA"},
			{"reported", "his country would bolster its nuclear deterrent", "Kim Jong Un"},
			{"direct", "a rehearsal for invasion.", "Kim Jong Un"},
		}},
	{"passive-and-phone-calls", "Prince Philip, 99, who was admitted to a hospital last month, is recovering.\n\n" +
		"Macron called Putin on Monday about the plant. The minister was informed of the decision late on Friday.\n\n" +
		"Macron later called the talks \"frank and useful.\"",
		[]want{
			{"direct", "frank and useful.", "Macron"},
		}},
	// fourth batch
	{"reuters-fragments", "Ryabkov said Moscow was \"not interested\" in a new arms race but would \"respond appropriately\" to any deployment.\n\n" +
		"Russian Ambassador to the United States Alexander Darchiev told Izvestia that contacts with the new administration were \"constructive,\" while Washington has yet to name its negotiator.",
		[]want{
			{"reported", "Moscow was \"not interested\" in a new arms race but would \"respond appropriately\" to any deployment", "Ryabkov"},
			{"reported", "contacts with the new administration were \"constructive,\"", "Alexander Darchiev"},
		}},
	{"ru-peskov-various", "Как заявил журналистам пресс-секретарь президента РФ Дмитрий Песков, Кремль пока не получал сигналов от Вашингтона.\n\n" +
		"«Мы открыты для диалога, но на взаимной основе», — сказал он, отвечая на вопрос ТАСС.\n\n" +
		"При этом Песков подчеркнул, что решение о продлении договора принимает президент.",
		[]want{
			{"reported", "Кремль пока не получал сигналов от Вашингтона", "Дмитрий Песков"},
			{"direct", "Мы открыты для диалога, но на взаимной основе", "Дмитрий Песков"},
			{"reported", "решение о продлении договора принимает президент", "Дмитрий Песков"},
		}},
	{"nnsa-agency", "The National Nuclear Security Administration (NNSA) said on Thursday it had completed the first production unit of the W93 warhead. The agency said the milestone came ahead of schedule.\n\n" +
		"NNSA Administrator Brandon Williams told lawmakers that the agency needed additional funding.",
		[]want{
			{"reported", "it had completed the first production unit of the W93 warhead", "National Nuclear Security Administration"},
			{"reported", "the milestone came ahead of schedule", "National Nuclear Security Administration"},
			{"reported", "the agency needed additional funding", "Brandon Williams"},
		}},
	{"un-news-2", "UN Secretary-General António Guterres told the General Assembly on Tuesday that humanity was \"one misunderstanding, one miscalculation away from nuclear annihilation.\"\n\n" +
		"The Secretary-General called on all States to recommit to the Non-Proliferation Treaty.",
		[]want{
			{"reported", "humanity was \"one misunderstanding, one miscalculation away from nuclear annihilation.\"", "António Guterres"},
			{"reported", "all States to recommit to the Non-Proliferation Treaty", "António Guterres"},
		}},
	{"tass-en-telegram", "MOSCOW, July 1. /TASS/. The West is pushing the world toward a nuclear catastrophe, Deputy Chairman of the Russian Security Council Dmitry Medvedev wrote on his Telegram channel.\n\n" +
		"\"Our patience is not infinite,\" the politician stressed.",
		[]want{
			{"reported", "The West is pushing the world toward a nuclear catastrophe", "Dmitry Medvedev"},
			{"direct", "Our patience is not infinite", "Dmitry Medvedev"},
		}},
	{"institution-statement-en", "Russia will no longer be bound by the moratorium on the deployment of intermediate-range missiles. This was stated in a Foreign Ministry statement published on Monday.\n\n" +
		"The document said that Moscow had repeatedly warned Washington about the consequences.",
		[]want{
			{"reported", "Russia will no longer be bound by the moratorium on the deployment of intermediate-range missiles", "Foreign Ministry"},
			{"reported", "Moscow had repeatedly warned Washington about the consequences", "Foreign Ministry"},
		}},
	{"wang-yi", "Chinese Foreign Minister Wang Yi said Beijing would never take part in an arms race. Wang added that China's nuclear forces were kept at the minimum level required for national security.",
		[]want{
			{"reported", "Beijing would never take part in an arms race", "Wang Yi"},
			{"reported", "China's nuclear forces were kept at the minimum level required for national security", "Wang Yi"},
		}},
	// fifth batch: Russian-language variants
	{"ria-ru-2", "МОСКВА, 14 февраля — РИА Новости. Россия не будет первой размещать ракеты средней и меньшей дальности, пока США не сделают этого, сообщил журналистам замминистра иностранных дел Сергей Рябков.\n\n" +
		"Дипломат также отметил, что Москва внимательно следит за действиями Вашингтона в Европе.\n\n" +
		"\"Мы не раз предупреждали об этом\", - добавил замглавы МИД.",
		[]want{
			{"reported", "Россия не будет первой размещать ракеты средней и меньшей дальности, пока США не сделают этого", "Сергей Рябков"},
			{"reported", "Москва внимательно следит за действиями Вашингтона в Европе", "Сергей Рябков"},
			{"direct", "Мы не раз предупреждали об этом", "Сергей Рябков"},
		}},
	{"tass-ru-zakharova", "Официальный представитель МИД РФ Мария Захарова на брифинге назвала решение Берлина «опасной провокацией». По ее словам, Германия «встала на путь ремилитаризации».\n\n" +
		"Захарова напомнила, что Россия неоднократно предлагала Европе мораторий на размещение таких ракет.",
		[]want{
			{"direct", "опасной провокацией", "Мария Захарова"},
			{"reported", "Германия «встала на путь ремилитаризации»", "Мария Захарова"},
			{"reported", "Россия неоднократно предлагала Европе мораторий на размещение таких ракет", "Мария Захарова"},
			{"reported", "Европе мораторий на размещение таких ракет", "Россия"},
		}},
	{"tass-ru-inverted-role", "Вашингтон должен вернуться к выполнению договора, считает председатель комитета Госдумы по международным делам Леонид Слуцкий.\n\n" +
		"«Без этого никакой диалог невозможен», — заявил парламентарий.",
		[]want{
			{"reported", "Вашингтон должен вернуться к выполнению договора", "Леонид Слуцкий"},
			{"direct", "Без этого никакой диалог невозможен", "Леонид Слуцкий"},
		}},
	{"tass-ru-institution", "В МИД России заявили, что Москва будет соблюдать количественные ограничения договора. Как отметили в ведомстве, этот шаг носит добровольный характер.",
		[]want{
			{"reported", "Москва будет соблюдать количественные ограничения договора", "МИД России"},
			{"reported", "этот шаг носит добровольный характер", "МИД России"},
		}},
	// sixth batch: long Reuters/AP sentences
	{"reuters-long", "Putin, speaking at a meeting with military officials on Friday, said Russia would deploy the Oreshnik in Belarus by the end of the year.\n\n" +
		"The deal, Lavrov said, was \"dead on arrival.\"\n\n" +
		"In a phone call with his Russian counterpart, U.S. Secretary of State Marco Rubio stressed the need for a ceasefire, the State Department said.\n\n" +
		"Asked about the report, Kremlin spokesman Dmitry Peskov said he had nothing to add.\n\n" +
		"Speaking to reporters, Grossi said: \"We are not there yet.\"\n\n" +
		"Two sources familiar with the matter told Reuters that the talks could resume in March.\n\n" +
		"Lavrov's deputy, Sergei Ryabkov, said on Tuesday the treaty was effectively dead. \"We are ready,\" he said when asked whether Russia would respond.",
		[]want{
			{"reported", "Russia would deploy the Oreshnik in Belarus by the end of the year", "Putin"},
			{"reported", "The deal was \"dead on arrival.\"", "Lavrov"},
			{"reported", "In a phone call with his Russian counterpart, U.S. Secretary of State Marco Rubio stressed the need for a ceasefire", "State Department"},
			{"reported", "the need for a ceasefire", "Marco Rubio"},
			{"reported", "he had nothing to add", "Dmitry Peskov"},
			{"direct", "We are not there yet.", "Grossi"},
			{"reported", "the talks could resume in March", ""},
			{"reported", "the treaty was effectively dead", "Sergei Ryabkov"},
			{"direct", "We are ready", "Sergei Ryabkov"},
		}},
	// seventh batch: institutions and their descriptors
	{"watchdog", "The International Atomic Energy Agency (IAEA) said on Monday that Iran had not informed it of the new enrichment site. The U.N. nuclear watchdog added that its inspectors would visit the facility next week.",
		[]want{
			{"reported", "Iran had not informed it of the new enrichment site", "International Atomic Energy Agency"},
			{"reported", "its inspectors would visit the facility next week", "International Atomic Energy Agency"},
		}},
	{"e3-dashes", "The E3 - Britain, France and Germany - said in a statement that they were ready to trigger the snapback mechanism.",
		[]want{
			{"reported", "they were ready to trigger the snapback mechanism", "E3"},
		}},
	{"uk-mod", "Britain's Ministry of Defence said on X that Russian forces had fired an experimental missile. The ministry said the launch was intended to intimidate Ukraine's allies.",
		[]want{
			{"reported", "Russian forces had fired an experimental missile", "Ministry of Defence"},
			{"reported", "the launch was intended to intimidate Ukraine's allies", "Ministry of Defence"},
		}},
	{"pentagon", "Pentagon spokesman Sean Parnell told reporters the deployment was \"purely defensive.\" The Pentagon also said it would share details with allies.",
		[]want{
			{"reported", "the deployment was \"purely defensive.\"", "Sean Parnell"},
			{"reported", "it would share details with allies", "Pentagon"},
		}},
	// eighth batch
	{"kremlin-en-readout-topics", "Vladimir Putin held a meeting with the permanent members of the Security Council. The President informed the participants about his recent telephone conversation with the US President.\n\n" +
		"Sergei Lavrov reported on the preparations for the upcoming round of consultations.",
		nil},
	{"ap-quote-multi-sentence", "\"We're not going to be the first to use nuclear weapons. But we will defend ourselves,\" Russian President Vladimir Putin said at the Valdai forum.\n\n" +
		"Critics say Moscow's nuclear rhetoric is designed to deter Western support for Ukraine.",
		[]want{
			{"direct", "We're not going to be the first to use nuclear weapons. But we will defend ourselves", "Vladimir Putin"},
			{"reported", "Moscow's nuclear rhetoric is designed to deter Western support for Ukraine", ""},
		}},
	{"tass-en-ministry", "According to the Russian Defense Ministry, the Yars mobile launchers have been moved to field positions. The ministry's press service said the drills involved more than 3,000 servicemen.",
		[]want{
			{"reported", "the Yars mobile launchers have been moved to field positions", "Russian Defense Ministry"},
			{"reported", "the drills involved more than 3,000 servicemen", "Russian Defense Ministry"},
		}},
	{"state-readout-2", "Deputy Secretary Landau met with Chinese Vice Foreign Minister Ma Zhaoxu. The Deputy Secretary underscored the importance of transparency on nuclear issues. Vice Foreign Minister Ma said China was willing to maintain communication.",
		[]want{
			{"reported", "the importance of transparency on nuclear issues", "Landau"},
			{"reported", "China was willing to maintain communication", "Ma Zhaoxu"},
		}},
	// ninth batch: pronouns across speakers, social media
	{"social", "Ukrainian President Volodymyr Zelensky wrote on X that Russia had launched more than 400 drones overnight.\n\n" +
		"Polish Foreign Minister Radoslaw Sikorski said Warsaw had scrambled jets. He added that NATO airspace had not been violated.\n\n" +
		"Zelensky later said in a video address that Kyiv needed more air defence systems.",
		[]want{
			{"reported", "Russia had launched more than 400 drones overnight", "Volodymyr Zelensky"},
			{"reported", "Warsaw had scrambled jets", "Radoslaw Sikorski"},
			{"reported", "NATO airspace had not been violated", "Radoslaw Sikorski"},
			{"reported", "Kyiv needed more air defence systems", "Volodymyr Zelensky"},
		}},
	{"she-after-he", "Russian Foreign Ministry spokeswoman Maria Zakharova said the U.S. decision was a \"hostile step.\" Deputy Foreign Minister Sergei Ryabkov said Moscow would respond.\n\n" +
		"She said Russia had warned Washington many times.",
		[]want{
			{"reported", "the U.S. decision was a \"hostile step.\"", "Maria Zakharova"},
			{"reported", "Moscow would respond", "Sergei Ryabkov"},
			{"reported", "Russia had warned Washington many times", "Maria Zakharova"},
		}},
	{"ru-confidence", "Глава МИД России Сергей Лавров выразил уверенность, что переговоры по стратегической стабильности продолжатся.",
		[]want{
			{"reported", "переговоры по стратегической стабильности продолжатся", "Сергей Лавров"},
		}},
	// tenth batch: agencies as channels
	{"channels", "Russia will respond to the deployment of U.S. missiles in Germany, Ryabkov was quoted by the RIA news agency as saying.\n\n" +
		"Putin told state television that Russia was \"not bluffing.\"\n\n" +
		"Lavrov said, according to a transcript published by the foreign ministry, that Moscow was ready to listen to proposals.\n\n" +
		"Medvedev, who is deputy chairman of Russia's Security Council, said on Telegram that the West should not doubt Russia's resolve.",
		[]want{
			{"reported", "Russia will respond to the deployment of U.S. missiles in Germany", "Ryabkov"},
			{"reported", "Russia was \"not bluffing.\"", "Putin"},
			{"reported", "Moscow was ready to listen to proposals", "Lavrov"},
			{"reported", "the West should not doubt Russia's resolve", "Medvedev"},
		}},
	{"two-word-clause", "MOSCOW, May 3. /TASS/. Russian Foreign Minister Sergei Lavrov met his Chinese counterpart in Beijing.\n\n" +
		"Глава МИД России Сергей Лавров заявил, что переговоры продолжатся. Talks, he said, had been \"useful.\" Lavrov said that talks continue.",
		[]want{
			{"reported", "переговоры продолжатся", "Сергей Лавров"},
			{"reported", "Talks had been \"useful.\"", "Сергей Лавров"},
			{"reported", "talks continue", "Sergei Lavrov"},
		}},
	// eleventh batch: TASS English role references
	{"tass-en-refs", "MOSCOW, April 9. /TASS/. Russian President Vladimir Putin said the country's nuclear triad was being modernized on schedule.\n\n" +
		"\"We have no plans to test,\" the Russian leader told reporters. The head of state added that Russia would mirror any US test.\n\n" +
		"Russian Foreign Minister Sergey Lavrov told TASS that Moscow had not received any proposals. The top diplomat noted that the ball was in Washington's court.\n\n" +
		"Russia's envoy to the UN Vassily Nebenzya told the Security Council that the West was \"playing with fire.\" The Russian envoy also said Moscow would block the draft.",
		[]want{
			{"reported", "the country's nuclear triad was being modernized on schedule", "Vladimir Putin"},
			{"direct", "We have no plans to test", "Vladimir Putin"},
			{"reported", "Russia would mirror any US test", "Vladimir Putin"},
			{"reported", "Moscow had not received any proposals", "Sergey Lavrov"},
			{"reported", "the ball was in Washington's court", "Sergey Lavrov"},
			{"reported", "the West was \"playing with fire.\"", "Vassily Nebenzya"},
			{"reported", "Moscow would block the draft", "Vassily Nebenzya"},
		}},
	{"precision-mixed", "The treaty, which Moscow calls \"the cornerstone of strategic stability,\" expires in February.\n\n" +
		"Asked whether Russia would resume testing, the minister declined to comment. The so-called \"Doomsday Clock\" was set at 89 seconds to midnight.\n\n" +
		"The Bulletin of the Atomic Scientists said the clock reflected growing nuclear risks.",
		[]want{
			{"direct", "the cornerstone of strategic stability,", "Moscow"},
			{"reported", "whether Russia would resume testing", ""},
			{"reported", "the clock reflected growing nuclear risks", "Bulletin of the Atomic Scientists"},
		}},
}

// devWords normalises a text as the scorer does: apostrophes, periods and commas vanish, other
// punctuation breaks words.
func devWords(s string) []string {
	s = strings.NewReplacer("'", "", "’", "", ".", "", ",", "").Replace(strings.ToLower(s))
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// devMatch: at least half of the longer text's words are shared (the scorer's half-overlap rule).
func devMatch(a, b string) bool {
	wa, wb := devWords(a), devWords(b)
	set := map[string]int{}
	for _, w := range wa {
		set[w]++
	}
	n := 0
	for _, w := range wb {
		if set[w] > 0 {
			set[w]--
			n++
		}
	}
	return 2*n >= max(len(wa), len(wb)) && n > 0
}

func devSpeakerOK(want, got string) bool {
	if want == got {
		return true
	}
	if want == "" || got == "" {
		return false
	}
	w, g := strings.Fields(want), strings.Fields(got)
	return len(w) > 1 && len(g) > 1 && ruSame(lower(w[len(w)-1]), lower(g[len(g)-1]))
}

func TestDevSetGeneralises(t *testing.T) {
	var tp, fp, fn, att int
	for _, c := range devSet {
		got := Extract(c.body, Options{})
		used := make([]bool, len(got))
		for _, w := range c.want {
			found := -1
			for i, s := range got {
				if !used[i] && devMatch(w.text, s.Text) {
					found = i
					break
				}
			}
			if found < 0 {
				fn++
				t.Logf("%s: missed %s %q (%q)", c.name, w.kind, w.text, w.speaker)
				continue
			}
			used[found] = true
			tp++
			if devSpeakerOK(w.speaker, got[found].Speaker) {
				att++
			} else {
				t.Logf("%s: speaker %q, want %q for %q", c.name, got[found].Speaker, w.speaker, w.text)
			}
		}
		for i, s := range got {
			if !used[i] {
				fp++
				t.Logf("%s: extra %s %q by %q", c.name, s.Kind, s.Text, s.Speaker)
			}
		}
	}
	f1 := func(tp, fp, fn int) float64 { return 2 * float64(tp) / float64(2*tp+fp+fn) }
	sf, af := f1(tp, fp, fn), f1(att, fp+tp-att, fn+tp-att)
	t.Logf("dev set: statements tp %d fp %d fn %d F1 %.3f; attributed %d F1 %.3f", tp, fp, fn, sf, att, af)
	if sf < 0.5 || af < 0.4 {
		t.Errorf("dev set below its floor: statements F1 %.3f, attributed F1 %.3f", sf, af)
	}
}
