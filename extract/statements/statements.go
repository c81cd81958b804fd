// Package statements finds who said what in an article body: direct quotes, reported speech and
// transcript turns, each with its speaker resolved to the fullest name the article gives.
package statements

// Statement is one item of the contract's "statements" list.
type Statement struct {
	Kind        string   `json:"kind"` // direct, reported, transcript
	Text        string   `json:"text"`
	Speaker     string   `json:"speaker"`
	SpeakerRole string   `json:"speaker_role"`
	SpeakerKind string   `json:"speaker_kind"` // person, organization or ""
	Cue         string   `json:"cue"`
	Paragraph   int      `json:"paragraph"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Spans       [][2]int `json:"spans"`
}

// Options tune the extraction.
type Options struct {
	Language       string   // "en", "ru"
	ReportingVerbs []string // added to the built-in list
}

// Extract returns the statements of body (paragraphs joined by "\n\n").
func Extract(body string, opt Options) []Statement {
	return []Statement{}
}
