package extract

import (
	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/statements"
)

// Statement is a statement of the text with the treaty it is about: the statement analyzer
// finds the words and the speaker, the treaty comes from the article's mentions (treaty.go).
type Statement struct {
	statements.Statement
	Treaty string `json:"treaty"` // lexicon id of the treaty the statement is about, or ""
}

// Figure is a treaty figure with the sentence it is quoted in (sentence.go), the context that
// exports and the digest show beside the number.
type Figure struct {
	figures.Figure
	Sentence      string `json:"sentence"`       // the sentence of the body that holds the figure
	SentenceStart int    `json:"sentence_start"` // its byte range in body
	SentenceEnd   int    `json:"sentence_end"`
}

func wrapStatements(ss []statements.Statement) []Statement {
	out := make([]Statement, len(ss))
	for i, s := range ss {
		out[i].Statement = s
	}
	return out
}

func wrapFigures(fs []figures.Figure) []Figure {
	out := make([]Figure, len(fs))
	for i, f := range fs {
		out[i].Figure = f
	}
	return out
}

// Derive fills the values that follow from the rest of the analysis: each statement's treaty
// (from the mentions) and each figure's sentence (from the body). The analyzer calls it last;
// code that builds an Analysis by hand (tests, imports) calls it before saving.
func (a *Analysis) Derive() {
	treaties := statementTreaties(a)
	for i := range a.Statements {
		a.Statements[i].Treaty = treaties[i]
	}
	for i := range a.Figures {
		f := &a.Figures[i]
		f.SentenceStart, f.SentenceEnd = SentenceSpan(a.Body, f.Start, f.End)
		f.Sentence = a.Body[f.SentenceStart:f.SentenceEnd]
	}
}
