package lexicon

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func ids(ms []Match) string {
	var b []string
	for _, m := range ms {
		b = append(b, m.Class+":"+m.Entry.ID+"="+m.Text)
	}
	return strings.Join(b, " ")
}

func TestDefaultParses(t *testing.T) {
	l := Default()
	if len(l.Treaties) < 30 || len(l.Weapons) < 60 || len(l.People) < 60 || len(l.Countries) < 15 {
		t.Fatalf("tables too small: %d treaties, %d weapons, %d people", len(l.Treaties), len(l.Weapons), len(l.People))
	}
	if len(l.Limits) == 0 || len(l.Categories) < 15 {
		t.Fatal("limits or categories missing")
	}
}

func TestFind(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Moscow hopes to continue dialogue with Washington on New START (Strategic Arms Reduction Treaty) since 2020.",
			"country:ru=Moscow country:us=Washington treaty:new_start=New START treaty:new_start=Strategic Arms Reduction Treaty"},
		{"The START treaty of 1991 expired.", "treaty:start_i=START"},
		{"Talks on START in 2021 stalled.", "treaty:new_start=START"},
		{"START III and START-3 and СНВ-III are the same.", "treaty:new_start=START III treaty:new_start=START-3 treaty:new_start=СНВ-III"},
		{"In 1997 the sides agreed on a framework for START III talks.", "treaty:start_iii_framework=START III"}, // before New START
		{"Russia deployed RS24 and РС-24 Yars missiles, and Sarmats.", "country:ru=Russia weapon:yars=RS24 weapon:yars=РС-24 weapon:yars=Yars weapon:sarmat=Sarmats"},
		{"Bombers B-52 (typed В-52) flew.", "weapon:b_52=B-52 weapon:b_52=В-52"},
		{"По словам Лаврова, договора о нераспространении ядерного оружия и ДСНВ важны для России.",
			"person:lavrov=Лаврова treaty:npt=договора о нераспространении ядерного оружия treaty:new_start=ДСНВ country:ru=России"},
		{"the US told us that the U.S. and the US Senate", "country:us=US country:us=U.S organization:us_congress=US Senate"},
		{"Испытания «Сармата» и комплекса Триумф", "weapon:sarmat=Сармата"},
		{"комплекс «Триумф» развернут", "weapon:s_400=Триумф"},
		{"The Russian Foreign Ministry said", "organization:ru_mfa=Russian Foreign Ministry"},
		{"The Alliance met.", ""},
		{"NATO said the Alliance met.", "organization:nato=NATO organization:nato=the Alliance"},
		{"Bureau of Arms Control, Deterrence and Stability", "organization:state_ads=Bureau of Arms Control, Deterrence and Stability"},
		{"Kremlin Spokesman Dmitry Peskov and Peskov's aide", "organization:kremlin=Kremlin person:peskov=Dmitry Peskov person:peskov=Peskov"},
		{"the rose garden and Frank Rose", "person:rose=Frank Rose"},
	}
	for _, c := range cases {
		if got := ids(Default().Find(c.text, 0)); got != c.want {
			t.Errorf("Find(%q)\n got %s\nwant %s", c.text, got, c.want)
		}
	}
}

func TestFindRoles(t *testing.T) {
	got := ids(Default().FindRoles("Kremlin Spokesman Dmitry Peskov met Deputy Foreign Minister Sergey Ryabkov"))
	if got != "role:kremlin_spokesman=Kremlin Spokesman role:deputy_foreign_minister=Deputy Foreign Minister" {
		t.Errorf("got %s", got)
	}
}

