package figures

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/lexicon"
)

// item is one piece of a sentence: a number in digits, a vocabulary phrase, an unknown word or a
// punctuation mark. The parser walks items, not characters.
type item struct {
	start, end int
	keys       []string // vocabulary keys (phrases); empty for numbers, words and punctuation
	digits     bool     // a number written in digits
	value      float64  // the number's value (digits)
	plainInt   bool     // digits without separators or decimals ("2010")
	word       string   // an unknown word, or the punctuation mark
	punct      bool
}

// get returns the value of the item's key of a valued kind (kUnit, kNum, ...).
func (it item) get(kind string) (string, bool) {
	for _, k := range it.keys {
		if strings.HasPrefix(k, kind) {
			return k[len(kind):], true
		}
	}
	return "", false
}

// float returns the numeric value of the item's key of a valued kind.
func (it item) float(kind string) (float64, bool) {
	s, ok := it.get(kind)
	if !ok {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// cueIndex returns the cue entry of a kCue key.
func cueIndex(key string) (int, bool) {
	if !strings.HasPrefix(key, kCue) {
		return 0, false
	}
	c, err := strconv.Atoi(key[len(kCue):])
	return c, err == nil
}

func (it item) is(key string) bool {
	for _, k := range it.keys {
		if k == key {
			return true
		}
	}
	return false
}

// digitsRE finds numbers in digits: 1,550 / 1 550 (no-break or thin space, or a plain space in
// Russian text) / 5.5 / 3,67 (Russian decimal comma). findDigits finds the same without the
// regexp engine; the pattern stays as what findDigits must agree with (the tests compare them).
var digitsRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\x{00A0}\x{202F}\x{2009} ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?`)
})

// scratch holds the buffers that the sentences of one text reuse one after another: a
// sentence's items are done with when the next sentence is read (figures copy what they keep).
type scratch struct {
	items   []item
	marked  []item // the numbers and phrases of a sentence, before the words between them
	taken   []bool
	phrases []lexicon.PhraseMatch
	// read is the lexicon's reading of the whole text and at the offset in it of the sentence
	// items reads: its phrases are matched in the reading's tokens instead of tokenizing the
	// sentence again. nil: items tokenizes.
	read *lexicon.Reading
	at   int
	// latin: the whole text has no Cyrillic letter, so no sentence of it has (each sentence was
	// scanned rune by rune for one)
	latin bool
}

// scratches recycles the buffers from one text to the next (they were a tenth of the bytes an
// analysis allocated, grown anew for every page).
var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release drops what the buffers point into (the text's strings) and returns them to scratches.
func (sc *scratch) release() {
	clear(sc.items[:cap(sc.items)])
	clear(sc.marked[:cap(sc.marked)])
	clear(sc.phrases[:cap(sc.phrases)])
	sc.items, sc.marked, sc.phrases = sc.items[:0], sc.marked[:0], sc.phrases[:0]
	sc.read, sc.at, sc.latin = nil, 0, false
	scratches.Put(sc)
}

// items splits text (one sentence) into items, in sc's buffer; offsets are relative to text.
func (v *vocab) items(text string, sc *scratch) []item {
	russian := !sc.latin && lang.HasCyrillic(text)
	marked := sc.marked[:0]
	if cap(sc.taken) < len(text) {
		sc.taken = make([]bool, len(text))
	}
	taken := sc.taken[:len(text)]
	clear(taken)
	for _, loc := range findDigits(text) {
		s, e := loc[0], loc[1]
		lit := text[s:e]
		if strings.ContainsRune(lit, ' ') && !russian && !spaceGrouped(text, s, e) {
			// a plain space groups digits in English only where the text groups that way ("an
			// estimated 13 400 warheads"); "in 2010 500 ..." is two numbers
			lit = lit[:strings.IndexByte(lit, ' ')]
			e = s + len(lit)
		}
		val, plain, ok := parseDigits(lit, russian)
		if !ok {
			continue
		}
		marked = append(marked, item{start: s, end: e, digits: true, value: val, plainInt: plain})
		for i := s; i < e; i++ {
			taken[i] = true
		}
	}
	if sc.read != nil {
		sc.phrases = v.phrases.AppendFindIn(sc.phrases[:0], sc.read, sc.at, sc.at+len(text))
	} else {
		sc.phrases = v.phrases.AppendFind(sc.phrases[:0], text)
	}
	for _, m := range sc.phrases {
		if overlaps(taken, m.Start, m.End) {
			continue
		}
		marked = append(marked, item{start: m.Start, end: m.End, keys: m.Keys, word: text[m.Start:m.End]})
		for i := m.Start; i < m.End; i++ {
			taken[i] = true
		}
	}
	// numbers and phrases do not overlap: their starts differ. The words between them are read
	// in text order, and each marked item joins them where the scan reaches its first byte, so
	// the items come out in text order without sorting them all.
	slices.SortFunc(marked, func(a, b item) int { return a.start - b.start })
	out, k := sc.items[:0], 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case taken[i]:
			for ; k < len(marked) && marked[k].start <= i; k++ {
				out = append(out, marked[k])
			}
			i += size
		case unicode.IsSpace(r):
			i += size
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i
			for j < len(text) && !taken[j] {
				r2, s2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
					break
				}
				j += s2
			}
			out = append(out, item{start: i, end: j, word: text[i:j]})
			i = j
		default:
			out = append(out, item{start: i, end: i + size, word: text[i : i+size], punct: true})
			i += size
		}
	}
	out = append(out, marked[k:]...)
	sc.items, sc.marked = out, marked
	return out
}

// spaceGrouped tells English digits grouped by plain spaces ("13 400", "1 550"): one group of
// one to three digits, then groups of three, in a sentence that writes no comma-grouped number.
func spaceGrouped(text string, s, e int) bool {
	lit := text[s:e]
	if i := strings.IndexByte(lit, ' '); i < 1 || strings.ContainsAny(lit, "\u00a0\u202f\u2009") {
		return false
	}
	return !commaGroups().MatchString(text)
}

// commaGroups finds a comma-grouped number ("1,550").
var commaGroups = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\d,\d{3}\b`) })

func overlaps(taken []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

// groupSpaces are the spaces that may group digits.
var groupSpaces = strings.NewReplacer("\u00a0", "", "\u202f", "", "\u2009", "", " ", "")

// parseDigits reads a digit literal. A comma followed by exactly three digits groups thousands;
// otherwise, in Russian text, it is the decimal mark.
func parseDigits(lit string, russian bool) (float64, bool, bool) {
	plain := true
	for _, r := range lit {
		if r < '0' || r > '9' {
			plain = false
		}
	}
	s := groupSpaces.Replace(lit)
	if i := strings.LastIndexByte(s, ','); i >= 0 {
		if len(s)-i-1 == 3 && !strings.Contains(s, ".") || strings.Count(s, ",") > 1 || strings.IndexByte(s[i:], '.') == 4 {
			// "1,550", "12,241,000", "4,744.5": commas group thousands
			s = strings.ReplaceAll(s, ",", "")
		} else if russian || len(s)-i-1 != 3 {
			s = s[:i] + "." + s[i+1:]
		}
	}
	s = strings.ReplaceAll(s, ",", "")
	v, err := strconv.ParseFloat(s, 64)
	return v, plain, err == nil
}
