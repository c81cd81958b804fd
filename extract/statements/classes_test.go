package statements

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/armswatch/armswatch/extract/lang"
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
		cContrastConjunctions, cDocumentWords, cSubordinators, cClauseJoiners, cComplementizers, cFiniteMarkers, cVerbForms,
		cStopCaps, cModifiers, cTitles, cTimeWords, cAux, cRoleWords, cOrgHeads, cPronouns, cGroups}
	// the handles that stand for a map of the lists must hold its words
	maps := map[*wordClass]func(string) bool{
		cStopCaps: func(w string) bool { return l.stopCaps[w] }, cModifiers: func(w string) bool { return l.modifiers[w] },
		cTitles: func(w string) bool { return l.titles[w] }, cTimeWords: func(w string) bool { return l.timeWords[w] },
		cAux: func(w string) bool { return l.aux[w] }, cRoleWords: func(w string) bool { return l.roleWords[w] },
		cOrgHeads: func(w string) bool { return l.orgHeads[w] }, cGroups: func(w string) bool { return l.groups[w] },
		cPronouns: func(w string) bool { return l.he[w] || l.she[w] || l.it[w] || l.they[w] },
	}
	sets := []*phraseSet{l.cues, l.participles, l.according, l.citing, l.places, l.recipients, l.asides}
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
			if m, ok := maps[c]; ok && m(tok.low) != tok.in(c) {
				t.Fatalf("token %q in(%s) = %v, the map says %v", tok.text, c.name, tok.in(c), m(tok.low))
			}
			if tok.documentWord() != isDocumentWord(tok.low) {
				t.Fatalf("token %q documentWord() = %v, isDocumentWord says %v", tok.text, tok.documentWord(), isDocumentWord(tok.low))
			}
			if tok.roleWord() != isRoleWord(tok.low) {
				t.Fatalf("token %q roleWord() = %v, isRoleWord says %v", tok.text, tok.roleWord(), isRoleWord(tok.low))
			}
		}
	}
	// a phrase set turns a token away by the class bit of its first words only where its
	// map has no phrase for the word either
	for _, p := range sets {
		if p.ix == nil {
			t.Fatal("a built-in phrase set has no class of first words")
		}
		plain := &phraseSet{byFirst: p.byFirst}
		for i := range toks {
			if got, want := p.match(toks, i), plain.match(toks, i); got != want {
				t.Fatalf("token %q: match %d, want %d", toks[i].text, got, want)
			}
		}
	}
}

// possessorOfOffice cuts "’s" off a token ("the governor’s office" -> "the governor"): the
// shortened token must answer class questions for its new word, not the one tokenize saw.
func TestShortenedTokenClasses(t *testing.T) {
	for _, s := range []string{"the governor’s office", "the governor's office"} {
		np := possessorOfOffice(tokenize(s, 0, len(s), nil))
		last := np[len(np)-1]
		if last.low != "governor" || !last.roleWord() || !last.in(cRoleWords) {
			t.Errorf("%q: last token %q, role word %v", s, last.low, last.roleWord())
		}
	}
	s := "a New Jersey Watchdog report released by the governor’s office"
	if m := parseMention(tokenize(s, 0, len(s), nil), nil); m.kind != "person" || m.role != "New Jersey Watchdog report released by the governor" {
		t.Errorf("%q: %+v", s, m)
	}
}

// token.month answers from the class of lang's month forms what lang.Month says of the token's
// low: it relies on a low being lower case for good (lowering any rune twice gives what lowering
// it once does) and on the forms being lower-case months.
func TestTokenMonth(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if l := unicode.ToLower(r); unicode.ToLower(l) != l {
			t.Fatalf("lowering %U twice gives %U, once %U", r, unicode.ToLower(l), l)
		}
	}
	var text strings.Builder
	for _, f := range lang.MonthForms() {
		if f != strings.ToLower(f) || lang.Month(f) == 0 {
			t.Fatalf("month form %q: lower case %q, month %d", f, strings.ToLower(f), lang.Month(f))
		}
		r := []rune(f)
		text.WriteString(f + " " + strings.ToUpper(f) + ". " + string(unicode.ToUpper(r[0])) + string(r[1:]) + ", ")
	}
	text.WriteString(seed + " “May,” he said in Sept. Мая, МАЯ, 5 января.")
	toks := tokenize(text.String(), 0, text.Len(), nil)
	toks = append(toks, token{kind: tWord, text: "May", low: "may"}, token{kind: tPunct, text: ".", low: "."})
	for _, tk := range toks {
		if got, want := tk.month(), isMonth(tk.low); got != want {
			t.Errorf("token %q month() = %v, isMonth = %v", tk.text, got, want)
		}
	}
}

// The word lists, the class handles and the quotation word counts are shared or filled lazily:
// texts read at once from several goroutines must give what they give one at a time (run with
// -race alone, this test is the first to resolve the handles).
func TestConcurrentExtract(t *testing.T) {
	var bodies []string
	for _, c := range devSet {
		bodies = append(bodies, c.body)
	}
	bodies = append(bodies, seed)
	got := make([][][]Statement, 4)
	var wg sync.WaitGroup
	for g := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, b := range bodies {
				got[g] = append(got[g], Extract(b, Options{}))
			}
		}()
	}
	wg.Wait()
	for k, b := range bodies {
		want := Extract(b, Options{})
		for g := range got {
			if !reflect.DeepEqual(got[g][k], want) {
				t.Fatalf("goroutine %d, text %d: %d statements, want %d", g, k, len(got[g][k]), len(want))
			}
		}
	}
}

// entity.sex keeps its answer only while the role and the name it read stay.
func TestSexFollowsRoleAndName(t *testing.T) {
	e := &entity{name: "Jo Reyes", role: "spokesman", kind: "person"}
	for _, c := range []struct {
		role, name string
		want       byte
	}{{"spokesman", "Jo Reyes", 'm'}, {"spokeswoman", "Jo Reyes", 'f'}, {"official", "Jo Reyes", 0}, {"official", "Anna Petrova", 'f'}} {
		e.role, e.name = c.role, c.name
		if got := e.sex(); got != c.want {
			t.Errorf("%s %s: sex %q, want %q", c.role, c.name, got, c.want)
		}
	}
}
