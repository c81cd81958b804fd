// Package htmldate is armswatch's stand-in for github.com/markusmobius/go-htmldate, wired in by a
// replace directive in armswatch's go.mod.
//
// Why: go-trafilatura (our generic main-text extractor) imports go-htmldate for metadata dates,
// and go-htmldate imports go-dateparser, whose package initialisers build tables for 200 locales
// at every process start: about 0.4 s of CPU and 95 MB of allocations before main runs, measured
// with GODEBUG=inittrace=1 on `armswatch version`. Users run `armswatch extract` once per file
// from scripts, so that cost would dominate. armswatch finds publication dates itself
// (extract/pubdate) and calls trafilatura with HtmlDateMode Disabled, so nothing of go-htmldate
// is needed: this stub keeps only the API go-trafilatura compiles against. Calling it is a bug
// in armswatch, so it panics with the reason instead of quietly finding no date
// (extract/htmldate_stub_test.go runs the analyzer over the labelled and demo pages to prove
// that nothing calls it).
package htmldate

import (
	"time"

	"golang.org/x/net/html"
)

// misuse is the panic of every call: it says why there is no go-htmldate and what to do.
const misuse = "go-htmldate is stubbed out in armswatch (third_party/htmldate-stub, a replace line in go.mod: " +
	"the real one costs 0.4 s of CPU at every start), so go-trafilatura must be called with " +
	"HtmlDateMode: trafilatura.Disabled; armswatch/extract/pubdate finds publication dates"

// Options mirrors the fields go-trafilatura sets.
type Options struct {
	ExtractTime         bool
	UseOriginalDate     bool
	URL                 string
	MinDate             time.Time
	MaxDate             time.Time
	SkipExtensiveSearch bool
}

// Result mirrors go-htmldate's result.
type Result struct {
	DateTime    time.Time
	HasTime     bool
	HasTimezone bool
	SrcString   string
}

// IsZero reports whether DateTime is zero.
func (r Result) IsZero() bool { return r.DateTime.IsZero() }

// FromDocument panics: see the package comment.
func FromDocument(doc *html.Node, opts Options) (Result, error) {
	panic(misuse)
}
