package statements

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

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
