// Package extract analyzes one article: HTML or plain text in, one Analysis out (the JSON
// contract of spec/extract-json.md). It does no I/O and keeps no mutable state: the page is parsed
// once and the parts (content, dates, statements, figures, mentions) share the result.
package extract

import (
	"context"
	"errors"
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
const Version = "0.3.11"

// ErrStopped is in the error of an analysis that its context stopped (deadline, SIGTERM).
var ErrStopped = errors.New("analysis stopped")

// ErrNotText is in the error for input that is no page to analyze (a PDF, an image, gzip);
// the error is a *NotTextError that names the detected type: "skipped: application/pdf ...".
var ErrNotText = content.ErrNotText

// NotTextError says what the refused input is (Type, a MIME type).
type NotTextError = content.NotTextError

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
	Lexicon           *lexicon.Lexicon    // built-in data with the user's additions (reporting verbs too); nil = built-in

	stageTime func(stage string, d time.Duration) // tests: the time of each analyzer stage
}

// HTML analyzes a web page. It is HTMLContext without a deadline.
func HTML(page []byte, opt Options) (*Analysis, error) {
	return HTMLContext(context.Background(), page, opt)
}

// HTMLContext analyzes a web page until ctx is done (a per-page deadline, a SIGTERM).
//
// Errors: a page that is not HTML or text (a PDF, an image, gzip) gives a *NotTextError
// (errors.Is(err, ErrNotText)) and a nil Analysis. A page whose analysis ctx stopped gives the
// Analysis found so far, valid but partial, with a warning saying so, and an error that
// errors.Is ErrStopped and ctx.Err(): record the error, or keep the partial Analysis.
func HTMLContext(ctx context.Context, page []byte, opt Options) (*Analysis, error) {
	if err := content.Sniff(page); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	start := time.Now()
	c, err := content.Extract(content.Input{HTML: page, URL: opt.URL, ContentType: opt.ContentType, Profile: opt.Profile, Profiles: opt.Profiles})
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	if opt.stageTime != nil {
		opt.stageTime("content", time.Since(start))
	}
	a := newAnalysis(opt)
	a.CanonicalURL = c.CanonicalURL
	a.Source, a.Profile = c.Source, c.Profile
	a.Title, a.Subtitle, a.Section, a.Language = c.Title, c.Subtitle, c.Section, c.Language
	a.Authors = append(a.Authors, c.Authors...)
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
	a.sanitize()
	return a, a.analyzeBody(ctx, start, opt, published.Time)
}

// Text analyzes plain text: paragraphs separated by blank lines (transcripts, press releases).
// It is TextContext without a deadline, for text known to be text.
func Text(text string, opt Options) *Analysis {
	a, _ := analyzeText(context.Background(), text, opt)
	return a
}

// TextContext analyzes plain text until ctx is done. Its errors are those of HTMLContext: binary
// input gives a *NotTextError, a stopped analysis a partial Analysis and ErrStopped.
func TextContext(ctx context.Context, text string, opt Options) (*Analysis, error) {
	if err := content.Sniff([]byte(text)); err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return analyzeText(ctx, text, opt)
}

func analyzeText(ctx context.Context, text string, opt Options) (*Analysis, error) {
	start := time.Now()
	a := newAnalysis(opt)
	a.Profile = "text"
	text = strings.ReplaceAll(text, "\r\n", "\n")
	a.Body = textutil.Join(strings.Split(text, "\n\n"))
	a.setTimes(opt.publishedStamp(), pubdate.Stamp{})
	a.sanitize()
	return a, a.analyzeBody(ctx, start, opt, opt.Published)
}

