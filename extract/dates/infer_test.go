package dates

import (
	"strings"
	"testing"
	"time"
)

// eagerYear is inferYear as first written: the tense read for every mention, then the nearest
// year it allows.
func eagerYear(m match, mo, d int) int {
	ref := m.ctx.ref
	future, past := m.future(), m.past()
	best, bestGap := 0, time.Duration(1<<62)
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		t := time.Date(y, time.Month(mo), max(d, 1), 0, 0, 0, 0, time.UTC)
		if d == 0 && y == ref.Year() && mo == int(ref.Month()) {
			t = ref
		}
		if future && t.Before(ref) || past && t.After(ref.AddDate(0, 0, pastReach)) {
			continue
		}
		gap := t.Sub(ref)
		if gap < 0 {
			gap = -gap
		}
		if gap < bestGap {
			best, bestGap = y, gap
		}
	}
	return best
}

// TestInferYearLazy: reading the tense only when it decides picks the year the eager reading
// picks, for every month and day around references across the year, in future, past and plain
// sentences.
func TestInferYearLazy(t *testing.T) {
	sentences := []string{"The talks will resume on X.", "The talks resumed on X.", "On X, the talks.",
		"On X, the delegations will meet.", "On X, Russia announced it.", "He was planning to meet on X.", "X."}
	refs := []time.Time{time.Date(2021, 1, 3, 0, 0, 0, 0, time.UTC), time.Date(2021, 6, 15, 0, 0, 0, 0, time.UTC),
		time.Date(2021, 12, 29, 0, 0, 0, 0, time.UTC), time.Date(2020, 2, 29, 0, 0, 0, 0, time.UTC)}
	for _, s := range sentences {
		start := strings.Index(s, "X")
		for _, ref := range refs {
			ctx := &context{ref: ref, hasRef: true}
			m := match{body: s, start: start, end: start + 1, ctx: ctx}
			for mo := 1; mo <= 12; mo++ {
				for _, d := range []int{0, 1, 2, 15, 28, 31} {
					got, _ := m.inferYear(mo, d)
					if want := eagerYear(m, mo, d); got != want {
						t.Errorf("%q ref %s month %d day %d: year %d, eager %d", s, ref.Format("2006-01-02"), mo, d, got, want)
					}
				}
			}
		}
	}
}
