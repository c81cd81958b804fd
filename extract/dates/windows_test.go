package dates

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestWindowing: the reach read off a pattern, and the patterns that must not be windowed.
func TestWindowing(t *testing.T) {
	for _, c := range []struct {
		pattern string
		want    int
	}{
		{YEAR, 0},
		{`(\p{Lu}[a-z]{2,8}\.?)` + S + DAY + ORD + `,?` + S + YEAR, 2},
		{YEAR + `[ \x{00A0}]?[–—-][ \x{00A0}]?` + YEAR, 2},
		{`(?:[Ff]rom|[Bb]etween)` + S + YEAR + S + `(?:to|and)` + S + YEAR, 3},
		{`(?:[Ii]n|[Bb]y)` + S + `(\p{Lu}[a-z]{2,8})`, 1}, // no digit, but a preposition in every match
		{`(\p{Lu}[a-z]{2,8})` + S + `([a-z]{2,8})`, -1},   // neither a digit nor a literal
		{`(?:\d+` + S + `)*` + YEAR, -1},                  // unboundedly many words
		{`\b` + YEAR, -1},                                 // reads what is around the match
		{YEAR + ` год`, -1},                               // a literal space is not counted
		{`(?:` + DAY + `|x)` + S + YEAR, 1},               // one branch without a digit is enough for YEAR
		{`(?:` + DAY + `|x)` + S + `y`, 1},                // no digit, but "y" in every match
		{`(?:` + DAY + `|x)` + S + `(?:y|\d)`, -1},        // "x 5" holds neither
	} {
		if got := windowing(c.pattern).reach; got != c.want {
			t.Errorf("windowing(%q) = %d, want %d", c.pattern, got, c.want)
		}
	}
	// a digit rule with a long literal too: the paragraph's rarer anchor is used
	if w := windowing(`(?:[Ff]rom|[Bb]etween)` + S + YEAR + S + `(?:to|and)` + S + YEAR); !w.digit || len(w.lits) != 4 {
		t.Errorf("year range: %+v, want digit and 4 literals", w)
	}
	if w := windowing(YEAR + `(?:th|st)`); w.lits != nil {
		t.Errorf("%+v: a digit beats a short literal", w)
	}
	// a rule whose every match holds a YEAR anchors on the words holding one, not on every number
	if w := windowing(`(\p{Lu}[a-z]{2,8}\.?),?` + S + YEAR); !w.digit || !w.year {
		t.Errorf("month year: %+v, want year anchors", w)
	}
	if w := windowing(DAY + S + `(\p{Lu}[a-z]{2,8})`); w.year {
		t.Errorf("day month: %+v holds no year", w)
	}
	if ws := newWords("RS-24 and 1,550 in 2019-03-04, x2020 or 1987"); !reflect.DeepEqual(ws.years, []int{4, 5, 7}) {
		t.Errorf("year words %v, want 4 5 7", ws.years)
	}
	// the word before the capitalised one: what the part before the spaces ends with
	for pattern, want := range map[string]string{
		`(?:[Ii]n|[Bb]y)` + S + `(\p{Lu}[a-z]{2,8})`:                  "In in By by",
		`(?:[Ee]arly|[Ee]nd` + S + `of)` + S + `(\p{Lu}[a-z]{2,8})`:   "arly of", // the parser shares the [Ee]
		`(?:[Mm]id-?)` + S + `(\p{Lu}[a-z]{2,8})`:                     "id- id",  // the shortest run of parts that ends every match
		`(?:[Ii]n|x*)` + S + `(\p{Lu}[a-z]{2,8})`:                     "",        // x* ends with nothing known
		`(?:[Ii]n|[Bb]y)` + S + `(?:the` + S + `)?(\p{Lu}[a-z]{2,8})`: "",        // not upper
	} {
		if got := strings.Join(windowing(pattern).after, " "); got != want {
			t.Errorf("windowing(%q).after = %q, want %q", pattern, got, want)
		}
	}
	for pattern, want := range map[string]bool{
		`(?:[Ii]n|[Bb]y)` + S + `(\p{Lu}[a-z]{2,8})`:              true, // a capitalised word after the spaces
		`(?:[Ii]n|[Bb]y)` + S + `(?:the` + S + `)?(\p{Lu}[a-z]+)`: false,
		`(\p{Lu}[a-z]{2,8})` + S + `[Bb]y`:                        false, // the capital may start mid-word
		`(?:[Ii]n` + S + `May|[Bb]y` + S + `June)`:                true,
	} {
		if got := windowing(pattern).upper; got != want {
			t.Errorf("windowing(%q).upper = %v, want %v", pattern, got, want)
		}
	}
}

