package statements

import "testing"

// Archives of some newspapers write two apostrophes for a double quotation mark.
func TestDoubledApostropheQuotes(t *testing.T) {
	body := "The talks ended without a deal.\n\n" +
		"''We are not going to sign anything this year,'' said Maria Lind, a spokeswoman for the ministry. ''The inspectors' report comes first.''"
	check(t, body,
		want{"direct", "We are not going to sign anything this year The inspectors' report comes first.", "Maria Lind"},
	)
}