func TestNewExtends(t *testing.T) {
	l, err := New(Extra{
		Treaties: []Entry{{ID: "aukus", Name: "AUKUS", Aliases: []string{"AUKUS", "AUKUS pact"}}},
		Weapons:  []Entry{{ID: "sarmat", Name: "RS-28 Sarmat", Aliases: []string{"Satan-2"}}},
		Keywords: []string{"strategic weapons"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(l.Find("The AUKUS pact and the Satan-2 missile", 0)); got != "treaty:aukus=AUKUS pact weapon:sarmat=Satan-2" {
		t.Errorf("got %s", got)
	}
	if got := ids(Default().Find("The AUKUS pact", 0)); got != "" {
		t.Errorf("default lexicon changed: %s", got)
	}
	_, err = New(Extra{Weapons: []Entry{{ID: "x", Name: "X", Aliases: []string{"bad (alias"}}}})
	if err == nil || !strings.Contains(err.Error(), `lexicon.weapon[0] (id "x")`) {
		t.Errorf("error should name the entry: %v", err)
	}
}

func TestParseErrorsNameFile(t *testing.T) {
	fsys := fstest.MapFS{"d/x.toml": {Data: []byte("[[treaty]]\nid = \"a\"\nname = \"A\"\naliases = [\"A\"]\nbogus = 1\n")}}
	if _, err := parseFS(fsys, "d"); err == nil || !strings.Contains(err.Error(), "d/x.toml:5") {
		t.Errorf("want file:line in error, got %v", err)
	}
	fsys = fstest.MapFS{"d/y.toml": {Data: []byte("[[weapon]]\nid = \"w\"\nname = \"W\"\naliases = [\"«W\"]\n")}}
	if _, err := parseFS(fsys, "d"); err == nil || !strings.Contains(err.Error(), `weapon[0] (id "w")`) {
		t.Errorf("want entry in error, got %v", err)
	}
}

func TestRelevance(t *testing.T) {
	arms := "Russia and the US should keep to New START limits of 1,550 deployed warheads and 700 delivery vehicles, the Foreign Ministry said, warning of a nuclear arms race and missile deployments."
	sport := "The football club won the cup on Sunday after a penalty shoot-out in front of a record crowd in the capital."
	ra, rs := Default().Relevance(arms), Default().Relevance(sport)
	if ra < 0.7 || rs > 0.1 || ra > 1 {
		t.Errorf("relevance arms %.2f sport %.2f", ra, rs)
	}
}

// A Reading gives what Find(text, 0), FindRoles and Relevance give.
func TestRead(t *testing.T) {
	l := Default()
	text := "Kremlin Spokesman Dmitry Peskov said New START limits Russia to 1,550 warheads; nuclear arms control talks go on."
	r := l.Read(text)
	if got, want := r.Find(), l.Find(text, 0); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Fatalf("Read.Find: %d matches, Find: %d, or they differ", len(got), len(want))
	}
	if got, want := r.FindRoles(), l.FindRoles(text); len(want) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("Read.FindRoles: %d roles, FindRoles: %d, or they differ", len(got), len(want))
	}
	if got, want := r.Relevance(), l.Relevance(text); got != want || got == 0 {
		t.Errorf("Read.Relevance %v, Relevance %v", got, want)
	}
	if l.Read("").Relevance() != 0 {
		t.Error("empty text: relevance not 0")
	}
}

// A phrase under several keys lists them all; the one-key lists phrase matches share are not
// changed by that.
func TestPhraseKeys(t *testing.T) {
	p, err := NewPhrases(map[string][]string{"unit": {"warheads", "launchers"}, "cue": {"warheads"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.AppendFind([]PhraseMatch{{Start: -1}}, "700 launchers"); len(got) != 2 || got[0].Start != -1 || got[1].Start != 4 {
		t.Fatalf("AppendFind: %+v, want the given match then launchers", got)
	}
	for range 2 {
		ms := p.Find("1,550 warheads on 700 launchers")
		if len(ms) != 2 || len(ms[0].Keys) != 2 || len(ms[1].Keys) != 1 || ms[1].Keys[0] != "unit" {
			t.Fatalf("%+v: want warheads under two keys, launchers under unit", ms)
		}
	}
}

// AppendFindIn matches in a reading's kept tokens: for every range of the text it must give what
// AppendFind of the range's own text gives, also where the range cuts a word, a Roman numeral
// from its name, a designator's letters from their digits or a quotation from its marks.
func TestAppendFindIn(t *testing.T) {
	p, err := NewPhrases(map[string][]string{"unit": {"warheads", "START 3", "РС-24", "B-52", "«Sarmat»", "US"}, "cue": {"New START", "warheads"}, "three": {"3"}, "roman": {"III"}, "latin": {"B"}, "cyrillic": {"в"}})
	if err != nil {
		t.Fatal(err)
	}
	l := Default()
	for _, text := range []string{
		"New START limits «Sarmat» and РС-24 to 1,550 warheads; START III, B-52 and US bombers.",
		"СНВ-III и РС 24, В 52 «Sarmat» US warheads",
	} {
		r := l.Read(text)
		if r.toks == nil {
			t.Fatal("the reading kept no tokens")
		}
		for start := 0; start <= len(text); start++ {
			for end := start; end <= len(text); end++ {
				if !utf8.ValidString(text[start:end]) {
					continue
				}
				want := p.AppendFind(nil, text[start:end])
				if got := p.AppendFindIn(nil, r, start, end); !reflect.DeepEqual(got, want) {
					t.Fatalf("%q: %+v, want %+v", text[start:end], got, want)
				}
			}
		}
		r.Release()
		if got, want := p.AppendFindIn(nil, r, 0, len(text)), p.Find(text); !reflect.DeepEqual(got, want) {
			t.Errorf("after Release: %+v, want %+v", got, want)
		}
	}
}

// scanBoth gives what the two scans it stands for give, also where a longer cue hides a role
// from the first scan but not from the second.
func TestScanBoth(t *testing.T) {
	l := Default()
	m := l.compiled()
	for _, text := range []string{
		"Kremlin Spokesman Dmitry Peskov said New START limits Russia to 1,550 warheads; nuclear arms control talks go on.",
		"Deputy Foreign Minister Sergei Ryabkov and the Russian Foreign Minister spoke of strategic stability and arms control treaty talks.",
		"заместитель министра иностранных дел России Сергей Рябков заявил о контроле над вооружениями и стратегической стабильности",
		"",
	} {
		withTokens(text, func(toks []token) {
			for _, year := range []int{0, 2010, 2026} {
				a, b := scanBoth(text, toks, m.cues, year, isRole)
				wa, wb := scan(text, toks, m.cues, year, nil), scan(text, toks, m.cues, 0, isRole)
				if !reflect.DeepEqual(a, wa) || !reflect.DeepEqual(b, wb) || text != "" && (len(wa) == 0 || len(wb) == 0) {
					t.Errorf("%q, %d: %d cues and %d roles, want %d and %d", text, year, len(a), len(b), len(wa), len(wb))
				}
			}
		})
	}
}