// sanitize strips control characters (ESC, BEL, C1 codes that drive terminals) from the text
// fields that come from the page; the body had them stripped by textutil.Join, before any offset
// into it was taken.
func (a *Analysis) sanitize() {
	for _, f := range []*string{&a.Title, &a.Subtitle, &a.Section, &a.Language, &a.Source, &a.CanonicalURL} {
		*f = textutil.StripControls(*f)
	}
	for i := range a.Authors {
		a.Authors[i] = textutil.StripControls(a.Authors[i])
	}
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

// analyzeBody runs the text analyzers over a.Body, one stage after another, until ctx is done.
// start is when the page's analysis began, for the message of a stopped analysis.
func (a *Analysis) analyzeBody(ctx context.Context, start time.Time, opt Options, published time.Time) error {
	if opt.Source != "" {
		a.Source = textutil.StripControls(opt.Source)
	}
	lex := opt.Lexicon
	if lex == nil {
		lex = lexicon.Default()
	}
	if a.Body == "" {
		if len(a.Warnings) == 0 {
			a.Warnings = append(a.Warnings, "no article body found")
		}
		return nil
	}
	// Derived fields (statement treaty, figure sentence) also for what a stopped analysis found.
	defer a.Derive()
	var ref time.Time
	var read *lexicon.Reading // the lexicon's matches in the body: figures, mentions and relevance share them
	reading := func() *lexicon.Reading {
		if read == nil {
			read = lex.Read(a.Body)
		}
		return read
	}
	defer func() {
		if read != nil {
			read.Release() // its tokens go back for the next page
		}
	}()
	stages := []stage{
		{"dates", func() {
			a.Dateline = dates.FindDateline(a.Body, published)
			ref = published
			if a.Dateline != nil && a.Dateline.Date != nil {
				if d, err := time.Parse("2006-01-02", *a.Dateline.Date); err == nil {
					ref = d
				}
			}
			a.Dates = dates.Extract(a.Body, a.Dateline, ref)
		}, nil},
		{"statements", func() {
			a.Statements = wrapStatements(statements.Extract(a.Body, statements.Options{Language: a.Language, ReportingVerbs: lex.ReportingVerbs,
				Authors: a.Authors, Kind: a.Section, Stop: func() bool { return ctx.Err() != nil }}))
		}, func() { a.Statements = nil }},
		{"figures", func() { a.Figures = wrapFigures(figures.ExtractRead(a.Body, lex, reading())) }, nil},
		{"mentions", func() { a.Mentions = mentions.Extract(a.Body, lex, a.mentionOptions(reading())) }, nil},
		{"relevance", func() { a.Relevance = reading().Relevance() }, nil},
	}
	for i, st := range stages {
		if err := a.stopped(ctx, start, stages[i:]); err != nil {
			return err
		}
		t := time.Now()
		st.run()
		if opt.stageTime != nil {
			opt.stageTime(st.name, time.Since(t))
		}
		if st.drop != nil && ctx.Err() != nil {
			st.drop() // it stopped early: half a list would pass for the page's whole list
			return a.stopped(ctx, start, stages[i:])
		}
	}
	return nil
}

// stage is one analyzer run over the body. A stage that can stop in the middle when ctx ends
// (statements: one stage's run on a pathological page once took minutes past the timeout) has
// drop, which clears what it found.
type stage struct {
	name string
	run  func()
	drop func()
}

// stopped returns nil while ctx is live; once it is done, it warns which stages were not run and
// returns the error for the caller to record.
func (a *Analysis) stopped(ctx context.Context, start time.Time, left []stage) error {
	if ctx.Err() == nil {
		return nil
	}
	names := make([]string, len(left))
	for i, st := range left {
		names[i] = st.name
	}
	msg := fmt.Sprintf("analysis stopped after %s (%v); not done: %s", time.Since(start).Round(time.Millisecond), context.Cause(ctx), strings.Join(names, ", "))
	a.Warnings = append(a.Warnings, msg)
	return fmt.Errorf("extract: %s: %w: %w", msg, ErrStopped, context.Cause(ctx))
}

func (a *Analysis) mentionOptions(read *lexicon.Reading) mentions.Options {
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
	return mentions.Options{Speakers: speakers, Skip: skip, Read: read}
}
