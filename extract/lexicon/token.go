package lexicon

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
)

// token is a run of letters or of digits, with its place in the text. Letters and digits are
// separate tokens, so RS-24, RS 24 and RS24 all give "rs" "24".
type token struct {
	start, end int
	raw        string // as written, Cyrillic look-alikes folded in designators
	norm       string // lower-case, ё as е, Roman numerals after START, SALT, ... as digits
	digit      bool
	cyr        bool     // has Cyrillic letters (Russian inflection applies)
	cands      []string // the trie keys the token may take (see candidates)
	hashes     []uint32 // keyHash of each of cands
}

// lookAlike folds the Cyrillic letters that look like Latin ones (lexicon.md §8.1).
var lookAlike = strings.NewReplacer(
	"А", "A", "В", "B", "Е", "E", "К", "K", "М", "M", "Н", "H", "О", "O", "Р", "P", "С", "C", "Т", "T", "Х", "X",
	"а", "a", "в", "b", "е", "e", "к", "k", "м", "m", "н", "h", "о", "o", "р", "p", "с", "c", "т", "t", "х", "x")

const lookAlikeRunes = "АВЕКМНОРСТХавекмнорстхABEKMHOPCTXabekmhopctx"

// romanHeads are the names after which I, II, III, V are numbers (START III = START-3).
var romanHeads = map[string]bool{"start": true, "salt": true, "снв": true, "осв": true, "agni": true,
	"minuteman": true, "trident": true, "shaheen": true, "агни": true, "минитмен": true, "трайдент": true, "шахин": true}

var romans = map[string]string{"i": "1", "ii": "2", "iii": "3", "iv": "4", "v": "5"}

// maxRoman is the length of the longest key of romans.
const maxRoman = 3

// romanLetters are the letters of the keys of romans, in both cases.
const romanLetters = "iIvV"

// withCandidates gives each token the trie keys it may take (what matching needs) and their
// hashes, appending them to keys and hashes, which it returns: the tokens' cands and hashes are
// slices of them, one array each for all. at is scratch for where each token's keys start.
func withCandidates(out []token, keys []string, hashes []uint32, at []int) ([]string, []uint32, []int) {
	keys, hashes, at = keys[:0], hashes[:0], at[:0]
	for i := range out {
		at = append(at, len(keys))
		keys = candidates(keys, out[i])
	}
	at = append(at, len(keys))
	for _, k := range keys {
		hashes = append(hashes, keyHash(k))
	}
	for i := range out { // now that keys no longer moves
		out[i].cands = keys[at[i]:at[i+1]:at[i+1]]
		out[i].hashes = hashes[at[i]:at[i+1]:at[i+1]]
	}
	return keys, hashes, at
}

// tokenBuf is a recycled token slice with the array of their trie keys.
type tokenBuf struct {
	toks   []token
	keys   []string
	hashes []uint32
	at     []int
}

// tokenBufs recycles the token slices of matching (each text the lexicon reads is tokenized
// again: the body, each sentence of the figures analyzer, ...; they were a quarter of the bytes
// an analysis allocates). No Match keeps a token.
var tokenBufs = sync.Pool{New: func() any { return new(tokenBuf) }}

// withTokens calls f with the tokens of s, each with its trie keys, in a recycled slice that f
// must not keep.
func withTokens(s string, f func([]token)) {
	keptTokens(s, f).put()
}

// keptTokens is withTokens whose buffer, holding the tokens of s, the caller puts back.
func keptTokens(s string, f func([]token)) *tokenBuf {
	buf := tokenBufs.Get().(*tokenBuf)
	buf.toks = splitInto(buf.toks[:0], s)
	buf.keys, buf.hashes, buf.at = withCandidates(buf.toks, buf.keys, buf.hashes, buf.at)
	f(buf.toks)
	return buf
}

// put drops the strings the buffer points at and returns it to tokenBufs.
func (buf *tokenBuf) put() {
	clear(buf.toks)
	clear(buf.keys)
	buf.toks, buf.keys, buf.hashes, buf.at = buf.toks[:0], buf.keys[:0], buf.hashes[:0], buf.at[:0]
	tokenBufs.Put(buf)
}

// tokensIn returns the tokens of text[start:end] as splitInto gives them, offsets relative to
// start, copied from toks (the tokens of text) into out; ok is false where the copy could differ
// from tokenizing text[start:end] itself: a token crossing either end, or a first or last token
// that its neighbour outside the range would change (a Roman numeral after START, a look-alike
// letter touching a digit).
func tokensIn(out []token, text string, toks []token, start, end int) ([]token, bool) {
	a := sort.Search(len(toks), func(i int) bool { return toks[i].start >= start })
	b := a + sort.Search(len(toks)-a, func(i int) bool { return toks[a+i].start >= end })
	if a > 0 && toks[a-1].end > start || b > a && toks[b-1].end > end {
		return out, false
	}
	if b > a && (contextual(text[toks[a].start:toks[a].end], true) || contextual(text[toks[b-1].start:toks[b-1].end], false)) {
		return out, false
	}
	for _, t := range toks[a:b] {
		t.start -= start
		t.end -= start
		out = append(out, t)
	}
	return out, true
}

// contextual tells a token, as written, whose form depends on the token before it (first: a
// Roman numeral) or after it (a designator's look-alike letters).
func contextual(raw string, first bool) bool {
	if first && len(raw) <= maxRoman && allRunesIn(raw, romanLetters) {
		return true
	}
	return !ascii(raw) && utf8.RuneCountInString(raw) <= 3 && allRunesIn(raw, lookAlikeRunes)
}

