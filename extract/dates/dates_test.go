package dates

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestFindDateline(t *testing.T) {
	msk := time.FixedZone("MSK", 3*3600)
	cases := []struct {
		name, body                string
		published                 time.Time
		text, place, agency, date string
	}{
		{"tass", "MOSCOW, October 21. /TASS/. Moscow hopes to continue dialogue.", time.Date(2020, 10, 21, 13, 5, 0, 0, msk),
			"MOSCOW, October 21. /TASS/.", "MOSCOW", "TASS", "2020-10-21"},
		{"tass region", "NOVO-OGARYOVO /Moscow Region/, December 5. /TASS/. Russia is ready.", time.Date(2019, 12, 5, 15, 50, 0, 0, msk),
			"NOVO-OGARYOVO /Moscow Region/, December 5. /TASS/.", "NOVO-OGARYOVO", "TASS", "2019-12-05"},
		{"tass two words", "UNITED NATIONS, September 24. /TASS/. The session opened.", time.Date(2021, 9, 24, 1, 0, 0, 0, msk),
			"UNITED NATIONS, September 24. /TASS/.", "UNITED NATIONS", "TASS", "2021-09-24"},
		{"tass previous year", "MOSCOW, December 31. /TASS/. Late news.", time.Date(2021, 1, 1, 0, 10, 0, 0, msk),
			"MOSCOW, December 31. /TASS/.", "MOSCOW", "TASS", "2020-12-31"},
		{"tass ru", "МОСКВА, 31 октября. /ТАСС/. Испытания не являются ядерными.", time.Date(2025, 10, 31, 12, 47, 0, 0, msk),
			"МОСКВА, 31 октября. /ТАСС/.", "МОСКВА", "ТАСС", "2025-10-31"},
		{"tass ru correspondent", "ВАШИНГТОН, 3 февраля. /Корр. ТАСС Иван Лебедев/. Госдеп заявил.", time.Date(2021, 2, 3, 20, 0, 0, 0, msk),
			"ВАШИНГТОН, 3 февраля. /Корр. ТАСС Иван Лебедев/.", "ВАШИНГТОН", "ТАСС", "2021-02-03"},
		{"ria", "МОСКВА, 18 дек\u00a0— РИА Новости. Размещение комплекса.", time.Date(2025, 12, 18, 13, 5, 0, 0, msk),
			"МОСКВА, 18 дек\u00a0— РИА Новости.", "МОСКВА", "РИА Новости", "2025-12-18"},
		{"ria region", "АЛЕППО (Сирия), 8 авг — РИА Новости. Бои продолжаются.", time.Date(2016, 8, 8, 10, 0, 0, 0, msk),
			"АЛЕППО (Сирия), 8 авг — РИА Новости.", "АЛЕППО", "РИА Новости", "2016-08-08"},
		{"interfax", "Москва. 21 октября. INTERFAX.RU - Кремль надеется.", time.Date(2020, 10, 21, 11, 0, 0, 0, msk),
			"Москва. 21 октября. INTERFAX.RU", "Москва", "INTERFAX.RU", "2020-10-21"},
		{"interfax no city", "30 ноября. INTERFAX.RU - Минобороны сообщило.", time.Date(2022, 11, 30, 11, 0, 0, 0, msk),
			"30 ноября. INTERFAX.RU", "", "INTERFAX.RU", "2022-11-30"},
		{"interfax en", "MOSCOW. Oct 21 (Interfax) - The Kremlin hopes.", time.Date(2020, 10, 21, 11, 0, 0, 0, msk),
			"MOSCOW. Oct 21 (Interfax) -", "MOSCOW", "Interfax", "2020-10-21"},
		{"reuters after headline", "Putin suspends New START\n\nMOSCOW, Feb 21 (Reuters) - Russian President Vladimir Putin said.", time.Date(2023, 2, 21, 13, 2, 0, 0, time.UTC),
			"MOSCOW, Feb 21 (Reuters) -", "MOSCOW", "Reuters", "2023-02-21"},
		{"reprint", "MOSCOW (UrduPoint News / Sputnik - 20th October, 2020) Russia is ready to freeze.", time.Date(2020, 10, 20, 18, 0, 0, 0, time.UTC),
			"MOSCOW (UrduPoint News / Sputnik - 20th October, 2020)", "MOSCOW", "UrduPoint News / Sputnik", "2020-10-20"},
		{"ap", "WASHINGTON (AP) — The Senate voted on Tuesday.", time.Date(2021, 2, 3, 0, 0, 0, 0, time.UTC),
			"WASHINGTON (AP) —", "WASHINGTON", "AP", ""},
		{"sputnik", "MOSCOW (Sputnik) - Russia will continue to observe the limits.", time.Date(2026, 2, 6, 14, 32, 0, 0, msk),
			"MOSCOW (Sputnik) -", "MOSCOW", "Sputnik", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dl := FindDateline(c.body, c.published)
			if dl == nil {
				t.Fatalf("no dateline in %q", c.body)
			}
			if dl.Text != c.text || dl.Place != c.place || dl.Agency != c.agency {
				t.Errorf("got text %q place %q agency %q", dl.Text, dl.Place, dl.Agency)
			}
			if c.body[dl.Start:dl.End] != dl.Text {
				t.Errorf("offsets %d:%d point at %q", dl.Start, dl.End, c.body[dl.Start:dl.End])
			}
			got := ""
			if dl.Date != nil {
				got = *dl.Date
			}
			if got != c.date {
				t.Errorf("date %q, want %q", got, c.date)
			}
		})
	}
}

