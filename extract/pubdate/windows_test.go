package pubdate

import (
	"bytes"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

// findTextDatesWhole is findTextDates without windows: every pattern over the whole of s.
func findTextDatesWhole(s string, monthFirst bool) []textDate {
	var out []textDate
	for _, re := range []*regexp.Regexp{reDayMonth(), reMonthDay(), reDMY(), reISO()} {
		for _, loc := range re.FindAllStringSubmatchIndex(s, -1) {
			raw := s[loc[2]:loc[1]]
			if st, ok := parseTextOrder(strings.TrimSpace(raw), monthFirst); ok {
				out = append(out, textDate{loc[2], st, raw})
			}
		}
	}
	return out
}

// parseTextOrderAll is parseTextOrder trying every pattern, whatever patternsIn says.
func parseTextOrderAll(s string, monthFirst bool) (Stamp, bool) {
	if m := reISO().FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return build(m[1], m[3], m[5], m[6], m[7], m[8], m[9], "")
	}
	if m := reDayMonth().FindStringSubmatch(s); m != nil && monthOf(m[2]) > 0 {
		return build(m[3], strconv.Itoa(monthOf(m[2])), m[1], m[4], m[5], m[6], "", m[7])
	}
	if m := reMonthDay().FindStringSubmatch(s); m != nil && monthOf(m[1]) > 0 {
		return build(m[3], strconv.Itoa(monthOf(m[1])), m[2], m[4], m[5], m[6], "", m[7])
	}
	if m := reDMY().FindStringSubmatch(s); m != nil && m[2] == m[4] {
		day, month := m[1], m[3]
		if d, _ := strconv.Atoi(m[1]); m[2] == "/" && d <= 12 && monthFirst {
			day, month = m[3], m[1]
		}
		year := m[5]
		if len(year) == 2 {
			year = "20" + year
		}
		return build(year, month, day, m[6], m[7], m[8], "", m[9])
	}
	return Stamp{}, false
}

func TestFindTextDatesWindows(t *testing.T) {
	for _, s := range []string{
		"Veröffentlicht am 12.03.2020 um 14:05 Uhr",
		"<span>7. Juni 2020</span><span>June 7, 2020, 3:45 p.m.</span> 21 октября 2020 г.",
		"posted 7/6/20 and 2020-06-07T12:30:00Z; v1.2.3; 123456789; x2020-01-01",
		"21 de septiembre de 2020" + strings.Repeat(" ", 100) + "2021/03/04 |  9h30",
		"abc7 June 2020 12.3.2019" + strings.Repeat("x", 200) + "1.2.3",
		"2020", "", "7.6.20",
	} {
		for _, mf := range []bool{false, true} {
			if got, want := findTextDates(s, mf), findTextDatesWhole(s, mf); !reflect.DeepEqual(got, want) {
				t.Errorf("findTextDates(%q, %v)\n got %v\nwant %v", s, mf, got, want)
			}
		}
	}
}

