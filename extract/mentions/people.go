package mentions

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/lexicon"
)

// person is someone outside the lexicon (or inside it, under another spelling) whose name and
// surname are searched for in the body.
type person struct {
	id, name string
	forms    []string // full name, then surname
}

// people adds the persons the lexicon does not know: the statements' speakers and names that
// follow a title ("Press Secretary Karoline Leavitt"), then every later use of their surnames.
// roles are the body's role titles (lex.FindRoles).
func people(c *collector, lex *lexicon.Lexicon, speakers []Speaker, roles []lexicon.Match) {
	var ps []person
	done := map[string]bool{} // one person speaks many times: resolve (a lexicon search) each name once
	for _, s := range speakers {
		if (s.Kind == "person" || s.Kind == "") && !done[s.Name] {
			done[s.Name] = true
			if p, ok := resolve(lex, s.Name, false); ok {
				ps = append(ps, p)
			}
		}
	}
	for _, r := range roles {
		for _, nm := range [][2]int{nameAfter(c.body, r.End), nameBefore(c.body, r.Start)} {
			name := c.body[nm[0]:nm[1]]
			if name == "" || !c.free(nm[0], nm[1]) {
				continue
			}
			if p, ok := resolve(lex, name, nm[0] >= r.End); ok {
				c.add(Mention{Type: "person", ID: p.id, Name: p.name, Text: name, Start: nm[0], End: nm[1]})
				ps = append(ps, p)
			}
		}
	}
	seen := map[string]bool{}
	for _, p := range ps {
		// One person speaks many times; search the body for each name form once.
		key := p.id + "\x00" + strings.Join(p.forms, "\x00")
		if seen[key] {
			continue
		}
		seen[key] = true
		for _, f := range p.forms {
			for _, at := range wordIndexes(c.body, f) {
				c.add(Mention{Type: "person", ID: p.id, Name: p.name, Text: f, Start: at, End: at + len(f)})
			}
		}
	}
}

// resolve gives a name its lexicon identity when an alias matches it whole, else a slug. Names
// that are lexicon entities of another class (a country, an organisation) are not people.
func resolve(lex *lexicon.Lexicon, name string, titled bool) (person, bool) {
	name = strings.TrimSpace(name)
	words := strings.Fields(name)
	if len(words) == 0 || !upper(words[len(words)-1]) {
		return person{}, false
	}
	ms := lex.Find(name, 0)
	if len(ms) > 0 && ms[0].Class != "person" || len(ms) == 0 && len(lex.FindRoles(name)) > 0 {
		return person{}, false // a place, an organisation, or a title ("Mr President")
	}
	p := person{id: Slug(name), name: name, forms: []string{name}}
	if len(ms) == 1 && ms[0].Class == "person" {
		p.id, p.name = ms[0].Entry.ID, ms[0].Entry.Name
	} else if len(ms) > 0 || len(words) < 2 && !titled {
		return person{}, false // one unknown word is not enough to call it a person
	}
	if len(words) > 1 {
		p.forms = append(p.forms, words[len(words)-1])
	}
	return p, true
}

// nameAfter reads the capitalised name right after a title: one to three words ("Peskov",
// "Dmitry Peskov", "Robert O'Brien"), on the same line.
func nameAfter(body string, i int) [2]int {
	rest := body[i:]
	trimmed := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(rest, ","), "."), " \u00a0") // "Sipri's director, Dan Smith,", "Dr. Jane Doe"
	if len(trimmed) == len(rest) || len(trimmed) == 0 {
		return [2]int{}
	}
	start := i + len(rest) - len(trimmed)
	words := capitalRun(trimmed)
	if len(words) > 0 && !upper(words[0].w) {
		// the title goes on ("Under Secretary of Defense for Acquisition and Sustainment William
		// LaPlante"): the name is the last two words of the run
		words = words[len(words)-min(len(words), 2):]
	} else {
		// the name comes at once ("Do Hung Viet of Vietnam"): up to the first link word
		for k, w := range words {
			if !upper(w.w) && !strings.HasSuffix(w.w, ".") || k == 3 {
				words = words[:k]
				break
			}
		}
	}
	for len(words) > 0 && !upper(words[0].w) {
		words = words[1:]
	}
	if len(words) == 0 {
		return [2]int{}
	}
	s, e := words[0].at, words[len(words)-1].at+len(words[len(words)-1].w)
	return [2]int{start + s, start + e}
}

