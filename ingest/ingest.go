// Package ingest is the one path from a page to a stored article: analyze it, decide by the
// source's policy whether to keep it, and save what the analyzer returned. crawl, reextract and
// the demo all go through it, so an article stores the same rows whichever of them wrote it.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// Outcome says what became of a page.
type Outcome string

const (
	New       Outcome = "new"       // stored, its URL was not stored before
	Changed   Outcome = "changed"   // stored again, its text changed
	Unchanged Outcome = "unchanged" // stored again, same text
	Skipped   Outcome = "skipped"   // none of the source's keywords: not stored
	Duplicate Outcome = "duplicate" // another stored article has its canonical URL or content
	// Superseded: a re-analysis not saved because a crawl stored a newer fetch of the page
	// meanwhile (with its own analysis)
	Superseded Outcome = "superseded"
)

// Page is a page and what is known about it from outside the page.
type Page struct {
	URL           string // the URL it was fetched from (after redirects)
	Body          []byte
	ContentType   string    // HTTP Content-Type; "" if unknown
	FetchedAt     time.Time // zero: now
	PublishedHint time.Time // the feed's or sitemap's publication time; zero if none
	Source        string    // configured source name
	Profile       string    // site profile to force; "" detects it from the host
	Language      string    // the source's language, for pages that declare none
	Keywords      []string  // the source's relevance keywords; none keeps every article
}

// Ingester analyzes pages and stores them in one database.
type Ingester struct {
	DB   store.Store
	Base extract.Options // the user's lexicon, verbs and profiles; per-page fields are set here
	// Timeout bounds one page's analysis (config crawl.analysis_timeout); 0 means none. A page
	// past it is stored with what was found and a warning naming the stages not run.
	Timeout time.Duration
	// Workers caps the analyses that run at once, whoever calls (0: GOMAXPROCS, the cores the
	// runtime may use). A crawl fetches with parallelism per host and from every source at
	// once: more analyses than cores would not finish sooner, only hold more parsed pages in
	// memory and pay more for the collector. A fetch worker waits for a slot with its page.
	Workers int

	slotsOnce sync.Once
	slots     chan struct{}

	mu       sync.Mutex
	keywords map[string]*regexp.Regexp // by the keywords joined, nil when none

	// saving serializes the duplicate check with the save: two copies of one article fetched
	// at once must not both pass the check. SQLite has one writer anyway.
	saving sync.Mutex

	analyze func(context.Context, []byte, extract.Options) (*extract.Analysis, error) // tests; nil: extract.HTMLContext
}

// ErrNoBody is the error of a page in which the analyzer finds no article text.
var ErrNoBody = errors.New("no article body found")

// Ingest analyzes a fetched page and stores it. What it does with a page:
//   - the analysis fails (or panics), or finds no article body: an error, the page counts as
//     failed and is retried in later runs (a site redesign that breaks its profile then shows
//     as an error rate, instead of silently storing empty articles);
//   - the page has keywords and neither title nor body contains one of them (whole words, any
//     case): Skipped, not stored;
//   - another stored article has the same canonical URL or the same content: Duplicate, not
//     stored again;
//   - otherwise it is stored: New, Changed or Unchanged.
//
// A ctx cancelled during the analysis (SIGTERM) stops it and returns the error, so the page
// stays for a later run; once analyzed, the page is saved even if ctx is cancelled meanwhile.
func (in *Ingester) Ingest(ctx context.Context, p Page) (Outcome, error) {
	an, err := in.Analyze(ctx, p)
	if err != nil {
		return "", err
	}
	ctx = context.WithoutCancel(ctx)
	if re := in.keywordsOf(p.Keywords); re != nil && !re.MatchString(an.Title) && !re.MatchString(an.Body) {
		return Skipped, nil
	}
	in.saving.Lock()
	defer in.saving.Unlock()
	if dup, err := in.DB.DuplicateOf(ctx, p.URL, an); err != nil {
		return "", err
	} else if dup != "" {
		return Duplicate, nil
	}
	return in.save(ctx, p, an, p.Body)
}

// Reanalyze analyzes a stored article's page again with the current analyzer and replaces its
// rows, with the same options the crawl used (the stored feed hint, not the old analysis's
// date). The keyword and duplicate checks are not made again: they decided whether to store a
// new page, and this one is stored. A page without a body now is an error, and the stored rows
// stay. ok is false when no page is stored for the article.
func (in *Ingester) Reanalyze(ctx context.Context, id int64, profile func(source string) string) (out Outcome, ok bool, err error) {
	r, ok, err := in.Reanalysis(ctx, id, profile)
	if r == nil {
		return "", ok, err
	}
	out, err = r.Save(ctx)
	return out, true, err
}

