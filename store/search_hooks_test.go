package store

import "testing"

// SetSearchCandidatesForTest lowers how many matches a search ranks, for the test's duration.
func SetSearchCandidatesForTest(t testing.TB, n int) {
	old := searchCandidates
	searchCandidates = n
	t.Cleanup(func() { searchCandidates = old })
}
