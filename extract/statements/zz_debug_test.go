package statements

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	data, _ := os.ReadFile("/tmp/subj-work/dbg.txt")
	for _, b := range strings.Split(strings.TrimSpace(string(data)), "\n\n") {
		s := tokenize(b, 0, len(b), nil)
		for i, tk := range s {
			fmt.Print(i, ":", tk.text, " ")
		}
		fmt.Println()
		e := newEngine(b, Options{})
		for i := range s {
			if e.cues.match(s, i) > 0 {
				j := skipAuxBack(s, i-1)
				f, m := subjectBefore(s, j)
				fmt.Printf("  cue at %d %q: j=%d subjectBefore=%d %+v\n", i, s[i].text, j, f, m)
			}
			a, f, to, st, ok := e.attribute(s, i, nil)
			if ok {
				fmt.Printf("  i=%d cue=%q m=%+v from=%d to=%d stop=%d\n", i, a.cue, a.m, f, to, st)
			}
		}
	}
}
