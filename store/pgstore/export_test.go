package pgstore

import "testing"

// SetSearchBoundsForTest lowers how many matches a search ranks and the first window of newest
// row ids it looks among, for the test's duration.
func SetSearchBoundsForTest(t testing.TB, candidates int, window int64) {
	oldC, oldW := searchCandidates, firstWindow
	searchCandidates, firstWindow = candidates, window
	t.Cleanup(func() { searchCandidates, firstWindow = oldC, oldW })
}
