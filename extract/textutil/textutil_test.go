package textutil

import (
	"strings"
	"testing"
)

func TestParagraphOffsetsPointIntoTheBody(t *testing.T) {
	body := Join([]string{"  MOSCOW, October 21. /TASS/. First.", "", "Second\u00a0one.", "Third "})
	if body != "MOSCOW, October 21. /TASS/. First.\n\nSecond\u00a0one.\n\nThird" {
		t.Fatalf("Join: %q", body)
	}
	ps := Paragraphs(body)
	if len(ps) != 3 {
		t.Fatalf("%d paragraphs", len(ps))
	}
	for i, p := range ps {
		if body[p.Start:p.End] != p.Text || p.Index != i {
			t.Errorf("paragraph %d: offsets %d:%d give %q, text %q", i, p.Start, p.End, body[p.Start:p.End], p.Text)
		}
		if ParagraphAt(body, p.Start) != i || ParagraphAt(body, p.End-1) != i {
			t.Errorf("ParagraphAt disagrees for paragraph %d", i)
		}
	}
	if ParagraphAt(body, len(body)+5) != 2 {
		t.Errorf("an offset past the end belongs to the last paragraph")
	}
}

func TestLocatorAgreesWithParagraphAt(t *testing.T) {
	body := "MOSCOW, October 21. /TASS/. One.\n\n\"Two,\" he said.\n\nThree\n\n\n\nFive"
	l := NewLocator(body)
	for off := 0; off <= len(body); off++ {
		if got, want := l.At(off), ParagraphAt(body, off); got != want {
			t.Fatalf("offset %d: Locator %d, ParagraphAt %d", off, got, want)
		}
	}
}

// ParagraphAt is the obvious scan that Locator answers faster: the oracle of its tests.
func ParagraphAt(body string, offset int) int {
	if offset > len(body) {
		offset = len(body)
	}
	return strings.Count(body[:offset], ParagraphSep)
}

func TestLastField(t *testing.T) {
	for in, want := range map[string]string{
		"he said,":            "said,",
		"  ":                  "",
		"":                    "",
		"word":                "word",
		"Сергей\u00a0Рябков ": "Рябков",
		"a\tb\n":              "b",
	} {
		if got := LastField(in); got != want {
			t.Errorf("LastField(%q) = %q, want %q", in, got, want)
		}
	}
}

// FirstParagraphs is Paragraphs cut to n, separators at either end and runs of them included.
func TestFirstParagraphs(t *testing.T) {
	for _, body := range []string{"", "one", "\n\n", "a\n\nb", "a\n\n\n\nb\n\n", "\n\na\n\n\nb\n\nc\n\nd"} {
		all := Paragraphs(body)
		for n := 0; n <= len(all)+1; n++ {
			got, want := FirstParagraphs(body, n), all[:min(n, len(all))]
			if len(got) != len(want) {
				t.Fatalf("%q, %d: %d paragraphs, want %d", body, n, len(got), len(want))
			}
			for i := range got {
				if got[i] != want[i] {
					t.Errorf("%q, %d: paragraph %d is %+v, want %+v", body, n, i, got[i], want[i])
				}
			}
		}
	}
}
