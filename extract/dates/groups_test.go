package dates

import (
	"math/rand"
	"testing"

	"github.com/armswatch/armswatch/internal/randtext"
)

// The group index gives, for every group of the rules' needs, what hasAll gives, on random texts
// of the groups' own strings, their pieces and bytes, and plain words.
func TestGroupIndexIsHasAll(t *testing.T) {
	groups, _ := needBits(rules())
	if len(groups) < 10 {
		t.Fatalf("%d groups: the rules' needs were not collected", len(groups))
	}
	groups = append(groups, []string{"", "x"}, []string{"a"}) // an empty string; one byte
	x := newGroupIndex(groups)
	pieces := []string{" ", "\u00a0", "the ", "day", "of ", "\xd0", "\xd1", "\xc2", "–"}
	for _, g := range groups {
		for _, s := range g {
			pieces = append(pieces, s, s[:len(s)/2], s[len(s)/2:])
		}
	}
	rng := rand.New(rand.NewSource(15))
	for n := 0; n < 20000; n++ {
		text := randtext.Join(rng, pieces, rng.Intn(12))
		got := x.held(text)
		for i, g := range groups {
			if want := hasAll(text, [][]string{g}); (got&(1<<i) != 0) != want {
				t.Fatalf("%q, group %q: held %v, want %v", text, g, !want, want)
			}
		}
	}
}

// A rule's mask holds a bit of each of its groups, and never for an empty one.
func TestNeedBits(t *testing.T) {
	a, b := []string{"1", "2"}, []string{"May"}
	rs := []rule{{need: [][]string{a, b}}, {need: [][]string{b}}, {}, {need: [][]string{{}}}, {need: [][]string{a[:1]}}}
	groups, masks := needBits(rs)
	if len(groups) != 3 || masks[0] != 3 || masks[1] != 2 || masks[2] != 0 || masks[3] != never || masks[4] != 4 {
		t.Errorf("groups %q, masks %b", groups, masks)
	}
}
