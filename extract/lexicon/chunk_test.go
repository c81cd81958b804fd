package lexicon

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/internal/randtext"
)

// TestFindChunked checks that a text found chunk by chunk gives the matches of the whole text,
// with paragraph breaks next to bracketed acronyms, which no chunk may be cut at.
func TestFindChunked(t *testing.T) {
	paras := []string{
		"Moscow hopes to continue dialogue with Washington on New START since 2020.",
		"The Anti-Ballistic Missile (ABM)",
		"Treaty was signed; START in 1991 and the U.S. Senate",
		"(INF) Treaty talks, by Lavrov and the Security Council",
		"По словам Лаврова, ДСНВ важен для России, сказал «Сармат».",
	}
	text := repeatParagraphs(paras, 60)
	if n := len(chunksOf(text, 200)); n < 10 {
		t.Fatalf("want many chunks, got %d", n)
	}
	for _, opt := range []findOptions{{}, {keywords: true}, {year: 2005}, {roles: true}, {weights: true}} {
		whole := joinedFind(Default().findChunked(text, opt, len(text)+1))
		for size := 40; size < 400; size += 9 { // cuts land after every kind of paragraph
			for _, c := range chunksOf(text, size) {
				if part := text[c[0]:c[1]]; strings.HasPrefix(strings.TrimSpace(part), "(") {
					t.Fatalf("size %d: a chunk opens with an acronym: %.40q", size, part)
				}
			}
			chunked := joinedFind(Default().findChunked(text, opt, size))
			if len(whole) == 0 || !reflect.DeepEqual(whole, chunked) {
				t.Fatalf("%+v, size %d: %d matches whole, %d chunked, or they differ", opt, size, len(whole), len(chunked))
			}
		}
	}
}

// TestFindRolesChunked: the roles of a long text found chunk by chunk are those of the whole.
func TestFindRolesChunked(t *testing.T) {
	paras := []string{
		"Kremlin Spokesman Dmitry Peskov told reporters on Wednesday.",
		"The Deputy Foreign Minister (Russia)",
		"and the U.S. Secretary of State, the Foreign Minister said.",
		"пресс-секретарь президента России Дмитрий Песков и министр иностранных дел",
	}
	text := repeatParagraphs(paras, 60)
	whole := Default().findRoles(text, len(text)+1)
	if len(whole) < 60 {
		t.Fatalf("only %d roles in the whole text", len(whole))
	}
	for size := 40; size < 400; size += 9 {
		if got := Default().findRoles(text, size); !reflect.DeepEqual(got, whole) {
			t.Fatalf("size %d: %d roles chunked, %d whole, or they differ", size, len(got), len(whole))
		}
	}
}

// split looks up roman numerals only in tokens of at most maxRoman bytes.
func TestMaxRoman(t *testing.T) {
	for k := range romans {
		if len(k) > maxRoman {
			t.Errorf("roman %q is longer than maxRoman %d", k, maxRoman)
		}
		if !allRunesIn(k, romanLetters) || !allRunesIn(strings.ToUpper(k), romanLetters) {
			t.Errorf("roman %q has a letter outside romanLetters %q", k, romanLetters)
		}
	}
	toks := split("START II and Trident I")
	if toks[1].norm != "2" || !toks[1].digit || toks[4].norm != "1" {
		t.Fatalf("roman numerals after their heads: %+v", toks)
	}
}

// Matching recycles its token slices (tokenBufs): results must not depend on what a slice held
// before, nor on other goroutines matching at the same time.
func TestRecycledTokens(t *testing.T) {
	texts := []string{
		"Kremlin Spokesman Dmitry Peskov said New START limits Russia to 1,550 warheads.",
		"СНВ-III и ДРСМД, заявил министр иностранных дел России Сергей Лавров в 2019 году.",
		"The INF Treaty",
		"",
	}
	l := Default()
	want := make([][]Match, len(texts))
	for i, s := range texts {
		want[i] = append(l.Find(s, 0), l.FindRoles(s)...)
	}
	done := make(chan bool)
	for g := range 4 {
		go func() {
			defer func() { done <- true }()
			for k := range 50 {
				i := (g + k) % len(texts)
				if got := append(l.Find(texts[i], 0), l.FindRoles(texts[i])...); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("text %d, round %d: %d matches, want %d", i, k, len(got), len(want[i]))
					return
				}
			}
		}()
	}
	for range 4 {
		<-done
	}
}

func joinedFind(f found) []Match {
	out := append(append(f.entities, f.cues...), f.roles...)
	for _, w := range f.cueWeights {
		out = append(out, Match{weight: w})
	}
	return out
}

// repeatParagraphs makes a long text of n numbered paragraphs taken in turn from paras.
func repeatParagraphs(paras []string, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%s %d", paras[i%len(paras)], i)
	}
	return b.String()
}

// withCandidates gives each token its own keys and their hashes in shared arrays; the ASCII fast paths of
// splitInto (runeKind, finishToken) must give what the Unicode tables give.
func TestCandidatesFit(t *testing.T) {
	toks := split("договорами ракетами facilities warheads РС-24 Ё-мобиль ёлками B-52 and Tu-160")
	withCandidates(toks, nil, nil, nil)
	for _, tok := range toks {
		if want := candidates(nil, tok); !reflect.DeepEqual(tok.cands, want) {
			t.Errorf("%q: cands %q, want %q", tok.raw, tok.cands, want)
		}
		for i, k := range tok.cands {
			if tok.hashes[i] != keyHash(k) {
				t.Errorf("%q: hash %d of %q is not its keyHash", tok.raw, i, k)
			}
		}
	}
	for r := rune(0); r < utf8.RuneSelf; r++ {
		want := 0
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			want = 1
		case unicode.IsDigit(r):
			want = 2
		}
		if got := runeKind(r); got != want {
			t.Errorf("runeKind(%q) = %d, want %d", r, got, want)
		}
	}
	for _, tok := range split("Mixed CASE words РС-24 START") {
		if want := strings.ReplaceAll(strings.ToLower(tok.raw), "ё", "е"); tok.norm != want {
			t.Errorf("%q: norm %q, want %q", tok.raw, tok.norm, want)
		}
	}
}

// An ASCII word's norm, a span of the lowered text, is its strings.ToLower, in random texts of
// capitals, Cyrillic (whose lowering may change byte lengths: İ), digits and designators.
func TestASCIINormIsToLower(t *testing.T) {
	pieces := []string{"START", "Treaty", "nato", " ", "-", "İstanbul", "Договор", "СНВ", "III", "RS-24", "B 52", "x", "Ё", "\xff"}
	rng := rand.New(rand.NewSource(15))
	words := 0
	for range 3000 {
		for _, tok := range split(randtext.Join(rng, pieces, rng.Intn(10))) {
			if !tok.digit && ascii(tok.raw) {
				words++
				if want := strings.ToLower(tok.raw); tok.norm != want {
					t.Fatalf("%q: norm %q, want %q", tok.raw, tok.norm, want)
				}
			}
		}
	}
	if words < 1000 {
		t.Errorf("only %d ASCII words", words)
	}
}
