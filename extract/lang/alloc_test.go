package lang

import "testing"

// TestLookupAllocates: the word classes are read without allocating, whatever the case.
func TestLookupAllocates(t *testing.T) {
	words() // parse first
	if n := testing.AllocsPerRun(100, func() {
		_ = Weekday("Friday") + Month("Сентября") + Month("Sept.")
		_ = Abbreviation("Gen") || Leading("MR")
	}); n != 0 {
		t.Errorf("%v allocations per lookup round, want 0", n)
	}
}
