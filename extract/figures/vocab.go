package figures

import (
	"bytes"
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"

	"github.com/armswatch/armswatch/extract/lang"
	"github.com/armswatch/armswatch/extract/lexicon"
)

type valued struct {
	Value float64  `toml:"value"`
	Words []string `toml:"words"`
}

// vocabFile is data/vocab.toml.
type vocabFile struct {
	Fillers         []string          `toml:"fillers"`
	Modifiers       []string          `toml:"modifiers"`
	ArticleTriggers []string          `toml:"article_triggers"`
	Articles        []string          `toml:"articles"`
	Labels          []string          `toml:"labels"`
	AfterDate       []string          `toml:"after_date"`
	LengthLeads     []string          `toml:"length_leads"`
	Determiners     []string          `toml:"determiners"`
	ChangeVerbs     []string          `toml:"change_verbs"`
	RangeTo         []string          `toml:"range_to"`
	RangeAnd        []string          `toml:"range_and"`
	RangeOpen       []string          `toml:"range_open"`
	ListJoins       []string          `toml:"list_joins"`
	BareFollowers   []string          `toml:"bare_followers"`
	LimitWords      []string          `toml:"limit_words"`
	QuantityVerbs   []string          `toml:"quantity_verbs"`
	Circumstances   []string          `toml:"circumstances"`
	Compared        []string          `toml:"compared"`
	Negations       []string          `toml:"negations"`
	ListLeads       []string          `toml:"list_leads"`
	Bullets         []string          `toml:"bullets"`
	CarriedOn       []string          `toml:"carried_on"`
	TreatyWords     []string          `toml:"treaty_words"`
	RatioWords      []string          `toml:"ratio_words"`
	RatioFollowers  []string          `toml:"ratio_followers"`
	RatioLeads      []string          `toml:"ratio_leads"`
	Times           []valued          `toml:"times"`
	Implied         []impliedEntry    `toml:"implied"`
	Unit            []unitEntry       `toml:"unit"`
	Comparator      []cmpEntry        `toml:"comparator"`
	Cue             []cueEntry        `toml:"cue"`
	TreatyUnit      []treatyUnitEntry `toml:"treaty_unit"`
	Number          []valued          `toml:"number"`
	Scale           []valued          `toml:"scale"`
	Fraction        []valued          `toml:"fraction"`
	Ordinal         []valued          `toml:"ordinal"`
	Symbols         map[string]string `toml:"symbols"`
	Counters        counters          `toml:"counters"`
}

type impliedEntry struct {
	Unit     string   `toml:"unit"`
	Category string   `toml:"category"`
	Phrases  []string `toml:"phrases"`
}

type unitEntry struct {
	ID       string   `toml:"id"`
	Category string   `toml:"category"`
	Before   bool     `toml:"before"`
	Phrases  []string `toml:"phrases"`
}

type cmpEntry struct {
	Op      string   `toml:"op"`
	Suffix  bool     `toml:"suffix"`
	Phrases []string `toml:"phrases"`
}

type cueEntry struct {
	Category string   `toml:"category"`
	Sentence bool     `toml:"sentence"`
	Units    []string `toml:"units"`
	Phrases  []string `toml:"phrases"`
}

type treatyUnitEntry struct {
	Treaty   string `toml:"treaty"`
	Unit     string `toml:"unit"`
	Category string `toml:"category"`
}

type counters struct {
	Words []string `toml:"words"`
}

//go:embed data/words.txt
var wordsFile string

// wordSets are the single words of data/words.txt, matched lowercase without stemming, and the
// word endings that make a word look like an adjective.
type wordSets struct {
	more, counters, including, periodic, per, ordinalSuffix, ordinalRU, singularRU map[string]bool
	adjectiveEnds, adjectiveEndsRU                                                 []string
}

