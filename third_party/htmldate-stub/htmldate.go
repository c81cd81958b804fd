// Package htmldate is armswatch's stand-in for github.com/markusmobius/go-htmldate, wired in by a
// replace directive in armswatch's go.mod.
//
// Why: go-trafilatura (our generic main-text extractor) imports go-htmldate for metadata dates,
// and go-htmldate imports go-dateparser, whose package initialisers build tables for 200 locales
// at every process start: about 0.4 s of CPU and 95 MB of allocations before main runs, measured
// with GODEBUG=inittrace=1 on `armswatch version`. Users run `armswatch extract` once per file
// from scripts, so that cost would dominate. armswatch finds publication dates itself
// (extract/pubdate) and calls trafilatura with HtmlDateMode Disabled, so nothing of go-htmldate
// is needed: this stub keeps only the API go-trafilatura compiles against and finds no date.
package htmldate

import (
	"errors"
	"time"

	"golang.org/x/net/html"
)

// ErrDisabled is what FromDocument always returns.
var ErrDisabled = errors.New("go-htmldate is stubbed out in armswatch (see third_party/htmldate-stub); use armswatch/extract/pubdate")

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

// FromDocument finds nothing: see the package comment.
func FromDocument(doc *html.Node, opts Options) (Result, error) {
	return Result{}, ErrDisabled
}
