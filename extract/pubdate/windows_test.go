package pubdate

import (
	"bytes"
	"os"
	"reflect"
	"regexp"
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
