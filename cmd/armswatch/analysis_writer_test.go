package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/armswatch/armswatch/extract"
)

// encoderOutput is what extract printed before analysisWriter: json.Encoder's.
func encoderOutput(t *testing.T, a *extract.Analysis, indent bool) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	for range 2 { // twice: a writer's second analysis must not depend on its first
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

func writerOutput(t *testing.T, a *extract.Analysis, indent bool) []byte {
	t.Helper()
	var b bytes.Buffer
	w := newAnalysisWriter(&b, indent)
	for range 2 {
		if err := w.Write(a); err != nil {
			t.Fatal(err)
		}
	}
	return b.Bytes()
}

// oddStrings are what JSON encoders disagree on: HTML characters (not escaped here), the line
// and paragraph separators (escaped), control characters and invalid UTF-8 (replaced).
const oddStrings = "<b>R&D</b> \u2028line\u2029para\x01\t\"q\" \\ \xff\xfe \xe2\x82 end"

func TestAnalysisWriterMatchesEncoder(t *testing.T) {
	var cases []*extract.Analysis
	pages, _ := filepath.Glob("../../demo/site/articles/*.html")
	gold, _ := filepath.Glob("../../testdata/gold/*.html")
	pages = append(pages, gold...)
	if len(pages) < 10 {
		t.Fatalf("only %d test pages found", len(pages))
	}
	for _, p := range pages[:min(len(pages), 12)] {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := extract.HTML(data, extract.Options{URL: "https://tass.com/politics/1", Input: p})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		cases = append(cases, a)
	}
	rich := 0
	for _, a := range cases {
		if len(a.Statements) > 0 && len(a.Figures) > 0 && len(a.Mentions) > 0 && len(a.Dates) > 0 && a.Published != nil {
			rich++
		}
	}
	if rich == 0 {
		t.Fatal("no test page has statements, figures, mentions, dates and a publication time")
	}
	// odd strings in top-level and nested fields
	odd := *cases[0]
	odd.Title, odd.Body = oddStrings, oddStrings+"\n\n"+odd.Body
	odd.Authors = []string{oddStrings, ""}
	st := extract.Statement{Treaty: "<new_start>"}
	st.Text, st.Speaker = oddStrings, "<Putin>"
	odd.Statements = append([]extract.Statement{st}, odd.Statements...)
	odd.Warnings = []string{oddStrings}
	cases = append(cases, &odd,
		&extract.Analysis{}, // nil lists and times: null
		&extract.Analysis{Authors: []string{}, Statements: []extract.Statement{}, Warnings: []string{}}, // empty lists: []
		&extract.Analysis{Relevance: 1e21, Statements: make([]extract.Statement, 1)})
	for i, a := range cases {
		for _, indent := range []bool{true, false} {
			want, got := encoderOutput(t, a, indent), writerOutput(t, a, indent)
			if !bytes.Equal(got, want) {
				k := 0
				for k < min(len(got), len(want)) && got[k] == want[k] {
					k++
				}
				t.Errorf("case %d (%s), indent %v: differs at byte %d: got %q, want %q", i, a.Input, indent, k,
					got[max(0, k-40):min(len(got), k+40)], want[max(0, k-40):min(len(want), k+40)])
			}
		}
	}
}