// windowPieces are what random paragraphs are made of: date words, numbers of every shape, and
// the separators the patterns read and those they do not.
var windowPieces = []string{
	"May", "March", "Sept.", "Oct", "December", "Monday", "In", "from", "between", "to", "and", "of",
	"the", "treaty", "last", "year", "ago", "days", "мая", "января", "в", "году", "года", "г.", "с", "по",
	"годы", "гг.", "неделе", "1", "5", "5th", "12", "31", "40", "1987", "2010", "2021", "2100", "1,550",
	"2019-03-04", "2001-2003", "12-14", "2010s", "x2020", "3rd", "-", "–", ",", ".", "(", ")", "\"",
	"today", "Yesterday", "next", "This", "week", "month", "Early", "mid-", "End", "beginning", "at",
	"start", "later", "Earlier", "in", "Friday", "Black", "three", "прошлом", "месяце", "назад", "вчера",
	"во", "вторник", "прошлого", "ночь", "на", "Since", "untilJune", "Sunday's",
}

// randomParagraph joins random pieces with spaces, no-break spaces or nothing.
func randomParagraph(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.Intn(40); n >= 0; n-- {
		b.WriteString(windowPieces[rng.Intn(len(windowPieces))])
		switch rng.Intn(6) {
		case 0:
			b.WriteString("\u00a0")
		case 1:
		case 2:
			b.WriteString("  ")
		default:
			b.WriteString(" ")
		}
	}
	return b.String()
}

// TestWindowsSameMatches: on random paragraphs every windowed rule finds, through its windows,
// exactly the matches (extents and groups) its regexp finds on the whole paragraph; and Extract's
// output is the same with and without windows.
func TestWindowsSameMatches(t *testing.T) {
	rng := rand.New(rand.NewSource(15))
	ref := time.Date(2021, 1, 27, 0, 0, 0, 0, time.UTC)
	windowedRules := 0
	for _, r := range rules() {
		if r.pat.win().reach >= 0 {
			windowedRules++
		}
	}
	if windowedRules < 10 {
		t.Fatalf("only %d rules windowed", windowedRules)
	}
	var paras []string
	for range 2000 {
		p := randomParagraph(rng)
		paras = append(paras, p)
		words := newWords(p)
		for _, r := range rules() {
			win := r.pat.win()
			if win.reach < 0 {
				continue
			}
			want := r.pat.re().FindAllStringSubmatchIndex(p, -1)
			var got [][]int
			for _, w := range words.spansOf(win) {
				for _, ix := range r.pat.re().FindAllStringSubmatchIndex(p[w[0]:w[1]], -1) {
					for k := range ix {
						if ix[k] >= 0 {
							ix[k] += w[0]
						}
					}
					got = append(got, ix)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("rule %s on %q: windows %v, whole %v", r.name, p, got, want)
			}
		}
	}
	body := strings.Join(append(paras, seedBody, ruBody), "\n\n")
	got := Extract(body, nil, ref)
	windowed = false
	defer func() { windowed = true }()
	if want := Extract(body, nil, ref); !reflect.DeepEqual(got, want) {
		t.Fatalf("with windows %d dates, without %d, or they differ", len(got), len(want))
	}
	if len(got) < 1000 {
		t.Fatalf("only %d dates: the random text reads too few", len(got))
	}
}

// A rule that needs a dash (two numbers joined by one), or a day with the space after it, holds
// one in every match of its pattern: a paragraph or window without one is not read.
func TestHeldNeeds(t *testing.T) {
	rng := rand.New(rand.NewSource(16))
	var paras []string
	for range 3000 {
		paras = append(paras, randomParagraph(rng)+" 1990 — 2000, 5—7 May, 1990–2000 годах, from May 5th\u00a0to 7 of June")
	}
	held := map[string]string{}
	for _, r := range rules() {
		for _, g := range r.pat.inWindow {
			var kind string
			switch g[0] {
			case "-":
				kind = "dash"
			case "0 ":
				kind = "day"
			default:
				continue
			}
			held[kind] += r.name + " "
			for _, p := range paras {
				for _, m := range r.pat.re().FindAllString(p, -1) {
					if !hasAll(m, [][]string{g}) {
						t.Fatalf("rule %s: match %q holds no %s", r.name, m, kind)
					}
				}
			}
		}
	}
	if held["dash"] != "day-dash year-dash ru-year-dash " || held["day"] != "dmy dm day-range " {
		t.Errorf("rules that need a dash: %s; a day and a space: %s", held["dash"], held["day"])
	}
}
