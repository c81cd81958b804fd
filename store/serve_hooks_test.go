package store

// SetIndexPlanMaxForTest sets the match count above which lists walk the articles newest first,
// so tests can compare both plans on the same data; it returns the function that restores it.
func SetIndexPlanMaxForTest(n int) (restore func()) {
	old := indexPlanMax
	indexPlanMax = n
	return func() { indexPlanMax = old }
}
