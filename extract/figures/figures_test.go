package figures

import (
	"fmt"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/extract/lexicon"
)

// brief renders figures as "value[..max] cmp unit category treaty" for compact expectations.
func brief(fs []Figure) string {
	var b []string
	for _, f := range fs {
		v := fmt.Sprint(f.Value)
		if f.ValueMax != nil {
			v += ".." + fmt.Sprint(*f.ValueMax)
		}
		b = append(b, strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", v, f.Comparator, f.Unit, f.Category, f.Treaty)))
	}
	return strings.Join(b, " | ")
}

func TestVocabularyParses(t *testing.T) {
	if _, err := loadVocab(); err != nil {
		t.Fatal(err)
	}
}

func TestExtract(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"tass seed list",
			"The New START Treaty, which was signed by Moscow and Washington in 2010, stipulates that seven years after it goes into effect, each party should have no more than a total of 700 deployed intercontinental ballistic missiles (ICBM), submarine-launched ballistic missiles (SLBM) and strategic bombers, as well as no more than 1,550 warheads on deployed ICBMs, deployed SLBMs and strategic bombers, and a total of 800 deployed and non-deployed missile launchers.",
			"7 = year duration new_start | 700 <= delivery_vehicle deployed_delivery_vehicles new_start | 1550 <= warhead deployed_warheads new_start | 800 <= launcher launchers new_start"},
		{"extension",
			"It can also be extended for no more than five years (until 2026) with the consent of both parties. On October 16, Russian President Vladimir Putin offered to extend New START for a year without preconditions.",
			"5 <= year duration new_start | 1 = year duration new_start"},
		{"referring phrase and dates",
			"Not only in the interests of our two countries [Russia and the US], the treaty signed on February 5, 2021 matters.",
			""},
		{"INF range",
			"The INF Treaty banned ground-launched missiles with ranges between 500 and 5,500 kilometers.",
			"500..5500 = km range_km inf"},
		{"range with dash and km",
			"The Oreshnik has a range of 3,000–5,500 km, the Defense Ministry said.",
			"3000..5500 = km range_km"},
		{"reuters estimates",
			"Russia has about 1,710 deployed strategic warheads, while the United States has some 1,670, according to the Federation of American Scientists.",
			"1710 ~ warhead deployed_warheads | 1670 ~ warhead deployed_warheads"},
		{"think tank totals",
			"The two countries together hold nearly 90 percent of the world's 12,100 nuclear warheads.",
			"90 ~ percent percent | 12100 = warhead warheads_total"},
		{"money and millions",
			"The Sentinel program will cost more than $140 billion, and the Pentagon requested 1.5 million dollars for studies.",
			"1.4e+11 > usd money | 1.5e+06 = usd money"},
		{"yield and mach",
			"The Avangard glider flies at Mach 27 and carries a warhead of up to 2 megatons.",
			"27 = mach speed_mach | 2 <= mt yield_kt"},
		{"inspections a year",
			"Under New START each side could conduct up to 18 on-site inspections a year.",
			"18 <= inspection inspections new_start"},
		{"designators and labels are not figures",
			"The RS-24 Yars and Tu-160 bombers took part, Resolution 2231 says, at 13:05 Moscow time.",
			""},
		{"warheads per missile",
			"Each Sarmat missile can carry up to 10 warheads.",
			"10 <= warhead warheads_per_missile"},
		{"ordinal test",
			"North Korea conducted its sixth nuclear test in 2017.",
			"6 = test test_count"},
		{"years ago are dates",
			"Two years ago, Moscow suspended the treaty for an indefinite period.",
			""},
		{"compound durations",
			"Putin proposed a one-year extension of the treaty, and Biden agreed to a five-year extension of New START.",
			"1 = year duration new_start | 5 = year duration new_start"},
		{"a month-long conference is a duration",
			"A month-long review of the Nuclear Non-Proliferation Treaty ended on Friday.",
			"1 = month duration npt"},
		{"headline limits are ceilings where the sentence speaks of limits",
			"It also said Russia would keep to the central limits of 1,550 deployed warheads and 700 deployed missiles and bombers under New START.",
			"1550 <= warhead deployed_warheads new_start | 700 <= delivery_vehicle deployed_delivery_vehicles new_start"},
		{"a reported count equal to a limit is not a ceiling",
			"Under New START, the United States reported 800 deployed and non-deployed launchers.",
			"800 = launcher launchers new_start"},
		{"bare numbers repeat the unit before them",
			"New START limits the number of strategic nuclear warheads each side can deploy to 1,550. The treaty caps deployed strategic warheads at 1,550 per side.",
			"1550 <= warhead deployed_warheads new_start | 1550 <= warhead deployed_warheads new_start"},
		{"respectively",
			"The United States reported 659 deployed ICBMs, SLBMs, and heavy bombers and 1,420 deployed warheads, while Russia declared 540 and 1,549, respectively.",
			"659 = delivery_vehicle deployed_delivery_vehicles | 1420 = warhead deployed_warheads | 540 = delivery_vehicle deployed_delivery_vehicles | 1549 = warhead deployed_warheads"},
		{"elliptical figure in the next sentence",
			"India and Pakistan each added about a dozen warheads last year, while Israel is thought to hold about 90. China has at least 600.",
			"12 ~ warhead warheads_total | 90 ~ warhead warheads_total | 600 >= warhead warheads_total"},
		{"ABM interceptors are the treaty's launchers",
			"The Anti-Ballistic Missile (ABM) Treaty had limited each side to no more than 100 interceptors at each site.",
			"100 <= launcher launchers abm"},
		{"weapon names between number and unit",
			"The US currently deploys 400 Minuteman III ICBMs and about 60 nuclear-capable B-52 and B-2 heavy bombers.",
			"400 = icbm deployed_delivery_vehicles | 60 ~ bomber deployed_delivery_vehicles"},
		{"a named weapon's type counts",
			"The Air Force would need to build new silos for the 400 Sentinel missiles.",
			"400 = icbm missiles"},
		{"table rows",
			"United States of America\n\nDeployed ICBMs, Deployed SLBMs, and Deployed Heavy Bombers: 651\n\nWarheads on Deployed ICBMs, on Deployed SLBMs, and Nuclear Warheads Counted for Deployed Heavy Bombers: 1,357\n\nDeployed and Non-deployed Launchers of ICBMs, Deployed and Non-deployed Launchers of SLBMs, and Deployed and Non-deployed Heavy Bombers: 800",
			"651 = delivery_vehicle deployed_delivery_vehicles | 1357 = warhead deployed_warheads | 800 = launcher launchers"},
		{"not figures: ages, compound units, power plants",
			"A 17-year-old student said the three nuclear power plants produced about 2.8 gigawatt-hours.",
			""},
		{"apposition",
			"Washington wanted a freeze on all Russian nuclear warheads, including an estimated 2,000 non-strategic ones, for at least a year.",
			"2000 ~ warhead warheads_total | 1 >= year duration"},
		{"changes, names and counters",
			"The number of deployed warheads fell from 1,600 to 1,550. Each side was allowed 10 Type One inspections a year. Putin said Russia had 44 Avangard units and about 100 B61 bombs were in Europe.",
			"1600 = warhead deployed_warheads | 1550 = warhead deployed_warheads | 10 = inspection inspections | 44 = missile missiles | 100 ~ warhead warheads_total"},
		{"ranges need one unit",
			"Revenue grew 17.6 percent to $2.7 billion, and about 100,000 people attended; 20.4 said so.",
			"17.6 = percent percent | 2.7e+09 = usd money | 100000 ~ person other"},
		{"ages in apposition are not elliptical counts",
			"Russia has about 1,700 deployed warheads. Its president, Vladimir Putin, 71, said the arsenal would grow.",
			"1700 ~ warhead deployed_warheads"},
		{"partitives",
			"Russia hosts 32 of the system's more than 300 monitoring facilities, and eight of the 44 Annex 2 countries have not ratified it.",
			"32 = station other | 300 > station other | 8 = state parties_count | 44 = state parties_count"},
		{"ratification counts",
			"The CTBT has been signed by 187 states and ratified by 178, but it cannot enter into force until all 44 states listed in its Annex 2 have ratified it.",
			"187 = state parties_count ctbt | 178 = state parties_count ctbt | 44 = state parties_count ctbt"},
		{"russian tass",
			"ДСНВ ограничивает арсеналы сторон 700 развернутыми межконтинентальными баллистическими ракетами, баллистическими ракетами подводных лодок и тяжелыми бомбардировщиками, а также 1550 боезарядами и 800 развернутыми и неразвернутыми пусковыми установками.",
			"700 <= delivery_vehicle deployed_delivery_vehicles new_start | 1550 <= warhead deployed_warheads new_start | 800 <= launcher launchers new_start"},
		{"russian comparators",
			"ДСНВ был продлен на пять лет, до 5 февраля 2026 года. Дальность ракеты составляет не менее 5 500 км, а мощность около 1,5 тыс. килотонн.",
			"5 = year duration new_start | 5500 >= km range_km new_start | 1500 ~ kt yield_kt new_start"},
		{"or more",
			"Analysts expect 50 tests or more this year.",
			"50 >= test test_count"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := brief(Extract(c.text, nil))
			if got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestOffsets(t *testing.T) {
	body := "MOSCOW, October 21. /TASS/. Russia has 1\u00a0550 warheads.\n\nThe US has no more than 800 launchers under New START."
	for _, f := range Extract(body, nil) {
		if body[f.Start:f.End] != f.Text {
			t.Errorf("offsets %d..%d give %q, text %q", f.Start, f.End, body[f.Start:f.End], f.Text)
		}
	}
	fs := Extract(body, nil)
	if len(fs) != 2 || fs[1].Paragraph != 1 || fs[1].Text != "no more than 800 launchers" {
		t.Errorf("got %+v", fs)
	}
}

// TestMonthPhrases: the month vocabulary is the shared word classes of extract/lang, with the
// short English names only capitalised ("may" stays a verb) and no period forms.
func TestMonthPhrases(t *testing.T) {
	got := map[string]bool{}
	for _, p := range monthPhrases() {
		got[p] = true
	}
	for _, w := range []string{"January", "May (cs)", "Sept (cs)", "Dec (cs)", "сентября", "дек", "мае"} {
		if !got[w] {
			t.Errorf("month phrases lack %q", w)
		}
	}
	for _, w := range []string{"May", "Jan.", "jan"} {
		if got[w] {
			t.Errorf("month phrases hold %q", w)
		}
	}
}

// TestWordLists: every list of [words] in data/vocab.toml reaches the compiled vocabulary (a
// misspelt TOML key would leave a set empty and quietly change what the parser reads).
func TestWordLists(t *testing.T) {
	w := mustVocab().words
	for name, n := range map[string]int{"more": len(w.more), "counters": len(w.counters), "including": len(w.including),
		"periodic": len(w.periodic), "per": len(w.per), "ordinal_suffixes": len(w.ordinalSuffix), "ordinal_endings_ru": len(w.ordinalRU),
		"singular_ru": len(w.singularRU), "adjective_endings": len(w.adjectiveEnds), "adjective_endings_ru": len(w.adjectiveEndsRU)} {
		if n == 0 {
			t.Errorf("[words] %s is empty", name)
		}
	}
	if !w.ordinalSuffix["th"] || !w.singularRU["год"] {
		t.Error(`[words] lacks "th" or "год"`)
	}
}

// ExtractRead with the page's shared lexicon reading finds what Extract finds, and ignores a
// reading of another text.
func TestExtractRead(t *testing.T) {
	lex := lexicon.Default()
	body := "New START limits each side to 1,550 deployed warheads and 700 deployed ICBMs, SLBMs and heavy bombers.\n\nThe RS-24 Yars carries up to 4 warheads."
	want := brief(Extract(body, lex))
	if want == "" {
		t.Fatal("no figures to compare")
	}
	for _, read := range []*lexicon.Reading{lex.Read(body), lex.Read("The INF Treaty banned 2,692 missiles.")} {
		if got := brief(ExtractRead(body, lex, read)); got != want {
			t.Errorf("reading of %.20q: %s, want %s", read.Text(), got, want)
		}
	}
}

// A sentence's items do not depend on the longer sentence read before it into the same scratch.
func TestItemsScratch(t *testing.T) {
	v := mustVocab()
	long := "Under New START, Russia and the United States may deploy no more than 1,550 warheads on 700 launchers by February 2018."
	short := "It has 40 missiles."
	var fresh, used scratch
	want := fmt.Sprint(v.items(short, &fresh))
	items := v.items(long, &used)
	for i := 1; i < len(items); i++ {
		if items[i].start < items[i-1].end {
			t.Fatalf("items out of text order: %+v before %+v", items[i-1], items[i])
		}
	}
	if n := len(items); n < 20 || !items[n-1].punct {
		t.Fatalf("%d items, the last %+v: want every word, number, phrase and the final period", n, items[n-1])
	}
	if got := fmt.Sprint(v.items(short, &used)); got != want {
		t.Errorf("after a longer sentence: %s, want %s", got, want)
	}
}
