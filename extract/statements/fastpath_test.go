package statements

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/internal/randtext"
)

// quotePieces are the characters that matter to the quotation finder: every mark, the two
// apostrophes read as one, multi-byte letters whose bytes are no mark, dashes, spaces,
// paragraph breaks and broken UTF-8.
var quotePieces = []string{"\"", "'", "''", "“", "”", "„", "«", "»", "’", "word", " ", " ", "\n\n",
	"—", "–", ", — сказал он. — ", "Путин", "é", "\xe2", "\xe2\x80", "\xc2", ".", ",", "PENCE: ", "\u00a0"}

// findQuotes skips the bytes no mark starts with (markLead): it must find what the plain
// rune-by-rune reading finds, which it does with every byte marked.
func TestFindQuotesSkipsOnlyNonMarks(t *testing.T) {
	saved := markLead
	defer func() { markLead = saved }()
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		body := randtext.Join(rng, quotePieces, rng.Intn(40))
		paras := textutil.Paragraphs(body)
		markLead = saved
		got := findQuotes(body, paras)
		for b := range markLead {
			markLead[b] = true
		}
		want := findQuotes(body, paras)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: quotations %v, want %v", body, outers(got), outers(want))
		}
	}
}

func outers(qs []*quote) [][][2]int {
	var out [][][2]int
	for _, q := range qs {
		out = append(out, q.outer)
	}
	return out
}

// words counts what strings.FieldsFunc would cut.
func TestWordsCountsFields(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, quotePieces, rng.Intn(12))
		if got, want := words(s), len(strings.FieldsFunc(s, notWordRune)); got != want {
			t.Fatalf("words(%q) = %d, want %d", s, got, want)
		}
	}
}

// splitInner asks the regexp only about texts with two dashes: no other text matches it.
func TestInnerAttrNeedsTwoDashes(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, quotePieces, rng.Intn(12))
		if strings.Count(s, "—")+strings.Count(s, "–") < 2 && innerAttr().MatchString(s) {
			t.Fatalf("%q matches innerAttr with fewer than two dashes", s)
		}
	}
}

// hasApostrophe answers as strings.ContainsAny(w, "'’"), broken UTF-8 included.
func TestHasApostropheIsContainsAny(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	pieces := append(quotePieces, "’", "‘", "\x80\x99", "\xe2\x80", "\x99")
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, pieces, rng.Intn(8))
		if got, want := hasApostrophe(s), strings.ContainsAny(s, "'’"); got != want {
			t.Fatalf("hasApostrophe(%q) = %v, want %v", s, got, want)
		}
	}
}

// withoutParens and withoutMarks give back the tokens they keep, in order, and a result the
// caller may append to without writing over the tokens after it.
func TestWithoutParensAndMarks(t *testing.T) {
	body := `the Institute (Sipri) said "now" and 'then' «да» ok`
	all := tokenize(body, 0, len(body), nil)
	for _, c := range []struct {
		f    func([]token) []token
		drop func(token) bool
	}{
		{withoutParens, nil},
		{withoutMarks, func(t token) bool { return t.kind == tPunct && isMark(t.text) }},
	} {
		for from := 0; from < len(all); from++ {
			for to := from; to <= len(all); to++ {
				ts := all[from:to]
				got := c.f(ts)
				var want []string
				depth := 0
				for _, tk := range ts {
					switch {
					case c.drop != nil && c.drop(tk):
					case c.drop != nil:
						want = append(want, tk.text)
					case tk.is("("):
						depth++
					case tk.is(")"):
						depth--
					case depth == 0:
						want = append(want, tk.text)
					}
				}
				var texts []string
				for _, tk := range got {
					texts = append(texts, tk.text)
				}
				if !reflect.DeepEqual(texts, want) {
					t.Fatalf("%q: kept %q, want %q", body[ts[0].start:ts[len(ts)-1].end], texts, want)
				}
				if cap(got) > len(got) && to < len(all) && &got[:len(got)+1][len(got)] == &all[to] {
					t.Fatalf("the result of %d..%d may be appended over the tokens after it", from, to)
				}
			}
		}
	}
}

// phraseBack takes the first phrase of its class that ends at the token: the order it reads them
// in must not matter, so no phrase of those classes may end another, and none is empty.
func TestPhraseBackClassesEndApart(t *testing.T) {
	for _, name := range []string{"time_asides", "turn_asides"} {
		ps := builtin().classPhrases[name]
		if len(ps) == 0 {
			t.Fatalf("class %q has no phrases", name)
		}
		for a, p := range ps {
			if len(p) == 0 {
				t.Fatalf("class %q has an empty phrase", name)
			}
			for b, q := range ps {
				if a != b && len(q) <= len(p) && reflect.DeepEqual(p[len(p)-len(q):], q) {
					t.Errorf("class %q: %q ends %q", name, q, p)
				}
			}
		}
	}
}