// Reanalysis is Reanalyze without the save, for callers that analyze on several cores and save
// in order from one goroutine: the analysis to give to Save, or ok false (no stored page) or
// the error.
func (in *Ingester) Reanalysis(ctx context.Context, id int64, profile func(source string) string) (r *Reanalyzed, ok bool, err error) {
	sp, err := in.DB.Page(ctx, id)
	if err != nil {
		return nil, false, err
	}
	if sp.HTML == nil {
		return nil, false, nil
	}
	p := Page{URL: sp.URL, Body: sp.HTML, FetchedAt: sp.FetchedAt, PublishedHint: sp.PublishedHint,
		Source: sp.Source, Profile: profile(sp.Source)}
	if p.Profile == "" && sp.Profile != "generic" {
		// The profile the page was first analyzed with: the crawler may have forced it from
		// its source's config (the demo's pages sit on 127.0.0.1, not tass.com). A page that
		// fell back to generic is detected afresh, in case a profile now matches its host.
		p.Profile = sp.Profile
	}
	an, err := in.Analyze(ctx, p)
	if err != nil {
		return nil, true, err
	}
	return &Reanalyzed{in: in, page: p, an: an}, true, nil
}

// Reanalyzed is a stored article analyzed again, not saved yet.
type Reanalyzed struct {
	in   *Ingester
	page Page
	an   *extract.Analysis
}

// Save replaces the article's rows with the new analysis (one transaction), even if ctx is
// cancelled meanwhile: the analysis is done.
func (r *Reanalyzed) Save(ctx context.Context) (Outcome, error) {
	return r.in.save(context.WithoutCancel(ctx), r.page, r.an, nil) // nil keeps the stored page
}

// Analyze runs the analyzer on a page, turning a panic on a strange page into that page's
// error (one page must never stop a crawl that runs unattended) and a page without article
// text into ErrNoBody. An analysis past in.Timeout gives what it found, with its warning; one
// stopped by ctx gives an error that errors.Is extract.ErrStopped and ctx.Err().
func (in *Ingester) Analyze(ctx context.Context, p Page) (an *extract.Analysis, err error) {
	if err := in.acquire(ctx); err != nil {
		return nil, err
	}
	defer in.release()
	opt := in.Base
	opt.URL, opt.ContentType, opt.Source, opt.Profile, opt.Language = p.URL, p.ContentType, p.Source, p.Profile, p.Language
	opt.Published, opt.PublishedDateOnly = p.PublishedHint, false
	defer func() {
		if r := recover(); r != nil {
			an, err = nil, fmt.Errorf("analysis panicked: %v", r)
		}
	}()
	actx := ctx
	if in.Timeout > 0 {
		var cancel context.CancelFunc
		actx, cancel = context.WithTimeoutCause(ctx, in.Timeout,
			fmt.Errorf("crawl.analysis_timeout of %v", in.Timeout))
		defer cancel()
	}
	analyze := in.analyze
	if analyze == nil {
		analyze = extract.HTMLContext
	}
	an, err = analyze(actx, p.Body, opt)
	if err != nil && !(errors.Is(err, extract.ErrStopped) && ctx.Err() == nil && an != nil) {
		return nil, err
	}
	if strings.TrimSpace(an.Body) == "" {
		return nil, fmt.Errorf("%w (warnings: %s)", ErrNoBody, strings.Join(an.Warnings, "; "))
	}
	return an, nil
}

// acquire takes an analysis slot, waiting while Workers analyses run. A ctx done meanwhile is
// a stop, as a stop during the analysis is: the page stays for a later run. The timeout of an
// analysis starts once it has its slot.
func (in *Ingester) acquire(ctx context.Context) error {
	in.slotsOnce.Do(func() {
		n := in.Workers
		if n <= 0 {
			n = runtime.GOMAXPROCS(0)
		}
		in.slots = make(chan struct{}, n)
	})
	select {
	case in.slots <- struct{}{}:
		return nil // a free slot is taken even when ctx is done: the analysis then stops at once
	default:
	}
	select {
	case in.slots <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%w: waiting for an analysis slot: %w", extract.ErrStopped, context.Cause(ctx))
	}
}

func (in *Ingester) release() { <-in.slots }

func (in *Ingester) save(ctx context.Context, p Page, an *extract.Analysis, html []byte) (Outcome, error) {
	a := &store.Article{URL: p.URL, Source: p.Source, FetchedAt: p.FetchedAt,
		HTML: html, PublishedHint: p.PublishedHint, Analysis: an}
	if html == nil {
		a.PageFetchedAt = p.FetchedAt // a re-analysis of the stored page read at this fetch
	}
	res, err := in.DB.SaveArticle(ctx, a)
	switch {
	case err != nil:
		return "", err
	case res.Superseded:
		return Superseded, nil
	case res.New:
		return New, nil
	case res.Changed:
		return Changed, nil
	}
	return Unchanged, nil
}

// keywordsOf compiles keywords into one case-insensitive whole-word pattern, once per set.
func (in *Ingester) keywordsOf(keywords []string) *regexp.Regexp {
	if len(keywords) == 0 {
		return nil
	}
	key := strings.Join(keywords, "\x00")
	in.mu.Lock()
	defer in.mu.Unlock()
	if re, ok := in.keywords[key]; ok {
		return re
	}
	if in.keywords == nil {
		in.keywords = map[string]*regexp.Regexp{}
	}
	quoted := make([]string, len(keywords))
	for i, k := range keywords {
		quoted[i] = regexp.QuoteMeta(strings.TrimSpace(k))
	}
	// \b is ASCII-only in Go; letters and digits of any script bound the words instead.
	re := regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + strings.Join(quoted, "|") + `)(?:$|[^\p{L}\p{N}])`)
	in.keywords[key] = re
	return re
}
