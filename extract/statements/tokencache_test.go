package statements

import (
	"reflect"
	"strings"
	"testing"
)

// A long text's later paragraphs are tokenized again when read (tokenCache): the statements must
// be those of a text whose tokens are all kept, with no paragraph's tokens kept at all, and with
// the cut in between.
func TestTokenCacheSameStatements(t *testing.T) {
	var parts []string
	for _, c := range devSet {
		parts = append(parts, c.body)
	}
	parts = append(parts, seed)
	long := strings.Join(parts, "\n\n")
	opts := []Options{{}, {Authors: []string{"Michael R. Pompeo"}, Kind: "Press Statement"}}
	defer func(k int) { keptTokens = k }(keptTokens)
	for _, opt := range opts {
		keptTokens = 1 << 30
		want := Extract(long, opt)
		if len(want) < 20 {
			t.Fatalf("only %d statements in the long text", len(want))
		}
		for _, k := range []int{0, 1, 500, 3000} {
			keptTokens = k
			if got := Extract(long, opt); !reflect.DeepEqual(got, want) {
				t.Errorf("keeping %d tokens (%+v): %d statements, want %d", k, opt, len(got), len(want))
			}
		}
	}
}

// tokenCache keeps at most keptTokens tokens (a paragraph past the budget is not kept).
func TestTokenCacheKeepsBudget(t *testing.T) {
	long := strings.Repeat(seed+"\n\n", 500) + seed
	e := newEngine(long, Options{})
	c := e.paraTokens()
	n := 0
	for _, t := range c.kept {
		n += len(t)
	}
	if n > keptTokens || len(c.kept) == 0 || len(c.kept) >= len(e.paras) {
		t.Fatalf("kept %d tokens of %d paragraphs out of %d (budget %d)", n, len(c.kept), len(e.paras), keptTokens)
	}
	if got := c.of(len(e.paras) - 1); !reflect.DeepEqual(got, c.tokenize(len(e.paras)-1)) || len(got) == 0 {
		t.Fatal("a paragraph past the budget is not tokenized on demand")
	}
}