// split splits s into tokens without their trie keys: building the trie needs none, and aliases
// are split once each when a lexicon is built (a one-shot extract pays for all of them).
func split(s string) []token {
	return splitInto(make([]token, 0, len(s)/5+1), s)
}

// splitInto is split appending to out.
func splitInto(out []token, s string) []token {
	start, kind := -1, 0 // kind: 1 letters, 2 digits
	flush := func(end int) {
		if start >= 0 {
			out = append(out, token{start: start, end: end, raw: s[start:end], digit: kind == 2})
		}
		start, kind = -1, 0
	}
	for i, r := range s {
		k := runeKind(r)
		if k != kind {
			flush(i)
			if k != 0 {
				start, kind = i, k
			}
		}
	}
	flush(len(s))
	// Roman numerals first: they make the name before them a designator (СНВ-III = СНВ-3).
	for i := range out {
		if len(out[i].raw) > maxRoman || i == 0 || !allRunesIn(out[i].raw, romanLetters) {
			continue // most words: no lower-casing and map lookups
		}
		if d, ok := romans[strings.ToLower(out[i].raw)]; ok && romanHeads[strings.ToLower(out[i-1].raw)] &&
			tight(s[out[i-1].end:out[i].start]) {
			out[i].norm, out[i].digit = d, true
		}
	}
	lower := "" // s with its ASCII capitals lowered, made for the first ASCII token that has one
	for i := range out {
		finishToken(s, out, i, &lower)
	}
	return out
}

// runeKind is 1 for a letter or combining mark, 2 for a digit, else 0. ASCII, most of most
// texts, is decided without the Unicode tables.
func runeKind(r rune) int {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			return 1
		case '0' <= r && r <= '9':
			return 2
		}
		return 0
	}
	switch {
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		return 1
	case unicode.IsDigit(r):
		return 2
	}
	return 0
}

// hasWord tells whether s has a token: a letter, combining mark or digit.
func hasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// finishToken sets raw and norm: designator letters fold to Latin. lower is s with its ASCII
// capitals lowered, once made (""): a capitalised ASCII word's norm is a span of it, not a copy
// of its own (one allocation a text, not one a capitalised word).
func finishToken(s string, toks []token, i int, lower *string) {
	t := &toks[i]
	if t.digit {
		if t.norm == "" {
			t.norm = t.raw
		}
		return
	}
	if ascii, upper := lang.ASCIICase(t.raw); ascii { // no Cyrillic, no ё, no look-alike to fold
		if !upper {
			t.norm = t.raw
			return
		}
		if *lower == "" {
			*lower = string(lang.AppendLowerASCII(make([]byte, 0, len(s)), s))
		}
		t.norm = (*lower)[t.start:t.end]
		return
	}
	t.cyr = lang.HasCyrillic(t.raw)
	if t.cyr && hasLatin(t.raw) || designator(s, toks, i) {
		t.raw = lookAlike.Replace(t.raw)
		t.cyr = lang.HasCyrillic(t.raw)
	}
	t.norm = strings.ReplaceAll(strings.ToLower(t.raw), "ё", "е")
}

// designator tells letters of a designator (РС-24, С-400, 3М22, B 52): at most three look-alike
// letters touching a digit token through a hyphen or nothing, or through a space when written in
// capitals. Ordinary words before numbers ("на 5", "менее 5") are not folded.
func designator(s string, toks []token, i int) bool {
	raw := toks[i].raw
	if utf8.RuneCountInString(raw) > 3 || !allRunesIn(raw, lookAlikeRunes) {
		return false
	}
	caps := strings.ToUpper(raw) == raw
	touch := func(sep string) bool { return sep != " " && sep != "\u00a0" || caps }
	if i > 0 && toks[i-1].digit && tight(s[toks[i-1].end:toks[i].start]) && touch(s[toks[i-1].end:toks[i].start]) {
		return true
	}
	return i+1 < len(toks) && toks[i+1].digit && tight(s[toks[i].end:toks[i+1].start]) && touch(s[toks[i].end:toks[i+1].start])
}

// tight is a separator inside a designator: nothing, one hyphen or dash, or one space.
func tight(sep string) bool {
	switch sep {
	case "", "-", "‐", "‑", "–", " ", "\u00a0":
		return true
	}
	return false
}

func ascii(s string) bool {
	ascii, _ := lang.ASCIICase(s)
	return ascii
}

func hasLatin(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Latin, r) {
			return true
		}
	}
	return false
}

func allRunesIn(s, set string) bool {
	for _, r := range s {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return s != ""
}

// Russian case endings may follow an alias's stem (lexicon.md §8.2).
const endingRunes = "аеёиоуыэюяйьмхвг"

// stem cuts the nominative ending off a Russian alias word: up to two final vowels, й or ь.
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	for k := 0; k < 2 && n > 3; k++ {
		r, size := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune("аеёиоуыэюяйь", r) {
			break
		}
		w, n = w[:len(w)-size], n-1
	}
	return w
}

// stems returns w and w without one to three ending letters: the stems an inflected Russian word
// may have.
func stems(w string) []string {
	out := []string{w}
	n := utf8.RuneCountInString(w)
	for k := 1; k <= 3 && n-k >= 3; k++ {
		r, size := utf8.DecodeLastRuneInString(w)
		if !strings.ContainsRune(endingRunes, r) {
			break
		}
		w = w[:len(w)-size]
		out = append(out, w)
	}
	return out
}