// tokenize reads ASCII bytes from tables (asciiWord, asciiSpace) where it decoded runes and
// asked isWordRune and unicode.IsSpace: the tables must hold their answers. It lowers the ASCII
// words with capitals into one string: each word's low must be strings.ToLower of its text, and
// its class entry that of its low.
func TestTokenizeFastPaths(t *testing.T) {
	for c := rune(0); c < utf8.RuneSelf; c++ {
		if asciiWord[c] != isWordRune(c) || asciiSpace[c] != unicode.IsSpace(c) {
			t.Fatalf("%q: tables say word %v, space %v", c, asciiWord[c], asciiSpace[c])
		}
	}
	pieces := []string{"Said", "SAID", "said", "U.S.", "Peskov's", "non-deployed", " ", ", ", ". ", "9:42", "1,550",
		"Путин", "ПУТИН", "В.Путин", "é", "É", "İ", "K", "\xe2", "“", "”", "—", "'", "’", "the", "THE", "x1", "Ab.Cd",
		"\t", "\u00a0", "\n"}
	rng := rand.New(rand.NewSource(5))
	ix := &builtin().wordClasses
	for n := 0; n < 20000; n++ {
		body := randtext.Join(rng, pieces, rng.Intn(16))
		for _, tk := range tokenize(body, 0, len(body), nil) {
			if tk.kind == tWord && (tk.low != strings.ToLower(tk.text) || tk.cls != ix.entry(tk.low)+1) {
				t.Fatalf("%q: word %q has low %q, class entry %d", body, tk.text, tk.low, tk.cls)
			}
		}
	}
}

// startsUpper answers as unicode.IsUpper of the first rune, for every ASCII byte and a few others.
func TestStartsUpper(t *testing.T) {
	for _, s := range []string{"", "\x80", "É", "é", "Ж", "ж", "ǅ", "\xe2"} {
		r, _ := utf8.DecodeRuneInString(s)
		if startsUpper(s) != unicode.IsUpper(r) {
			t.Errorf("startsUpper(%q) = %v", s, startsUpper(s))
		}
	}
	for c := 0; c < utf8.RuneSelf; c++ {
		if s := string(rune(c)) + "x"; startsUpper(s) != unicode.IsUpper(rune(c)) {
			t.Errorf("startsUpper(%q) = %v", s, startsUpper(s))
		}
	}
}

// isCyrillicRune skips the table below U+0400: no Cyrillic rune is there. basicCyrillic answers
// for U+0400..U+045F without the tables: Cyrillic letters, all of them.
func TestCyrillicShortcuts(t *testing.T) {
	for r := rune(0); r < 0x400; r++ {
		if unicode.Is(unicode.Cyrillic, r) {
			t.Fatalf("%U is Cyrillic", r)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if basicCyrillic(r) && !(unicode.IsLetter(r) && unicode.Is(unicode.Cyrillic, r)) {
			t.Fatalf("%U is no Cyrillic letter", r)
		}
		w := string(r)
		if b, ok := appendLowerCyrillic(nil, w); ok != (r < utf8.RuneSelf || basicCyrillic(r)) || ok && string(b) != strings.ToLower(w) {
			t.Fatalf("appendLowerCyrillic(%q) = %q, %v", w, b, ok)
		}
	}
}

// ruSame compares runes in place: it must answer as the comparison of two []rune copies.
func TestRuSameAsRuneSlices(t *testing.T) {
	plain := func(a, b string) bool {
		if a == b {
			return true
		}
		x, y := []rune(a), []rune(b)
		p := 0
		for p < len(x) && p < len(y) && x[p] == y[p] {
			p++
		}
		return p >= 4 && len(x)-p <= 3 && len(y)-p <= 3
	}
	pieces := []string{"заяв", "ление", "ления", "лении", "а", "и", "\xd0", "\ufffd", "\xff", "x", "документ", "ов", "ы"}
	rng := rand.New(rand.NewSource(6))
	for n := 0; n < 50000; n++ {
		a, b := randtext.Join(rng, pieces, rng.Intn(5)), randtext.Join(rng, pieces, rng.Intn(5))
		if rng.Intn(3) == 0 {
			b = a + randtext.Join(rng, pieces, rng.Intn(2))
		}
		if got, want := ruSame(a, b), plain(a, b); got != want {
			t.Fatalf("ruSame(%q, %q) = %v, want %v", a, b, got, want)
		}
	}
}

// twoWords and textutil.LastField stand for len(strings.Fields(s)) >= 2 and the last of them.
func TestFieldHelpers(t *testing.T) {
	rng := rand.New(rand.NewSource(7))
	pieces := []string{"said", " ", "\t", "\u00a0", "\u2003", "x", "Путин", "\n", "\xe2"}
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, pieces, rng.Intn(6))
		f := strings.Fields(s)
		if twoWords(s) != (len(f) >= 2) {
			t.Fatalf("twoWords(%q) = %v", s, twoWords(s))
		}
		if last := textutil.LastField(s); len(f) > 0 && last != f[len(f)-1] || len(f) == 0 && last != "" {
			t.Fatalf("LastField(%q) = %q, fields %q", s, last, f)
		}
	}
}

