package statements

import (
	"strings"
	"testing"
)

// The class index must answer as the section maps do: every word of every section is in its own
// class, and a word is in no class whose section lacks it.
func TestClassIndexAgreesWithSections(t *testing.T) {
	l := builtin()
	if l.wordClasses.names == nil {
		t.Fatal("the class index holds no classes: the sections did not spread over the slots")
	}
	for name, words := range l.classes {
		if _, ok := l.wordClasses.class(name); !ok {
			t.Errorf("class %q is not in the index", name)
		}
		for w := range words {
			if !inClass(name, w) {
				t.Errorf("inClass(%q, %q) = false", name, w)
			}
		}
		for other, ows := range l.classes {
			for w := range ows {
				if !words[w] && inClass(name, w) {
					t.Errorf("inClass(%q, %q) = true; the word is only in %q", name, w, other)
				}
			}
		}
	}
	for _, name := range []string{"", "x", "no_such_class", "cues "} {
		if inClass(name, "said") {
			t.Errorf("inClass(%q, \"said\") = true for a name that is no section", name)
		}
	}
}

// A token answers class questions from the index entry tokenize looked up for it, and a
// wordClass handle from the bit found once: both must answer as inClass does on the word, for
// every section, for the words of every section (in any case) and the tokens of the test texts.
func TestTokenClassesAgreeWithInClass(t *testing.T) {
	l := builtin()
	var text strings.Builder
	for name, words := range l.classes {
		text.WriteString(name + " ")
		for w := range words {
			text.WriteString(w + " " + strings.ToUpper(w) + ", ")
		}
	}
	for _, c := range devSet {
		text.WriteString(c.body + " ")
	}
	text.WriteString(seed + " “Quoted,” he said. — «Цитата»")
	toks := tokenize(text.String(), 0, text.Len(), nil)
	handles := []*wordClass{cParticipleOpeners, cMeansOpeners, cSpeechParticiples, cSpeechActs, cProgressiveAux, cArticles,
		cContrastConjunctions, cDocumentWords, cSubordinators, cClauseJoiners, cComplementizers, cFiniteMarkers, cVerbForms}
	for _, tok := range append(toks, token{kind: tQuote}, token{kind: tWord, text: "said", low: "said"}) {
		if tok.cls == 0 && tok.text != "said" && tok.kind != tQuote {
			t.Fatalf("tokenize left %q without its class entry", tok.text)
		}
		for name := range l.classes {
			if got, want := tok.inClass(name), inClass(name, tok.low); got != want {
				t.Fatalf("token %q inClass(%q) = %v, want %v", tok.text, name, got, want)
			}
		}
		for _, c := range handles {
			if c.bit() < 0 {
				t.Fatalf("handle %q names no section of lists.txt", c.name)
			}
			if got, want := tok.in(c), inClass(c.name, tok.low); got != want {
				t.Fatalf("token %q in(%s) = %v, want %v", tok.text, c.name, got, want)
			}
			if got, want := c.has(tok.low), inClass(c.name, tok.low); got != want {
				t.Fatalf("%s.has(%q) = %v, want %v", c.name, tok.low, got, want)
			}
		}
	}
}