// compileWords reads data/words.txt (with the vocabulary, on first use).
func compileWords(src string) wordSets {
	sec := lang.Sections(src)
	words := func(name string) []string { return strings.Fields(strings.Join(sec[name], " ")) }
	return wordSets{more: lang.Set(sec["more"]), counters: lang.Set(sec["counters"]), including: lang.Set(sec["including"]),
		periodic: lang.Set(sec["periodic"]), per: lang.Set(sec["per"]), ordinalSuffix: lang.Set(sec["ordinal_suffixes"]),
		ordinalRU: lang.Set(sec["ordinal_endings_ru"]), singularRU: lang.Set(sec["singular_ru"]),
		adjectiveEnds: words("adjective_endings"), adjectiveEndsRU: words("adjective_endings_ru")}
}

// unitDef is a unit entry: the unit id and the category it gives by default.
type unitDef struct {
	id, category string
	before       bool // stands before the number (Mach 10)
	keep         bool // the category is settled (copied from a listed figure)
	bare         bool // taken from an earlier figure
}

type cueDef struct {
	category string
	sentence bool // the cue counts anywhere in the sentence
	units    map[string]bool
}

type cmpDef struct {
	op     string
	suffix bool
}

// vocab is the compiled vocabulary: one phrase set whose keys say what each phrase is.
type vocab struct {
	phrases *lexicon.Phrases
	units   []unitDef
	implied []unitDef // nouns that imply a counted thing ("the arsenal reached 600")
	cmps    []cmpDef
	cues    []cueDef
	symbols map[string]string
	bullets []string // marks that open a list item ("—", "•")
	words   wordSets
	// treatyUnits gives a unit counted under a treaty its category there: treaty, then unit
	treatyUnits map[string]map[string]string
}

// Phrase keys: a kind letter and, for units, comparators, cues and number words, an index or value.
const (
	kUnit       = "u:"
	kCmp        = "c:"
	kCue        = "q:"
	kNum        = "n:"
	kScale      = "s:"
	kFrac       = "f:"
	kOrd        = "o:"
	kFill       = "fill"
	kMod        = "mod"
	kTrig       = "trig"
	kArt        = "art"
	kMonth      = "month"
	kLabel      = "label"
	kAfter      = "after"
	kLength     = "length"
	kDet        = "det"
	kChange     = "chg"
	kRangeTo    = "rto"
	kRangeAnd   = "rand"
	kOpen       = "ropen"
	kJoin       = "join"
	kBare       = "bare"
	kLimit      = "limit"
	kCounter    = "counter"
	kQVerb      = "qverb"
	kCirc       = "circ"
	kCompared   = "cmpd"
	kTimes      = "x:"
	kImplied    = "i:"
	kNeg        = "neg"
	kLead       = "lead"
	kOn         = "on"
	kTreatyWord = "treaty"
	kRatio      = "ratio"
	kRatioNext  = "rnext"
	kRatioLead  = "rlead"
)

//go:generate go test . -run ^TestGenerated$ -update

// loadVocab compiles the built-in vocabulary: data/vocab.toml as generated.go holds it, so that
// a one-shot command does not decode TOML (`go generate ./extract/...` rewrites it; TestGenerated
// fails when it is stale).
var loadVocab = sync.OnceValues(func() (*vocab, error) { return compileVocab(builtinVocab) })

func mustVocab() *vocab {
	v, err := loadVocab()
	if err != nil {
		panic(fmt.Sprintf("figures: built-in vocabulary: %v", err))
	}
	return v
}

// monthPhrases are the month names of the shared word classes (extract/lang) as phrases: the
// English ones of four letters or fewer ("May", "Sept", "Jan") only capitalised, so that "may"
// stays a verb; forms with a period are the same words, the period being an item of its own.
func monthPhrases() []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range lang.MonthForms() {
		w = strings.TrimSuffix(w, ".")
		if seen[w] {
			continue
		}
		seen[w] = true
		if r, n := utf8.DecodeRuneInString(w); !unicode.Is(unicode.Cyrillic, r) {
			if w = string(unicode.ToUpper(r)) + w[n:]; utf8.RuneCountInString(w) <= 4 {
				w += " (cs)"
			}
		}
		out = append(out, w)
	}
	sort.Strings(out) // the phrase trie does not care, but a stable order keeps errors stable
	return out
}

