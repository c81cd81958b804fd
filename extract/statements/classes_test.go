package statements

import "testing"

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