// nameBefore reads a name set off before a title: "Daryl Kimball, executive director of the Arms
// Control Association". It needs two or three capitalised words.
func nameBefore(body string, i int) [2]int {
	s := strings.TrimSuffix(strings.TrimSuffix(body[:i], "the "), "a ")
	if !strings.HasSuffix(s, ", ") {
		return [2]int{}
	}
	end := len(s) - 2
	start, n := end, 0
	for n < 3 {
		w := wordBefore(s[:start])
		if w == "" || !upper(w) || stopName(w) {
			break
		}
		start -= len(w)
		n++
		if start == 0 || s[start-1] != ' ' {
			break
		}
		if prev := wordBefore(s[:start-1]); prev == "" || !upper(prev) || stopName(prev) {
			break
		}
		start--
	}
	if n < 2 {
		return [2]int{}
	}
	return [2]int{start, end}
}

type word struct {
	w  string
	at int
}

// capitalRun reads the words after a title up to the first word that is neither capitalised, an
// initial ("J."), nor a title link (of, for, and): "Antony J. Blinken", "of Defense for ...".
func capitalRun(s string) []word {
	var out []word
	for at := 0; at < len(s) && len(out) < 12; {
		w := wordAt(s[at:])
		switch {
		case w == "":
			return trimLinks(out)
		case upper(w) && !stopName(w):
		case len(w) == 1 && unicode.IsUpper(rune(w[0])) && strings.HasPrefix(s[at+1:], "."):
			w += "."
		case (w == "of" || w == "for" || w == "and") && len(out) > 0 || w == "of" || w == "for":
		default:
			return trimLinks(out)
		}
		out = append(out, word{w, at})
		at += len(w)
		if !strings.HasPrefix(s[at:], " ") {
			break
		}
		at++
	}
	return trimLinks(out)
}

// trimLinks drops trailing link words and leading ones.
func trimLinks(ws []word) []word {
	for len(ws) > 0 && !upper(ws[len(ws)-1].w) {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// stopName tells a capitalised word that follows a title without being a name: a word of
// stopnames.txt or a weekday ("Secretary Rubio on Monday").
func stopName(w string) bool { return stopNames()[w] || lang.Weekday(w) > 0 }

//go:embed stopnames.txt
var stopNamesFile string

// stopNames reads stopnames.txt on first use: words separated by white space, case kept.
var stopNames = sync.OnceValue(func() map[string]bool { return lang.Set(lang.Sections(stopNamesFile)[""]) })

// wordAt returns the name-like word at the start of s: letters with inner hyphens or apostrophes.
func wordAt(s string) string {
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsLetter(r) {
			end += size
			continue
		}
		if (r == '-' || r == '\'' || r == '’') && end > 0 {
			if r2, _ := utf8.DecodeRuneInString(s[end+size:]); unicode.IsLetter(r2) {
				end += size
				continue
			}
		}
		break
	}
	return s[:end]
}

// upper tells a capitalised word with a lower-case letter after the first (not an acronym).
func upper(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || len(w) == size {
		return false
	}
	for _, r := range w[size:] {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// wordIndexes returns where s occurs in body as whole words.
func wordIndexes(body, s string) []int {
	var out []int
	for from := 0; ; {
		i := strings.Index(body[from:], s)
		if i < 0 {
			return out
		}
		at := from + i
		before, _ := utf8.DecodeLastRuneInString(body[:at])
		after, _ := utf8.DecodeRuneInString(body[at+len(s):])
		if (at == 0 || !unicode.IsLetter(before)) && (at+len(s) == len(body) || !unicode.IsLetter(after)) {
			out = append(out, at)
		}
		from = at + len(s)
	}
}

// organizations adds organisations that spoke (per the statements analyzer) and are neither in
// the lexicon nor a country: every occurrence of their name.
func organizations(c *collector, lex *lexicon.Lexicon, speakers []Speaker) {
	for _, s := range speakers {
		name := strings.TrimPrefix(strings.TrimPrefix(s.Name, "the "), "The ")
		if s.Kind != "organization" || !properName(name) || len(lex.Find(name, 0)) > 0 {
			continue
		}
		for _, at := range wordIndexes(c.body, name) {
			c.add(Mention{Type: "organization", ID: Slug(name), Name: name, Text: name, Start: at, End: at + len(name)})
		}
	}
}

// properName tells a name whose words are all capitalised, apart from links ("Federation of
// American Scientists"); "Stockholm institute" is a description.
func properName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || !upper(words[0]) && !lang.AllCaps(words[0]) {
		return false
	}
	for _, w := range words {
		if !upper(w) && !lang.AllCaps(w) && w != "of" && w != "for" && w != "and" && w != "the" && w != "on" {
			return false
		}
	}
	return true
}
