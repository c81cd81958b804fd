package main

import (
	"context"
	"sync"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/ingest"
	"github.com/armswatch/armswatch/store"
)

// articleSink hands the crawler's pages to ingest, which analyzes them, applies the source's
// policy (keywords, duplicates, pages without a body) and stores them; see ingest.Ingest.
type articleSink struct {
	cfg *appConfig
	db  store.Store

	once sync.Once
	in   *ingest.Ingester
	err  error
}

func (s *articleSink) HandlePage(ctx context.Context, p crawler.Page) (crawler.Outcome, error) {
	s.once.Do(func() {
		s.in, s.err = s.cfg.ingester()
		if s.in != nil {
			s.in.DB = s.db
		}
	})
	if s.err != nil {
		return "", s.err
	}
	u := p.FinalURL
	if u == "" {
		u = p.URL
	}
	out, err := s.in.Ingest(ctx, ingest.Page{URL: u, Body: p.Body, ContentType: p.ContentType,
		FetchedAt: p.FetchedAt, PublishedHint: p.Published, Source: p.Source.Name,
		Profile: p.Source.Profile, Language: p.Source.Language, Keywords: p.Source.Keywords})
	return crawler.Outcome(out), err
}
