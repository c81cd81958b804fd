package statements

import "testing"

// False statements and speaker forms met in real news (PolNeAR train). Sentences written for
// the test.

func TestEvidenceCuesAreNoSpeech(t *testing.T) {
	// a finding, an estimate or a referent is no statement; a quotation closed by "concluded" is
	body := "The review took a year.\n\n" +
		"The audit found that the agency had overspent by a third. Analysts estimated the cost at two billion.\n\n" +
		"\"The plan will work,\" Mayor Lin Oduya said, referring to the bridge project. \"We will finish on time,\" Oduya concluded."
	check(t, body,
		want{"direct", "The plan will work", "Lin Oduya"},
		want{"direct", "We will finish on time", "Lin Oduya"},
	)
}