func TestFindDatelineNone(t *testing.T) {
	for _, body := range []string{
		"Vladimir Putin: Good afternoon, colleagues.",
		"2:17 p.m. EST\n\nMR PRICE: Good afternoon.",
		"The NATO (North Atlantic Treaty Organization) summit opened.",
	} {
		if dl := FindDateline(body, day("2021-02-03")); dl != nil {
			t.Errorf("%q: unexpected dateline %+v", body, dl)
		}
	}
}

// want is an expected date item: its text, value (and range end), kind and granularity.
type want struct {
	text, value, end, kind, gran string
}

func checkDates(t *testing.T, body string, dl *Dateline, ref time.Time, wants []want) {
	t.Helper()
	got := Extract(body, dl, ref)
	for _, d := range got {
		if body[d.Start:d.End] != d.Text {
			t.Errorf("%q: offsets %d:%d do not point at the text", d.Text, d.Start, d.End)
		}
	}
	if len(got) != len(wants) {
		t.Errorf("got %d items, want %d:\n%s", len(got), len(wants), dump(got))
		return
	}
	for i, w := range wants {
		d := got[i]
		end := ""
		if d.ValueEnd != nil {
			end = *d.ValueEnd
		}
		if d.Text != w.text || d.Value != w.value || end != w.end || d.Kind != w.kind || d.Granularity != w.gran {
			t.Errorf("item %d: got %q=%s..%s %s/%s, want %q=%s..%s %s/%s", i, d.Text, d.Value, end, d.Kind, d.Granularity,
				w.text, w.value, w.end, w.kind, w.gran)
		}
	}
}

func dump(ds []Date) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("  " + d.Text + " = " + d.Value + " " + d.Kind + "/" + d.Granularity + "\n")
	}
	return b.String()
}

func TestExtractSeed(t *testing.T) {
	body := "MOSCOW, October 21. /TASS/. Moscow hopes to continue dialogue with Washington on New START, Kremlin Spokesman Dmitry Peskov told reporters on Wednesday.\n\n" +
		"The New START Treaty, which was signed by Moscow and Washington in 2010, stipulates that seven years after it goes into effect, each party should have no more than a total of 700 deployed missiles.\n\n" +
		"The document is set to remain in effect until February 5, 2021, unless it is replaced. It can also be extended for no more than five years (until 2026) with the consent of both parties.\n\n" +
		"On October 16, Russian President Vladimir Putin offered to extend New START for a year without preconditions."
	dl := FindDateline(body, time.Date(2020, 10, 21, 13, 5, 0, 0, time.FixedZone("", 3*3600)))
	checkDates(t, body, dl, day("2020-10-21"), []want{
		{"October 21", "2020-10-21", "", KindDateline, Day},
		{"Wednesday", "2020-10-21", "", KindRelative, Day},
		{"2010", "2010", "", KindAbsolute, Year},
		{"February 5, 2021", "2021-02-05", "", KindAbsolute, Day},
		{"2026", "2026", "", KindAbsolute, Year},
		{"October 16", "2020-10-16", "", KindAbsolute, Day},
	})
}

