package statements

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks the contract on arbitrary text: no panic, offsets on UTF-8 boundaries,
// spans in order that join to the text.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{seed, "«Мы, — сказал он. — Да».", "MR MILLER: Hi.\n\nQUESTION: Yes?", "\"a,\" he said, \"b", "“x\n\n“y”"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) {
			return
		}
		for _, s := range Extract(body, Options{}) {
			if s.Start < 0 || s.End > len(body) || s.Start >= s.End || !utf8.ValidString(body[s.Start:s.End]) {
				t.Fatalf("bad offsets %+v", s)
			}
			var parts []string
			last := -1
			for _, sp := range s.Spans {
				if sp[0] < last || sp[0] >= sp[1] {
					t.Fatalf("spans out of order %+v", s)
				}
				last = sp[1]
				parts = append(parts, body[sp[0]:sp[1]])
			}
			if strings.Join(parts, " ") != s.Text || s.Start != s.Spans[0][0] || s.End != s.Spans[len(s.Spans)-1][1] {
				t.Fatalf("spans do not give the text %+v", s)
			}
		}
	})
}
