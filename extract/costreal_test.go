package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/statements"
)

// realTexts reads the plain-text inputs of the real labelled sets (PolNeAR dev, statements-real,
// figures-real: 148 news items and figure texts) from ../shared/corpus; it skips without them.
func realTexts(b *testing.B) []string {
	var texts []string
	for _, set := range []string{"polnear/dev", "statements-real", "figures-real"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", set, "*.txt"))
		for _, p := range paths {
			raw, err := os.ReadFile(p)
			if err != nil {
				b.Fatalf("read %s: %v", p, err)
			}
			texts = append(texts, string(raw))
		}
	}
	if len(texts) == 0 {
		b.Skip("../shared/corpus not available")
	}
	return texts
}

// BenchmarkStatementsAndFiguresReal is issue 14's cost measure: statements and figures of each
// real labelled text, one op being the whole set (divide by the texts for a page's cost).
func BenchmarkStatementsAndFiguresReal(b *testing.B) {
	texts := realTexts(b)
	lex := lexicon.Default()
	for _, t := range texts { // lists and tables are built before the timing
		statements.Extract(t, statements.Options{})
		figures.Extract(t, lex)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			statements.Extract(t, statements.Options{})
			figures.Extract(t, lex)
		}
	}
	b.ReportMetric(float64(len(texts)), "texts/op") // after ResetTimer, which drops metrics
}
