package dates

import (
	"testing"
	"time"
)

// A day without a year resolved once kept gives what resolving it at once gives: every month
// and day number (impossible ones, February 29 in leap and other years), with and without a
// reference, in a past and a future sentence.
func TestYearlessDateIsDayDate(t *testing.T) {
	bodies := []string{"The talks were held on March 3 in Geneva.", "The delegations will meet on March 3 in Geneva."}
	refs := []time.Time{{}, time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(2023, 12, 30, 0, 0, 0, 0, time.UTC),
		time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC)}
	for _, body := range bodies {
		for _, ref := range refs {
			ctx := &context{ref: ref, hasRef: !ref.IsZero()}
			m := match{rule: "md", body: body, start: 26, end: 33, ctx: ctx}
			for mo := 0; mo <= 13; mo++ {
				for d := 0; d <= 32; d++ {
					got, gotOK := yearlessDate(m, mo, d)
					want, wantOK := dayDate(m, 0, mo, d)
					if got.resolve != nil {
						got.value, got.resolve = got.resolve(), nil
					}
					if gotOK != wantOK || gotOK && !sameCand(got, want) {
						t.Fatalf("%q, ref %s, %d-%d: %+v %v, want %+v %v", body, ref, mo, d, got, gotOK, want, wantOK)
					}
				}
			}
		}
	}
}

func sameCand(a, b cand) bool {
	return a.start == b.start && a.end == b.end && a.kind == b.kind && a.value == b.value && a.gran == b.gran &&
		(a.valueEnd == nil) == (b.valueEnd == nil) && (a.valueEnd == nil || *a.valueEnd == *b.valueEnd)
}
