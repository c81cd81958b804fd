package lexicon

import (
	"fmt"
	"testing"
)

// A node's table finds every child put in it and nothing else, as a map would, through growth
// and through keys whose hashes collide.
func TestNodeTable(t *testing.T) {
	for _, collide := range []bool{false, true} {
		var n node
		want := map[string]*node{}
		hash := func(k string) uint32 {
			if collide {
				return keyHash(k) % 3
			}
			return keyHash(k)
		}
		for i := 0; i < 300; i++ {
			k := fmt.Sprint("k", i*7)
			if i%2 == 0 {
				k = fmt.Sprint(",", i) // the comma keys of walk
			}
			c := &node{}
			n.put(child{hash(k), k, c})
			want[k] = c
			for j := 0; j <= i+5; j++ { // those put, and some never put
				for _, q := range []string{fmt.Sprint("k", j*7), fmt.Sprint(",", j), fmt.Sprint("x", j)} {
					if got := n.next(q, hash(q)); got != want[q] {
						t.Fatalf("collide %v, %d children: %q gives %p, want %p", collide, i+1, q, got, want[q])
					}
				}
			}
		}
		if n.n != len(want) || 2*n.n > len(n.kids) {
			t.Errorf("collide %v: %d children in a table of %d", collide, n.n, len(n.kids))
		}
	}
}
