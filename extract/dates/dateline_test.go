package dates

import "testing"

// TestPatternsCompile compiles every pattern: they compile on first use, so a bad one would
// otherwise panic only on a page that needs it.
func TestPatternsCompile(t *testing.T) {
	for _, r := range rules() {
		if r.pat.re() == nil {
			t.Errorf("rule %s: no regexp", r.name)
		}
	}
	for i, st := range datelineRes() {
		if st.re() == nil || len(st.need) == 0 {
			t.Errorf("dateline style %d: no regexp or no prefilter", i)
		}
	}
}
