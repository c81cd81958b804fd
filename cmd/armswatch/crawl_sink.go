package main

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// articleSink analyzes each fetched page and stores it. What it does with a page:
//   - the analysis fails (or panics), or finds no article body: the page counts as failed and
//     is retried in later runs (a site redesign that breaks its profile then shows in
//     `armswatch status` as an error rate, instead of silently storing empty articles);
//   - the source has keywords and neither title nor body contains one of them (whole words,
//     any case): the page is skipped, not stored, and not fetched again;
//   - another stored article has the same canonical URL or the same content: a duplicate, not
//     stored again;
//   - otherwise it is stored (new, changed or unchanged), with the lexicon's relevance score.
type articleSink struct {
	cfg *appConfig
	db  *store.DB

	mu       sync.Mutex
	keywords map[string]*regexp.Regexp // per source, nil when it has none

	// saving serializes the duplicate check with the save: two copies of one article fetched
	// at once must not both pass the check. SQLite has one writer anyway.
	saving sync.Mutex
}

func (s *articleSink) HandlePage(ctx context.Context, p crawler.Page) (crawler.Outcome, error) {
	u := p.FinalURL
	if u == "" {
		u = p.URL
	}
	opt := extract.Options{URL: u, ContentType: p.ContentType, Published: p.Published,
		Source: p.Source.Name, Profile: p.Source.Profile, Language: p.Source.Language}
	if err := s.cfg.applyAnalysis(&opt); err != nil {
		return "", err
	}
	an, err := analyze(p.Body, opt)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(an.Body) == "" {
		return "", fmt.Errorf("no article body found (warnings: %s)", strings.Join(an.Warnings, "; "))
	}
	if re := s.keywordsOf(p.Source); re != nil && !re.MatchString(an.Title) && !re.MatchString(an.Body) {
		return crawler.Skipped, nil
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	if dup, err := s.db.DuplicateOf(ctx, u, an); err != nil {
		return "", err
	} else if dup != "" {
		return crawler.Duplicate, nil
	}
	res, err := s.db.SaveArticle(ctx, &store.Article{URL: u, Source: p.Source.Name, FetchedAt: p.FetchedAt, HTML: p.Body, Analysis: an})
	switch {
	case err != nil:
		return "", err
	case res.New:
		return crawler.New, nil
	case res.Changed:
		return crawler.Changed, nil
	}
	return crawler.Unchanged, nil
}

// analyze runs the extractor, turning a panic on a strange page into that page's error: one
// page must never stop a crawl that runs unattended.
func analyze(page []byte, opt extract.Options) (an *extract.Analysis, err error) {
	defer func() {
		if r := recover(); r != nil {
			an, err = nil, fmt.Errorf("analysis panicked: %v", r)
		}
	}()
	return extract.HTML(page, opt)
}

// keywordsOf compiles a source's keywords into one case-insensitive whole-word pattern, once.
func (s *articleSink) keywordsOf(src *crawler.Source) *regexp.Regexp {
	if len(src.Keywords) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.keywords == nil {
		s.keywords = map[string]*regexp.Regexp{}
	}
	if re, ok := s.keywords[src.Name]; ok {
		return re
	}
	quoted := make([]string, len(src.Keywords))
	for i, k := range src.Keywords {
		quoted[i] = regexp.QuoteMeta(strings.TrimSpace(k))
	}
	// \b is ASCII-only in Go; letters and digits of any script bound the words instead.
	re := regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(?:` + strings.Join(quoted, "|") + `)(?:$|[^\p{L}\p{N}])`)
	s.keywords[src.Name] = re
	return re
}
