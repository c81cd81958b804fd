package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

const ruTitle = "Рябков: Россия готова к диалогу о стратегической стабильности"

const ruBody = "Россия готова продолжить диалог с США по вопросам стратегической стабильности, " +
	"заявил журналистам заместитель министра иностранных дел Сергей Рябков. По его словам, " +
	"Москва выполняет все обязательства по договору и ожидает того же от Вашингтона. " +
	"Эксперты считают, что без нового соглашения гонка вооружений может возобновиться."

const deBody = "Die Bundesregierung begrüßt die Verlängerung des Abkommens über die Begrenzung " +
	"strategischer Waffen. Außenministerin Müller sagte, die Kontrolle über Atomwaffen " +
	"bleibe für Europas Sicherheit unverzichtbar, gerade in schwierigen Zeiten."

const plBody = "Rząd z zadowoleniem przyjął przedłużenie układu o ograniczeniu zbrojeń strategicznych. " +
	"Minister spraw zagranicznych powiedział, że kontrola zbrojeń jądrowych pozostaje kluczowa dla " +
	"bezpieczeństwa Europy, zwłaszcza w trudnych czasach. Źródło: ministerstwo."

// page builds a small article page with an optional charset declaration in <head>.
func page(headExtra, title, body string) string {
	return "<!DOCTYPE html><html><head>" + headExtra + "<title>" + title + "</title></head><body>" +
		"<article><h1>" + title + "</h1><p>" + body + "</p><p>" + body + "</p></article></body></html>"
}

func encode(t *testing.T, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCharsets(t *testing.T) {
	cases := []struct {
		name        string
		html        []byte
		contentType string
		title, body string
		warning     string // "" = no warning about the charset
	}{
		{"utf-8 undeclared", []byte(page("", ruTitle, ruBody)), "", ruTitle, ruBody, ""},
		{"utf-8 with BOM", append([]byte{0xEF, 0xBB, 0xBF}, page("", ruTitle, ruBody)...), "", ruTitle, ruBody, ""},
		{"windows-1251 in header", encode(t, charmap.Windows1251, page("", ruTitle, ruBody)), "text/html; charset=windows-1251", ruTitle, ruBody, ""},
		{"windows-1251 in meta", encode(t, charmap.Windows1251, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, ruTitle, ruBody)), "", ruTitle, ruBody, ""},
		{"koi8-r in meta", encode(t, charmap.KOI8R, page(`<meta charset="koi8-r">`, ruTitle, ruBody)), "", ruTitle, ruBody, ""},
		{"koi8-r in header", encode(t, charmap.KOI8R, page("", ruTitle, ruBody)), "text/html; charset=KOI8-R", ruTitle, ruBody, ""},
		{"iso-8859-1 in header", encode(t, charmap.ISO8859_1, page("", "Abkommen verlängert", deBody)), "text/html; charset=ISO-8859-1", "Abkommen verlängert", deBody, ""},
		{"iso-8859-2 in meta", encode(t, charmap.ISO8859_2, page(`<meta charset="iso-8859-2">`, "Układ przedłużony", plBody)), "", "Układ przedłużony", plBody, ""},
		{"iso-8859-5 in meta", encode(t, charmap.ISO8859_5, page(`<meta charset="iso-8859-5">`, ruTitle, ruBody)), "", ruTitle, ruBody, ""},
		{"windows-1251 undeclared", encode(t, charmap.Windows1251, page("", ruTitle, ruBody)), "", ruTitle, ruBody, "charset guessed: windows-1251"},
		{"koi8-r undeclared", encode(t, charmap.KOI8R, page("", ruTitle, ruBody)), "", ruTitle, ruBody, "charset guessed: koi8-r"},
		{"iso-8859-5 undeclared", encode(t, charmap.ISO8859_5, page("", ruTitle, ruBody)), "", ruTitle, ruBody, "charset guessed: iso-8859-5"},
		{"windows-1252 undeclared", encode(t, charmap.Windows1252, page("", "Abkommen verlängert", deBody)), "", "Abkommen verlängert", deBody, "charset guessed: windows-1252"},
		// A server default of ISO-8859-1 in the header loses to the page's own declaration.
		{"latin-1 header, windows-1251 meta", encode(t, charmap.Windows1251, page(`<meta charset="windows-1251">`, ruTitle, ruBody)), "text/html; charset=ISO-8859-1", ruTitle, ruBody, ""},
		{"latin-1 header, Cyrillic text", encode(t, charmap.Windows1251, page("", ruTitle, ruBody)), "text/html; charset=iso-8859-1", ruTitle, ruBody, "charset guessed: windows-1251"},
		{"utf-8 declared, windows-1251 bytes", encode(t, charmap.Windows1251, page(`<meta charset="utf-8">`, ruTitle, ruBody)), "", ruTitle, ruBody, "charset guessed: windows-1251"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := Extract(Input{HTML: c.html, URL: "https://example.org/news/1", ContentType: c.contentType})
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != c.title {
				t.Errorf("title = %q, want %q", r.Title, c.title)
			}
			if len(r.Paragraphs) == 0 || r.Paragraphs[len(r.Paragraphs)-1] != c.body {
				t.Errorf("paragraphs = %q, want %q last", r.Paragraphs, c.body)
			}
			var got string
			for _, w := range r.Warnings {
				if strings.HasPrefix(w, "charset") {
					got = w
				}
			}
			if c.warning == "" && got != "" || c.warning != "" && !strings.HasPrefix(got, c.warning) {
				t.Errorf("charset warning = %q, want %q", got, c.warning)
			}
		})
	}
}

// utf8Counts skips ASCII eight bytes at a time: its counts are those of a rune-by-rune scan,
// with multi-byte and invalid sequences at every offset and across the 8-byte steps.
func TestUTF8CountsWordwise(t *testing.T) {
	slow := func(page []byte) (valid, invalid int) {
		for i := 0; i < len(page); {
			r, n := utf8.DecodeRune(page[i:])
			switch {
			case r == utf8.RuneError && n == 1:
				invalid++
			case n > 1:
				valid++
			}
			i += n
		}
		return valid, invalid
	}
	pieces := []string{"abcdefgh", "é", "Привет", "\xff", "\xe2\x80", "—", "x", "1234567", "\U0001F600"}
	for a := range pieces {
		for b := range pieces {
			for c := range pieces {
				for pad := 0; pad < 9; pad++ {
					page := []byte(strings.Repeat("<", pad) + pieces[a] + pieces[b] + strings.Repeat(" ", pad) + pieces[c])
					gv, gi := utf8Counts(page)
					if wv, wi := slow(page); gv != wv || gi != wi {
						t.Errorf("utf8Counts(%q) = %d, %d; want %d, %d", page, gv, gi, wv, wi)
					}
				}
			}
		}
	}
}