// decodeVocab reads data/vocab.toml.
func decodeVocab(raw []byte) (*vocabFile, error) {
	var f vocabFile
	if err := toml.NewDecoder(bytes.NewReader(raw)).DisallowUnknownFields().Decode(&f); err != nil {
		return nil, fmt.Errorf("data/vocab.toml: %w", err)
	}
	return &f, nil
}

func compileVocab(f *vocabFile) (*vocab, error) {
	cats := map[string]bool{}
	for _, c := range lexicon.Default().Categories {
		cats[c.ID] = true
	}
	v := &vocab{symbols: f.Symbols, bullets: f.Bullets, words: compileWords(wordsFile)}
	keys := map[string][]string{}
	for i, u := range f.Unit {
		if !cats[u.Category] {
			return nil, fmt.Errorf("data/vocab.toml: unit[%d] %q: unknown category %q", i, u.ID, u.Category)
		}
		v.units = append(v.units, unitDef{id: u.ID, category: u.Category, before: u.Before})
		keys[kUnit+strconv.Itoa(i)] = u.Phrases
	}
	for i, c := range f.Comparator {
		v.cmps = append(v.cmps, cmpDef{op: c.Op, suffix: c.Suffix})
		keys[kCmp+strconv.Itoa(i)] = c.Phrases
	}
	for i, c := range f.Cue {
		if !cats[c.Category] {
			return nil, fmt.Errorf("data/vocab.toml: cue[%d]: unknown category %q", i, c.Category)
		}
		d := cueDef{category: c.Category, sentence: c.Sentence, units: map[string]bool{}}
		for _, u := range c.Units {
			d.units[u] = true
		}
		v.cues = append(v.cues, d)
		keys[kCue+strconv.Itoa(i)] = c.Phrases
	}
	v.treatyUnits = map[string]map[string]string{}
	for i, t := range f.TreatyUnit {
		if !cats[t.Category] {
			return nil, fmt.Errorf("data/vocab.toml: treaty_unit[%d]: unknown category %q", i, t.Category)
		}
		if v.treatyUnits[t.Treaty] == nil {
			v.treatyUnits[t.Treaty] = map[string]string{}
		}
		v.treatyUnits[t.Treaty][t.Unit] = t.Category
	}
	for i, m := range f.Implied {
		if !cats[m.Category] {
			return nil, fmt.Errorf("data/vocab.toml: implied[%d]: unknown category %q", i, m.Category)
		}
		v.implied = append(v.implied, unitDef{id: m.Unit, category: m.Category})
		keys[kImplied+strconv.Itoa(i)] = m.Phrases
	}
	for _, g := range []struct {
		k    string
		list []valued
	}{{kNum, f.Number}, {kScale, f.Scale}, {kFrac, f.Fraction}, {kOrd, f.Ordinal}, {kTimes, f.Times}} {
		for _, n := range g.list {
			k := g.k + strconv.FormatFloat(n.Value, 'g', -1, 64)
			keys[k] = append(keys[k], n.Words...)
		}
	}
	for k, list := range map[string][]string{kFill: f.Fillers, kMod: f.Modifiers, kTrig: f.ArticleTriggers, kArt: f.Articles,
		kMonth: monthPhrases(), kLabel: f.Labels, kAfter: f.AfterDate, kLength: f.LengthLeads, kDet: f.Determiners, kChange: f.ChangeVerbs,
		kRangeTo: f.RangeTo, kRangeAnd: f.RangeAnd, kOpen: f.RangeOpen, kJoin: f.ListJoins, kBare: f.BareFollowers, kLimit: append(f.LimitWords, f.ListLeads...), kCounter: f.Counters.Words,
		kQVerb: f.QuantityVerbs, kCirc: f.Circumstances, kCompared: f.Compared, kNeg: f.Negations, kLead: f.ListLeads, kOn: f.CarriedOn, kTreatyWord: f.TreatyWords,
		kRatio: f.RatioWords, kRatioNext: f.RatioFollowers, kRatioLead: f.RatioLeads} {
		keys[k] = list
	}
	p, err := lexicon.NewPhrases(keys)
	if err != nil {
		return nil, fmt.Errorf("data/vocab.toml: %w", err)
	}
	v.phrases = p
	return v, nil
}
