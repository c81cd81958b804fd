package serve

import (
	"strings"
	"testing"
)

// flatten renders paragraphs as text with [class|text] for marked pieces.
func flatten(ps []paragraph) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(" / ")
		}
		for _, s := range p.Segments {
			if s.Class == "" {
				b.WriteString(s.Text)
			} else {
				b.WriteString("[" + s.Class + "|" + s.Text + "]")
			}
		}
	}
	return b.String()
}

func TestHighlight(t *testing.T) {
	body := "He said “no more than 1,550 warheads” today.\n\nÜber alles, New START."
	at := func(s string) (int, int) {
		i := strings.Index(body, s)
		return i, i + len(s)
	}
	qs, qe := at("no more than 1,550 warheads")
	fs, fe := at("1,550 warheads")
	ms, me := at("New START")
	us, _ := at("Über")
	cases := []struct {
		name  string
		marks []mark
		want  string
	}{
		{"nested", []mark{{start: qs, end: qe, class: "st"}, {start: fs, end: fe, class: "fig"}},
			"He said “[st|no more than ][fig st|1,550 warheads]” today. / Über alles, New START."},
		{"overlapping and across paragraphs", []mark{{start: fs, end: ms + 3, class: "st"}, {start: ms, end: me, class: "mn"}},
			"He said “no more than [st|1,550 warheads” today.] / [st|Über alles, ][mn st|New][mn| START]."},
		{"out of range, reversed, inside a character", []mark{{start: -1, end: 3, class: "st"}, {start: 10, end: 5, class: "st"},
			{start: us + 1, end: us + 4, class: "st"}, {start: ms, end: len(body) + 1, class: "st"}},
			"He said “no more than 1,550 warheads” today. / Über alles, New START."},
		{"whole body", []mark{{start: 0, end: len(body), class: "dt"}},
			"[dt|He said “no more than 1,550 warheads” today.] / [dt|Über alles, New START.]"},
	}
	for _, c := range cases {
		got := flatten(highlight(body, c.marks))
		if got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.name, got, c.want)
		}
		// The pieces always add up to the paragraphs: nothing lost, nothing repeated.
		var text []string
		for _, p := range highlight(body, c.marks) {
			var b strings.Builder
			for _, s := range p.Segments {
				b.WriteString(s.Text)
			}
			text = append(text, b.String())
		}
		if strings.Join(text, "\n\n") != body {
			t.Errorf("%s: pieces do not rebuild the body", c.name)
		}
	}
}

func TestHighlightAnchorsOnFirstPiece(t *testing.T) {
	body := "one two three"
	ps := highlight(body, []mark{{start: 0, end: 7, class: "st", anchor: "s1"}, {start: 4, end: 13, class: "mn", anchor: "m1"}})
	var anchors []string
	for _, s := range ps[0].Segments {
		anchors = append(anchors, strings.Join(s.Anchors, ","))
	}
	if got := strings.Join(anchors, "|"); got != "s1|m1|" {
		t.Errorf("anchors per piece %q, want s1|m1|", got)
	}
}

func TestNumbers(t *testing.T) {
	for v, want := range map[float64]string{1550: "1,550", 700: "700", 1234567.5: "1,234,567.5", -12000: "-12,000"} {
		if got := formatNumber(v); got != want {
			t.Errorf("formatNumber(%v) = %q, want %q", v, got, want)
		}
	}
	for v, want := range map[float64]string{1550: "1,550", 250000: "250k", 3.1e12: "3.1T", 2.5e6: "2.5M", 0.5: "0.5"} {
		if got := compactNumber(v); got != want {
			t.Errorf("compactNumber(%v) = %q, want %q", v, got, want)
		}
	}
}
