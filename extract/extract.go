// Package extract analyzes one article: HTML or plain text in, one Analysis out (the JSON
// contract of spec/extract-json.md). It does no I/O and keeps no mutable state: the page is parsed
// once and the parts (content, dates, statements, figures, mentions) share the result.
package extract

import (
	"fmt"
	"strings"
	"time"

	"github.com/armswatch/armswatch/extract/content"
	"github.com/armswatch/armswatch/extract/dates"
	"github.com/armswatch/armswatch/extract/figures"
	"github.com/armswatch/armswatch/extract/lexicon"
	"github.com/armswatch/armswatch/extract/mentions"
	"github.com/armswatch/armswatch/extract/pubdate"
	"github.com/armswatch/armswatch/extract/statements"
	"github.com/armswatch/armswatch/extract/textutil"
)

// Version is the version of the analysis rules, stored with each article so that reextract knows
// which rows are stale. Bump it whenever a change alters any analyzer's output.
const Version = "0.2.0"

// Type aliases let users of extract name the parts without importing each sub-package.
type (
	Date     = dates.Date
	Dateline = dates.Dateline
	Mention  = mentions.Mention
)

// Analysis is the result of analyzing one article: the JSON contract.
type Analysis struct {
	AnalyzerVersion string      `json:"analyzer_version"`
	Input           string      `json:"input"`
	URL             string      `json:"url"`
	CanonicalURL    string      `json:"canonical_url"`
	Source          string      `json:"source"`
	Profile         string      `json:"profile"`
	Title           string      `json:"title"`
	Subtitle        string      `json:"subtitle"`
	Authors         []string    `json:"authors"`
	Section         string      `json:"section"`
	Language        string      `json:"language"`
	Published       *Time       `json:"published"`
	Modified        *Time       `json:"modified"`
	Dateline        *Dateline   `json:"dateline"`
	Body            string      `json:"body"`
	Relevance       float64     `json:"relevance"`
	Statements      []Statement `json:"statements"`
	Dates           []Date      `json:"dates"`
	Figures         []Figure    `json:"figures"`
	Mentions        []Mention   `json:"mentions"`
	Warnings        []string    `json:"warnings"`
}

// Options describe the input and carry the user's additions to the built-in data.
type Options struct {
	Input             string              // the file name given, for the "input" key
	URL               string              // the page URL
	ContentType       string              // HTTP Content-Type, when fetched
	Published         time.Time           // publication time known from elsewhere (--published, a feed); zero if not
	PublishedDateOnly bool                // Published is a calendar date without a time of day
	Source            string              // source name from the config; "" uses the profile's or the host
	Profile           string              // profile to force; "" detects from the host
	Profiles          *content.ProfileSet // site profiles with the user's additions; nil = built-in
	Language          string              // ISO 639-1 code to assume when the page declares none (the source's)
	Lexicon           *lexicon.Lexicon
	Verbs             []string // reporting verbs added to the built-in list
}

// HTML analyzes a web page.
func HTML(page []byte, opt Options) (*Analysis, error) {
	c, err := content.Extract(content.Input{HTML: page, URL: opt.URL, ContentType: opt.ContentType, Profile: opt.Profile, Profiles: opt.Profiles})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	a := newAnalysis(opt)
	a.CanonicalURL = c.CanonicalURL
	a.Source, a.Profile = c.Source, c.Profile
	a.Title, a.Subtitle, a.Authors, a.Section, a.Language = c.Title, c.Subtitle, c.Authors, c.Section, c.Language
	if a.Language == "" {
		a.Language = opt.Language
	}
	a.Warnings = append(a.Warnings, c.Warnings...)
	published := c.Published
	if published.IsZero() && !opt.Published.IsZero() {
		published = opt.publishedStamp()
	}
	a.setTimes(published, c.Modified)
	a.Body = textutil.Join(c.Paragraphs)
	a.analyzeBody(opt, published.Time)
	return a, nil
}

// Text analyzes plain text: paragraphs separated by blank lines (transcripts, press releases).
func Text(text string, opt Options) *Analysis {
	a := newAnalysis(opt)
	a.Profile = "text"
	text = strings.ReplaceAll(text, "\r\n", "\n")
	a.Body = textutil.Join(strings.Split(text, "\n\n"))
	a.setTimes(opt.publishedStamp(), pubdate.Stamp{})
	a.analyzeBody(opt, opt.Published)
	return a
}

func (o Options) publishedStamp() pubdate.Stamp {
	return pubdate.Stamp{Time: o.Published, DateOnly: o.PublishedDateOnly}
}

func newAnalysis(opt Options) *Analysis {
	a := &Analysis{
		AnalyzerVersion: Version, Input: opt.Input, URL: opt.URL, CanonicalURL: opt.URL,
		Source: opt.Source, Authors: []string{}, Statements: []Statement{}, Dates: []Date{},
		Figures: []Figure{}, Mentions: []Mention{}, Warnings: []string{},
	}
	return a
}

func (a *Analysis) setTimes(published, modified pubdate.Stamp) {
	a.Published, a.Modified = timeOf(published), timeOf(modified)
}

// analyzeBody runs the text analyzers over a.Body.
func (a *Analysis) analyzeBody(opt Options, published time.Time) {
	if opt.Source != "" {
		a.Source = opt.Source
	}
	lex := opt.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	if a.Body == "" {
		if len(a.Warnings) == 0 {
			a.Warnings = append(a.Warnings, "no article body found")
		}
		return
	}
	a.Dateline = dates.FindDateline(a.Body, published)
	ref := published
	if a.Dateline != nil && a.Dateline.Date != nil {
		if d, err := time.Parse("2006-01-02", *a.Dateline.Date); err == nil {
			ref = d
		}
	}
	a.Dates = dates.Extract(a.Body, a.Dateline, ref)
	a.Statements = wrapStatements(statements.Extract(a.Body, statements.Options{Language: a.Language, ReportingVerbs: append(lex.ReportingVerbs, opt.Verbs...),
		Authors: a.Authors, Kind: a.Section}))
	a.Figures = wrapFigures(figures.Extract(a.Body, lex))
	var speakers []mentions.Speaker
	for _, s := range a.Statements {
		if s.Speaker != "" {
			speakers = append(speakers, mentions.Speaker{Name: s.Speaker, Kind: s.SpeakerKind})
		}
	}
	var skip [][2]int
	if a.Dateline != nil {
		skip = append(skip, [2]int{a.Dateline.Start, a.Dateline.End})
	}
	a.Mentions = mentions.Extract(a.Body, lex, mentions.Options{Speakers: speakers, Skip: skip})
	a.Relevance = lex.Relevance(a.Body)
	a.Derive()
}
