package statements

import "testing"

// Quotations with no cue of their own. Sentences written for the test.

// A quotation that a document "reads" is the document's text, not the last speaker's words, and
// neither is more of it in the same paragraph.
func TestDocumentReadsIsNoStatement(t *testing.T) {
	body := "Senator Jane Holloway said the treaty was in trouble.\n\n" +
		"Forty former officials signed an open letter to the committee. \"The inspections have to resume before the next review,\" the letter reads. \"Without them the treaty is words on paper.\"\n\n" +
		"\"We need the inspectors back,\" read the statement issued on Monday."
	check(t, body,
		want{"reported", "the treaty was in trouble", "Jane Holloway"},
	)
}

// The same quotation with a verb of speaking stays a statement.
func TestDocumentSaysIsStatement(t *testing.T) {
	body := "Senator Jane Holloway said the treaty was in trouble.\n\n" +
		"\"The inspections have to resume before the next review,\" the senator said. \"Without them the treaty is words on paper.\""
	check(t, body,
		want{"reported", "the treaty was in trouble", "Jane Holloway"},
		want{"direct", "The inspections have to resume before the next review Without them the treaty is words on paper.", "Jane Holloway"},
	)
}

// A quotation that ends with "?" or "!" keeps its attribution when circumstances follow the
// verb: the capital after the closing mark opens no new sentence.
func TestQuestionQuoteKeepsAttribution(t *testing.T) {
	body := "Senator Jane Holloway spoke in Vienna on Friday.\n\n" +
		"\"Who will verify the cuts now?\" Holloway asked during a panel on the treaty. \"Nobody can.\"\n\n" +
		"\"This vote is a disgrace!\" Tom Barker said in response to the vote."
	check(t, body,
		want{"direct", "Who will verify the cuts now? Nobody can.", "Jane Holloway"},
		want{"direct", "This vote is a disgrace!", "Tom Barker"},
	)
}

// A straight double mark after a space closes the quotation when a single mark closes a nested
// one just before it ("… 'inner,' " Magel said"), so the attribution after it is found.
func TestSpacedClosingAfterNestedQuote(t *testing.T) {
	body := "Senator Jane Holloway spoke in Vienna on Friday.\n\n" +
		"\"They read one line and call it, 'the end of arms control,' \" Tom Barker said at the meeting."
	check(t, body,
		want{"direct", "They read one line and call it, 'the end of arms control,'", "Tom Barker"},
	)
}