func TestExtractAbsolute(t *testing.T) {
	body := "The treaty was signed on 8 April 2010 in Prague and took effect on Feb. 5, 2011. " +
		"Talks resumed in February 2021, on 2021-02-03 precisely. The 1987 treaty banned such missiles; " +
		"it was signed in 1987 and its limits held from 2018 to 2021. Inspections stopped in 2020-2022. " +
		"Russia deployed 2010 warheads? No: the figure was 1,550 warheads and $2026 was the price."
	checkDates(t, body, nil, day("2021-02-10"), []want{
		{"8 April 2010", "2010-04-08", "", KindAbsolute, Day},
		{"Feb. 5, 2011", "2011-02-05", "", KindAbsolute, Day},
		{"February 2021", "2021-02", "", KindAbsolute, Month},
		{"2021-02-03", "2021-02-03", "", KindAbsolute, Day},
		{"1987", "1987", "", KindAbsolute, Year},
		{"from 2018 to 2021", "2018", "2021", KindAbsolute, Year},
		{"2020-2022", "2020", "2022", KindAbsolute, Year},
	})
}

func TestExtractYearless(t *testing.T) {
	// A day and a month without a year take the year that puts them nearest the reference; the
	// future tense keeps them ahead of it.
	body := "On February 1, Washington announced its withdrawal. In December the deadline passes. " +
		"The treaty expires in less than two months, on February 5. The sides will meet again on November 3."
	checkDates(t, body, nil, day("2019-11-20"), []want{
		{"February 1", "2019-02-01", "", KindAbsolute, Day},
		{"In December", "2019-12", "", KindAbsolute, Month},
		{"February 5", "2020-02-05", "", KindAbsolute, Day},
		{"November 3", "2020-11-03", "", KindAbsolute, Day},
	})
}

func TestExtractRelative(t *testing.T) {
	// 2024-11-22 was a Friday.
	body := "As you know, yesterday our forces carried out a test. Today we meet again. " +
		"Until 2019 the treaty held. We will meet on Tuesday. The minister spoke last Friday and on Monday. " +
		"Last week the talks stalled; they resume next month. Earlier this year and two years ago the sides met. " +
		"The plan covers the next year. Three days ago nothing happened. Black Friday sales started."
	checkDates(t, body, nil, day("2024-11-22"), []want{
		{"yesterday", "2024-11-21", "", KindRelative, Day},
		{"Today", "2024-11-22", "", KindRelative, Day},
		{"2019", "2019", "", KindAbsolute, Year},
		{"Tuesday", "2024-11-26", "", KindRelative, Day},
		{"Friday", "2024-11-15", "", KindRelative, Day},
		{"Monday", "2024-11-18", "", KindRelative, Day},
		{"Last week", "2024-11-11", "", KindRelative, Week},
		{"next month", "2024-12", "", KindRelative, Month},
		{"Earlier this year", "2024", "", KindRelative, Year},
		{"two years ago", "2022", "", KindRelative, Year},
		{"next year", "2025", "", KindRelative, Year},
		{"Three days ago", "2024-11-19", "", KindRelative, Day},
	})
}

func TestExtractWeekdayTense(t *testing.T) {
	// 2021-01-27 was a Wednesday.
	body := "The State Duma on Wednesday ratified the agreement. The presidents had exchanged notes on Tuesday. " +
		"The Federation Council would consider it on Thursday. Russia will continue to observe the limits, Ryabkov told Sputnik on Friday."
	checkDates(t, body, nil, day("2021-01-27"), []want{
		{"Wednesday", "2021-01-27", "", KindRelative, Day},
		{"Tuesday", "2021-01-26", "", KindRelative, Day},
		{"Thursday", "2021-01-28", "", KindRelative, Day},
		{"Friday", "2021-01-22", "", KindRelative, Day},
	})
}

func TestExtractRussian(t *testing.T) {
	body := "МОСКВА, 18 дек\u00a0— РИА Новости. Комплекс поставят в августе, сообщил Рябков на прошлой неделе. " +
		"Договор подписан в 1987 году и прекратил действие 2 августа 2019 года. В ноябре 2023 года Россия отозвала ратификацию. " +
		"Встреча пройдет в следующем месяце. А вчера и 26 октября ничего не было. Испытания шли с 2018 по 2021 год. " +
		"Встреча министров состоится в среду. Три года назад стороны договорились."
	dl := FindDateline(body, time.Date(2025, 12, 18, 13, 5, 0, 0, time.FixedZone("", 3*3600)))
	checkDates(t, body, dl, day("2025-12-18"), []want{
		{"18 дек", "2025-12-18", "", KindDateline, Day},
		{"в августе", "2025-08", "", KindAbsolute, Month},
		{"на прошлой неделе", "2025-12-08", "", KindRelative, Week},
		{"в 1987 году", "1987", "", KindAbsolute, Year},
		{"2 августа 2019 года", "2019-08-02", "", KindAbsolute, Day},
		{"В ноябре 2023 года", "2023-11", "", KindAbsolute, Month},
		{"в следующем месяце", "2026-01", "", KindRelative, Month},
		{"вчера", "2025-12-17", "", KindRelative, Day},
		{"26 октября", "2025-10-26", "", KindAbsolute, Day},
		{"с 2018 по 2021 год", "2018", "2021", KindAbsolute, Year},
		{"среду", "2025-12-24", "", KindRelative, Day},
		{"Три года назад", "2022", "", KindRelative, Year},
	})
}