// equalLowerASCII answers lower(a) == lower(b) for ASCII strings and declines the others.
func TestEqualLowerASCII(t *testing.T) {
	rng := rand.New(rand.NewSource(8))
	pieces := []string{"Peskov", "PESKOV", "peskov", "O'Brien", "o'brien", "É", "Песков", "x", "X", "@", "[", "`", "{"}
	for n := 0; n < 20000; n++ {
		a, b := randtext.Join(rng, pieces, rng.Intn(3)), randtext.Join(rng, pieces, rng.Intn(3))
		eq, ok := equalLowerASCII(a, b)
		ascii := !strings.ContainsFunc(a+b, func(r rune) bool { return r >= utf8.RuneSelf })
		//lint:ignore SA6005 the oracle is the plain reading equalLowerASCII replaced
		if ok != ascii || ok && eq != (strings.ToLower(a) == strings.ToLower(b)) {
			t.Fatalf("equalLowerASCII(%q, %q) = %v, %v", a, b, eq, ok)
		}
	}
}

// withoutLowerLead returns a name with no lower-case lead at once: as cutting it into words did.
func TestWithoutLowerLeadShortcut(t *testing.T) {
	plain := func(name string) string {
		ws := strings.Fields(name)
		for i, w := range ws {
			r, _ := utf8.DecodeRuneInString(w)
			if !unicode.IsLower(r) {
				if i == 0 {
					return name
				}
				return strings.Join(ws[i:], " ")
			}
		}
		return name
	}
	rng := rand.New(rand.NewSource(9))
	pieces := []string{" ", "\u00a0", "nonpartisan", "Center", "état", "Élysée", "\xe2", "1", "the", "НКО", "общество"}
	for n := 0; n < 20000; n++ {
		s := randtext.Join(rng, pieces, rng.Intn(5))
		if got, want := withoutLowerLead(s), plain(s); got != want {
			t.Fatalf("withoutLowerLead(%q) = %q, want %q", s, got, want)
		}
	}
}

// markedTurn reads no tokens when the opening of the paragraph holds no colon: it must answer
// as reading them does.
func TestMarkedTurnNeedsColon(t *testing.T) {
	pieces := []string{"\"", "“", "PENCE", "Mr.", "Putin", ": ", "well", " ", "9:42", "(retranslated)", "«", "В.Путин", ","}
	rng := rand.New(rand.NewSource(10))
	for n := 0; n < 20000; n++ {
		body := randtext.Join(rng, pieces, rng.Intn(12))
		p := textutil.Paragraph{Start: 0, End: len(body)}
		r, w := markAt(body, 0)
		_, isMark := closers[r]
		want := false
		if isMark && len(body) > 0 {
			_, _, want = labelAt(tokenize(body, w, min(len(body), w+80), nil))
		}
		if got := markedTurn(body, p); got != want {
			t.Fatalf("markedTurn(%q) = %v, want %v", body, got, want)
		}
	}
	if !markedTurn(`"PENCE: Well, look.`, textutil.Paragraph{End: 19}) {
		t.Error("a quoted transcript turn is no marked turn")
	}
}

// spanTokens takes a reported statement's tokens from its paragraph's kept tokens where it
// can: they must be the tokens tokenize makes of the span, for every span of the test texts and
// for every range of whole tokens of their paragraphs.
func TestKeptTokensAreSpanTokens(t *testing.T) {
	var bodies []string
	for _, c := range devSet {
		bodies = append(bodies, c.body)
	}
	bodies = append(bodies, seed, "He said the U.S. would act.\n\n“We will,” he said, adding that 9:42 p.m. was late.A new day.")
	reused := 0
	for _, body := range bodies {
		e := newEngine(body, Options{})
		e.run()
		check := func(from, to int) {
			got, ok := e.keptTokens(from, to)
			if !ok {
				return
			}
			reused++
			if want := tokenize(body, from, to, nil); !reflect.DeepEqual(got, want) {
				t.Fatalf("%q: kept tokens %v, tokenize gives %v", body[from:to], got, want)
			}
		}
		for _, d := range e.drafts {
			for _, sp := range d.spans {
				check(sp[0], sp[1])
			}
		}
		for _, ts := range e.toks.kept {
			for a := 0; a < len(ts); a++ {
				for b := a; b < len(ts) && b < a+40; b++ {
					check(ts[a].start, ts[b].end)
				}
			}
		}
	}
	if reused == 0 {
		t.Fatal("no span was taken from kept tokens")
	}
}