// TestFindTextDatesWindowsRandom checks the windows and their per-pattern conditions against the
// patterns over the whole string on random strings: dates of every shape the patterns read,
// built from right and wrong parts, among random pieces. A condition that wrongly rules a pattern
// out shows as a missing date.
func TestFindTextDatesWindowsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 1))
	pick := func(opts ...string) string { return opts[rng.IntN(len(opts))] }
	num := func() string { return pick("7", "07", "12", "31", "123", "1", "2020", "") }
	year := func() string { return pick("2020", "1999", "20", "99", "20201", "2020", "1899", "202") }
	ws := func() string { return pick("", " ", "  ", "\n", "\t", "\v") }
	month := func() string {
		return pick("Juni", "June", "Jun.", "septiembre", "октября", "ab", "Mär", "JUNE")
	}
	sep := func() string { return pick(".", "/", "-", " |", "|", ",", ":", "") }
	tm := func() string {
		return pick("", ", 12:30", " um 14:05 Uhr", "T12:30:45Z", " 9h30", " | 12:30:45 p.m.", "12:30", " 10.30 am", "+03:00")
	}
	dates := []func() string{
		func() string { // 7. Juni 2020, 21 de septiembre de 2020, 7th of June, 2020
			return num() + pick("", ".", "st", "th", "er", "ſt") + ws() + pick("", "de ", "of ") + month() +
				ws() + pick("", "de ", ",", ", ") + year() + tm()
		},
		func() string { // June 7, 2020
			return month() + pick(" ", "", "  ") + num() + pick("", "st", "th", "ſt") + pick("", ",") + ws() + year() + tm()
		},
		func() string { // 7.6.2020, 07 / 06 / 20
			return num() + ws() + sep() + ws() + num() + pick("", " ") + sep() + pick("", " ") + year() + tm()
		},
		func() string { return year() + sep() + num() + sep() + num() + tm() }, // 2020-06-07
	}
	pieces := []string{"0", "3", "19", "20", "2020", ".", "/", "-", "|", ",", ":", " ", "\n", "x", "é", "st",
		"T", "Z", "UTC", "p.m.", "Juni", "June", "de", "of", "г.", "(", "\"", "abcdefgh"}
	n := 30000
	if testing.Short() {
		n = 3000
	}
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := 1 + rng.IntN(8); k > 0; k-- {
			if rng.IntN(3) == 0 {
				b.WriteString(dates[rng.IntN(len(dates))]())
			} else {
				b.WriteString(pieces[rng.IntN(len(pieces))])
			}
		}
		s := b.String()
		for _, mf := range []bool{false, true} {
			if got, want := findTextDates(s, mf), findTextDatesWhole(s, mf); !reflect.DeepEqual(got, want) {
				t.Fatalf("findTextDates(%q, %v)\n got %v\nwant %v", s, mf, got, want)
			}
			got, gotOK := parseTextOrder(s, mf)
			want, wantOK := parseTextOrderAll(s, mf)
			if got != want || gotOK != wantOK {
				t.Fatalf("parseTextOrder(%q, %v) = %v %v, want %v %v", s, mf, got, gotOK, want, wantOK)
			}
		}
	}
}

// TestFindTextDatesWindowsCorpus checks on real pages (htmldate-eval, skipped when absent) that
// the windows find what the patterns find over the whole page source and text.
// PUBDATE_ONLY=part-of-a-URL checks that page alone and lists the differences.
func TestFindTextDatesWindowsCorpus(t *testing.T) {
	dir := "../../../shared/corpus/htmldate-eval"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/corpus absent")
	}
	docs := loadEval(t, dir)
	// The patterns over whole pages are slow (all 1000 pages took 882 s on a loaded machine):
	// 30 pages by default, all with PUBDATE_WINDOWS_ALL=1.
	if os.Getenv("PUBDATE_WINDOWS_ALL") == "" && len(docs) > 30 {
		docs = docs[:30]
	}
	only := os.Getenv("PUBDATE_ONLY")
	for _, d := range docs {
		if only != "" && !strings.Contains(d.URL, only) {
			continue
		}
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.HTML))
		if err != nil {
			continue
		}
		src, _ := doc.Html()
		for _, s := range []string{src, doc.Text()} {
			if got, want := findTextDates(s, false), findTextDatesWhole(s, false); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: %d dates in windows, %d in the whole page", d.URL, len(got), len(want))
				if only != "" {
					for i := 0; i < max(len(got), len(want)); i++ {
						var g, w textDate
						if i < len(got) {
							g = got[i]
						}
						if i < len(want) {
							w = want[i]
						}
						if !reflect.DeepEqual(g, w) {
							t.Logf("%d: got %d %q want %d %q", i, g.start, g.raw, w.start, w.raw)
						}
					}
				}
			}
		}
	}
}
