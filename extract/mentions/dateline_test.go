package mentions

import (
	"math/rand"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// The dateline pattern's bound counts every part but its runs of spaces; patterns that repeat
// anything else without a maximum have none.
func TestNonSpaceBound(t *testing.T) {
	for pattern, want := range map[string]int{
		datelinePattern: 143, `^a\p{Zs}*b{2,5}`: 6, `(?:ab|c)\x{00A0}+`: 2, `a*`: -1, `[a ]+`: -1, `.{3,}`: -1,
	} {
		tree, err := syntax.Parse(pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if got := nonSpaceBound(tree); got != want {
			t.Errorf("%s: bound %d, want %d", pattern, got, want)
		}
	}
}

// The dateline regexp finds the same match in the prefix it is given as in the whole paragraph,
// and every match holds one of datelineEnds: on the corpus's lines and on random datelines with
// long runs of (no-break, wide) spaces.
func TestDatelinePrefixKeepsTheMatch(t *testing.T) {
	texts := []string{"MOSCOW, October 21. /TASS/. Russia", "WASHINGTON (Reuters) - The", "МОСКВА, 21 октября. /ТАСС/. Россия"}
	for _, dir := range []string{"statements-real", "figures-real", "polnear/dev"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", dir, "*.txt"))
		for _, f := range files {
			if b, err := os.ReadFile(f); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
			}
		}
	}
	pieces := []string{"MOSCOW", "Geneva", "МОСКВА", ", ", ". ", " ", "\u00a0", "\u3000", "\u2009", "/TASS/", "/ТАСС/.",
		"(Reuters)", " - ", "—", "October 21", "x", "(", ")", "/", "\n", "US", "A", "é"}
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 20000; n++ {
		texts = append(texts, randtext.Join(rng, pieces, rng.Intn(60)))
	}
	re, reach, matched := datelineRE(), datelineReach(), 0
	for _, text := range texts {
		want := re.FindStringIndex(text)
		if want != nil && !strings.ContainsAny(text[want[0]:want[1]], datelineEnds) {
			t.Fatalf("%q: the dateline %q holds none of %q", text, text[want[0]:want[1]], datelineEnds)
		}
		if got := re.FindStringIndex(nonSpacePrefix(text, reach)); !slices.Equal(got, want) {
			t.Fatalf("%q: %v in the prefix, %v in the whole", text, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d texts hold a dateline: the test reads too few", matched)
	}
}

// nonSpacePrefix keeps n runes other than spaces, and every space after them.
func TestNonSpacePrefix(t *testing.T) {
	for _, c := range []struct {
		text string
		n    int
		want string
	}{{"ab cd", 3, "ab c"}, {"ab\u00a0\u3000 c", 2, "ab\u00a0\u3000 "}, {"abc", 5, "abc"}, {"abc", -1, "abc"}, {"é\xffb", 2, "é\xff"}} {
		if got := nonSpacePrefix(c.text, c.n); got != c.want {
			t.Errorf("%q, %d: %q, want %q", c.text, c.n, got, c.want)
		}
	}
}
