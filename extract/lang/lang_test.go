package lang

import (
	"strings"
	"testing"
)

func TestWordClasses(t *testing.T) {
	for _, c := range []struct {
		w              string
		month, weekday int
		abbr, leading  bool
	}{
		{w: "January", month: 1},
		{w: "Sept.", month: 9},
		{w: "sept", month: 9, abbr: true}, // a month form written with its period is an abbreviation
		{w: "сентября", month: 9},
		{w: "May", month: 5}, // no period form: "May." ends a sentence
		{w: "Friday", weekday: 5},
		{w: "среду", weekday: 3},
		{w: "Gen", abbr: true, leading: true},
		{w: "U.S", abbr: true},
		{w: "млн", abbr: true},
		{w: "ул", abbr: true, leading: true},
		{w: "said"},
	} {
		if got := Month(c.w); got != c.month {
			t.Errorf("Month(%q) = %d, want %d", c.w, got, c.month)
		}
		if got := Weekday(c.w); got != c.weekday {
			t.Errorf("Weekday(%q) = %d, want %d", c.w, got, c.weekday)
		}
		if got := Abbreviation(c.w); got != c.abbr {
			t.Errorf("Abbreviation(%q) = %v, want %v", c.w, got, c.abbr)
		}
		if got := Leading(c.w); got != c.leading {
			t.Errorf("Leading(%q) = %v, want %v", c.w, got, c.leading)
		}
	}
}

func TestSentences(t *testing.T) {
	body := "Gen. Smith said the U.S. had 1,550 warheads on Feb. 5. V. Putin replied! «Нет». " +
		"Около 1,5 млн. человек, т.е. много. The talks went on.\n\nA new paragraph? Yes."
	want := []string{
		"Gen. Smith said the U.S. had 1,550 warheads on Feb. 5.",
		"V. Putin replied!",
		"«Нет».",
		"Около 1,5 млн. человек, т.е. много.",
		"The talks went on.",
		"A new paragraph?",
		"Yes.",
	}
	got := Sentences(body)
	if len(got) != len(want) {
		for _, s := range got {
			t.Logf("%q", body[s.Start:s.End])
		}
		t.Fatalf("%d sentences, want %d", len(got), len(want))
	}
	for i, s := range got {
		if body[s.Start:s.End] != want[i] {
			t.Errorf("sentence %d = %q, want %q", i, body[s.Start:s.End], want[i])
		}
		if wantPara := map[bool]int{false: 0, true: 1}[i >= 5]; s.Para != wantPara {
			t.Errorf("sentence %d in paragraph %d, want %d", i, s.Para, wantPara)
		}
	}
}

func TestKeepsPeriod(t *testing.T) {
	for text, want := range map[string]bool{
		"the U.S":      true,
		"see e.g":      true,
		"met V":        true,
		"Mr":           true,
		"in 1990 г":    true,
		"it was":       false,
		"met in May":   false,
		"":             false,
		"warheads, 12": false,
	} {
		if got := KeepsPeriod(text); got != want {
			t.Errorf("KeepsPeriod(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestSentenceEdges(t *testing.T) {
	for text, want := range map[string]int{
		"He left. ":                    9,
		"He left. Gen. Smith said on ": 9,
		"\"We agree.\" On ":            12,
		"the U.S. envoy said on ":      0,
		"no stop here":                 0,
		"“Мы согласны.» Он ":           28, // closing quotes of more than one byte

	} {
		if got := LastSentenceStart(text); got != want {
			t.Errorf("LastSentenceStart(%q) = %d, want %d", text, got, want)
		}
	}
	for text, want := range map[string]int{
		" the U.S. will meet. Then": 20,
		" talks\nWill go on. Then":  6,
		" next week!\" He said":     12,
		" without an end":           15,
		" on Feb. 5. Later":         11,
	} {
		if got := FirstSentenceEnd(text); got != want {
			t.Errorf("FirstSentenceEnd(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestSections(t *testing.T) {
	sec := Sections("# header\nloose words\n[a]\n  one two # comment\n\n[b]\n1 x y\nz 2\n[a]\nthree\n")
	if got := strings.Join(sec[""], "|"); got != "loose words" {
		t.Errorf(`section "" = %q`, got)
	}
	if got := strings.Join(sec["a"], "|"); got != "one two|three" {
		t.Errorf("section a = %q", got)
	}
	if got := Numbered(sec["b"]); len(got) != 2 || got["x"] != 1 || got["y"] != 1 {
		t.Errorf("Numbered(b) = %v, want x and y = 1", got)
	}
}

func TestScriptAndCase(t *testing.T) {
	for w, want := range map[string]bool{"NATO": true, "ДСНВ": true, "U.S": true, "Nato": false, "1550": false, "": false} {
		if got := AllCaps(w); got != want {
			t.Errorf("AllCaps(%q) = %v, want %v", w, got, want)
		}
	}
	for s, want := range map[string]bool{"New START": false, "ДСНВ treaty": true, "1 550": false} {
		if got := HasCyrillic(s); got != want {
			t.Errorf("HasCyrillic(%q) = %v, want %v", s, got, want)
		}
	}
}