func TestExtractNoReference(t *testing.T) {
	// Without a reference date only self-contained dates can be resolved.
	body := "Yesterday the sides met; on Tuesday they signed the February 5, 2021 protocol in March."
	checkDates(t, body, nil, time.Time{}, []want{
		{"February 5, 2021", "2021-02-05", "", KindAbsolute, Day},
	})
}

func TestExtractNotDates(t *testing.T) {
	body := "It can be extended for five years, for a year, within months. The 2010 treaty and the 1988 Ballistic Missile Launch Notification Agreement. In the 1990s. At 2:17 p.m. EST."
	checkDates(t, body, nil, day("2021-02-03"), nil)
}

func TestExtractRanges(t *testing.T) {
	body := "Talks ran from April 2009 to April 2010. Between February 2018 and March 2020 both sides met the limits. " +
		"The drills will run from October 13 to 24. The forum met 3-5 June 2019. Experts met in 2015 and the 2015 and 2022 conferences failed."
	checkDates(t, body, nil, day("2025-10-13"), []want{
		{"from April 2009 to April 2010", "2009-04", "2010-04", KindAbsolute, Month},
		{"Between February 2018 and March 2020", "2018-02", "2020-03", KindAbsolute, Month},
		{"from October 13 to 24", "2025-10-13", "2025-10-24", KindAbsolute, Day},
		{"3-5 June 2019", "2019-06-03", "2019-06-05", KindAbsolute, Day},
		{"2015", "2015", "", KindAbsolute, Year},
	})
}

func TestExtractRelativeMonths(t *testing.T) {
	body := "Лавров напомнил, что в сентябре прошлого года Путин выступил с предложением. Срок истекает в феврале следующего года. " +
		"В начале года прошли консультации. Консенсус был заблокирован в ночь на пятницу. Last September the talks stalled."
	checkDates(t, body, nil, day("2026-05-22"), []want{
		{"в сентябре прошлого года", "2025-09", "", KindRelative, Month},
		{"в феврале следующего года", "2027-02", "", KindRelative, Month},
		{"В начале года", "2026", "", KindRelative, Year},
		{"пятницу", "2026-05-22", "", KindRelative, Day},
		{"Last September", "2025-09", "", KindRelative, Month},
	})
}

// TestExtractTenseAcrossAbbreviation: the clause of a month runs through "Gov." and "U.S." (the
// shared sentence rules of extract/lang), so its past verb places January before the reference.
func TestExtractTenseAcrossAbbreviation(t *testing.T) {
	body := "In January, Gov. Earl Smith of the U.S. state lauded the plan in his address."
	checkDates(t, body, nil, day("2016-10-02"), []want{
		{"In January", "2016-01", "", KindAbsolute, Month},
	})
}

// TestExtractWeekdayPlans: a future weekday written on that weekday is the same day, a contracted
// "’ll" is a future marker, and "was planning to" tells of a plan whose day has passed.
func TestExtractWeekdayPlans(t *testing.T) {
	// 2026-01-06 was a Tuesday.
	body := "On Tuesday, Deputy Minister Sergei A. Ryabkov will brief the committee."
	checkDates(t, body, nil, day("2026-01-06"), []want{{"Tuesday", "2026-01-06", "", KindRelative, Day}})
	body = "“We’ll be talking on Friday in Geneva,” the envoy said."
	checkDates(t, body, nil, day("2026-01-07"), []want{{"Friday", "2026-01-09", "", KindRelative, Day}})
	body = "The ministry was planning to hold a briefing for Mr. Smith on Thursday."
	checkDates(t, body, nil, day("2026-01-09"), []want{{"Thursday", "2026-01-08", "", KindRelative, Day}})
}
