package dates

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract/lang"
)

// The rules whose every match holds a year are found from their patterns; a year in an optional
// part ("from March 3 to 5, 2021" may end without one) does not count.
func TestNeedsYear(t *testing.T) {
	var got []string
	for _, r := range rules() {
		if r.pat.year() {
			got = append(got, r.name)
		}
	}
	for _, name := range []string{"mdy", "dmy", "iso", "my", "month-range", "year-range", "year-dash", "year", "ru-dmy", "ru-my", "ru-year-range", "ru-year-dash", "ru-year"} {
		if !slices.Contains(got, name) {
			t.Errorf("%s: every match holds a year, not marked", name)
		}
	}
	for _, name := range []string{"md", "dm", "day-range", "day-dash", "in-month", "weekday", "ago"} {
		if slices.Contains(got, name) {
			t.Errorf("%s: matches without a year, marked", name)
		}
	}
	if needsYear(`(?:`+YEAR+`|now)`) || !needsYear(`(?:in|by) `+YEAR+`|`+YEAR+` or later`) || needsYear(`(`+YEAR+`)?x`) {
		t.Error("alternation or optional parts misread")
	}
}

func TestHasYearLike(t *testing.T) {
	for text, want := range map[string]bool{"in 2010": true, "1987": true, "x1999y": true, "2100": false, "19 9": false, "201": false, "": false, "1,550": false} {
		if hasYearLike(text) != want {
			t.Errorf("%q: want %v", text, want)
		}
	}
}

// Skipping the year rules in paragraphs without a year changes no output.
func TestYearSkipSameDates(t *testing.T) {
	body := strings.Join([]string{seedBody, ruBody,
		"Talks are set for March 3 to 5. From March 3 to 5, 2021 they met; on the 5th of May and May 5th too.",
		"The 1990s ended; between 1991 and 1994, and 2001-2003, in mid-June, last week, 3 days ago, on Monday.",
		"В 2019 году, с 2001 по 2005 годы, 5 мая 2020 г., в мае прошлого года, три дня назад, во вторник.",
		"They met from March 3 to 5 and again on 12-14 May, said a diplomat.",
		"Nothing on 12 Oct or Oct 12, only 1,550 and 700 and 2100 and 20 30."}, "\n\n")
	ref := time.Date(2021, 1, 27, 0, 0, 0, 0, time.UTC)
	got := Extract(body, nil, ref)
	if len(got) < 20 {
		t.Fatalf("only %d dates", len(got))
	}
	// the same without the skip: every rule over every paragraph
	skipYearless = false
	defer func() { skipYearless = true }()
	want := Extract(body, nil, ref)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("with the skip %d dates, without %d, or they differ", len(got), len(want))
	}
}

// TestMonthScreens: the screens derived from the shared month names let every month through, in
// both languages and every case form the patterns read.
func TestMonthScreens(t *testing.T) {
	en, ru := monthScreens()
	if len(en) != 12 {
		t.Errorf("English screens %v, want one per month", en)
	}
	for _, text := range []string{"Sept. 5", "5 мая", "в мае", "в январе", "1 сентября", "December 2025"} {
		if !hasAll(text, [][]string{append(append([]string{}, en...), ru...)}) {
			t.Errorf("%q fails the month screens", text)
		}
	}
}

// TestRuWeekdayScreens: every Russian weekday form holds a screen, and so does every match of
// the Russian weekday rule that it accepts, in sentences of weekdays and other words after "в".
func TestRuWeekdayScreens(t *testing.T) {
	screens := ruWeekdayScreens()
	if len(screens) != 7 {
		t.Errorf("screens %v, want one per weekday", screens)
	}
	var ru rule
	for _, r := range rules() {
		if r.name == "ru-weekday" {
			ru = r
		}
	}
	if len(ru.pat.inWindow) != 1 || &ru.pat.inWindow[0][0] != &ru.need[1][0] {
		t.Fatalf("ru-weekday reads windows without its weekday screens: %q", ru.pat.inWindow)
	}
	ctx := &context{ref: day("2024-05-15"), hasRef: true}
	accepted := 0
	for _, f := range lang.WeekdayForms() {
		for _, body := range []string{"Встреча прошла в " + f + " в Москве.", "Во " + f + " и в прошлую " + f + " в среду.", "В ночь на " + f + " было тихо."} {
			for _, ix := range ru.pat.re().FindAllStringSubmatchIndex(body, -1) {
				if _, ok := ru.apply(body, ix, ctx); ok {
					accepted++
					if !hasAll(body[ix[0]:ix[1]], [][]string{screens}) {
						t.Errorf("%q: the accepted %q holds no screen", body, body[ix[0]:ix[1]])
					}
				}
			}
		}
	}
	if accepted < 20 {
		t.Errorf("only %d weekdays accepted", accepted)
	}
}
