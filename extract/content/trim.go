package content

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed boilerplate.txt
var boilerplateFile string

type boilerplate struct {
	tail, line []string
}

// boilerplatePhrases parses boilerplate.txt once, on first use.
var boilerplatePhrases = sync.OnceValue(func() boilerplate {
	var b boilerplate
	for _, l := range strings.Split(boilerplateFile, "\n") {
		kind, phrase, ok := strings.Cut(strings.TrimSpace(l), " ")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		phrase = strings.ToLower(strings.TrimSpace(phrase))
		switch kind {
		case "tail":
			b.tail = append(b.tail, phrase)
		case "line":
			b.line = append(b.line, phrase)
		}
	}
	return b
})

// trimBoilerplate drops caption, credit and notice lines and cuts the related-links / comments /
// sharing section that follows the article, which extractors often take along.
func trimBoilerplate(paras []string) []string {
	b := boilerplatePhrases()
	total := textLen(paras)
	seen := 0
	out := paras[:0:0]
	for i, p := range paras {
		n := utf8.RuneCountInString(p)
		key := phraseKey(p)
		if n <= 60 && matchTail(key, b.tail) {
			if i >= 2 && seen >= total/2 {
				break // the article is over
			}
			seen += n
			continue // a related-links heading inside the page: drop the heading alone
		}
		seen += n
		if n <= 100 && matchPrefix(key, b.line) || n <= 200 && inlineLink(key, b.tail) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// phraseKey lowercases a paragraph and drops trailing punctuation, counts and arrows
// ("Kommentare (3) »" -> "kommentare").
func phraseKey(p string) string {
	p = strings.ReplaceAll(strings.ToLower(strings.TrimSpace(p)), "\u00a0", " ")
	p = strings.ReplaceAll(p, " :", ":")
	return strings.TrimRightFunc(p, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsDigit(r) || unicode.IsSpace(r) || unicode.IsSymbol(r) || r == '\u00a0'
	})
}

// matchTail: the paragraph is the phrase, or the phrase followed by a few words ("Mehr zum Thema
// Energie").
func matchTail(key string, phrases []string) bool {
	for _, ph := range phrases {
		if key == ph || followedBy(key, ph, ' ') && len(key) <= len(ph)+25 ||
			len(ph) >= 12 && len(key) <= 60 && strings.Contains(key, ph) {
			return true
		}
	}
	return false
}

// followedBy is strings.HasPrefix(key, ph+string(c)) without building the string: it is asked
// for every phrase of every paragraph.
func followedBy(key, ph string, c byte) bool {
	return len(key) > len(ph) && key[len(ph)] == c && strings.HasPrefix(key, ph)
}

func matchPrefix(key string, phrases []string) bool {
	for _, ph := range phrases {
		if strings.HasPrefix(key, strings.TrimRight(ph, " ")) {
			rest := key[len(strings.TrimRight(ph, " ")):]
			// a whole word: "anzeige" must not match "anzeigen sie ..."
			if rest == "" || !unicode.IsLetter(firstRune(rest)) || strings.HasSuffix(ph, ":") || strings.HasSuffix(ph, ".") {
				return true
			}
		}
	}
	return false
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// inlineLink: "Read also: <headline>" inside the article, a link to another one.
func inlineLink(key string, tail []string) bool {
	for _, ph := range tail {
		if followedBy(key, ph, ':') {
			return true
		}
	}
	return false
}

// dropSeparators removes separator paragraphs: "* * *", "# # #", "-----".
func dropSeparators(paras []string) []string {
	out := paras[:0:0]
	for _, p := range paras {
		if strings.Trim(p, "*#-_~•·=+. \u00a0") != "" {
			out = append(out, p)
		}
	}
	return out
}
