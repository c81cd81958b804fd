package main

import (
	"context"

	"github.com/armswatch/armswatch/crawler"
	"github.com/armswatch/armswatch/store"
)

// dbState adapts the store's crawl-state methods to crawler.State, so that neither package
// depends on the other.
type dbState struct{ db store.Store }

func (s dbState) Validators(ctx context.Context, url string) (crawler.Validators, error) {
	etag, lm, err := s.db.Validators(ctx, url)
	return crawler.Validators{ETag: etag, LastModified: lm}, err
}

func (s dbState) SaveValidators(ctx context.Context, url string, v crawler.Validators) error {
	return s.db.SaveValidators(ctx, url, v.ETag, v.LastModified)
}

func (s dbState) Enqueue(ctx context.Context, source string, items []crawler.Item, refresh bool) (int, error) {
	fi := make([]store.FrontierItem, len(items))
	for i, it := range items {
		fi[i] = store.FrontierItem{URL: it.URL, Published: it.Published}
	}
	return s.db.Enqueue(ctx, source, fi, refresh)
}

func (s dbState) Pending(ctx context.Context, source string, after int64, limit int) ([]crawler.Item, error) {
	fi, err := s.db.Pending(ctx, source, after, limit)
	items := make([]crawler.Item, len(fi))
	for i, it := range fi {
		items[i] = crawler.Item{URL: it.URL, Published: it.Published, Seq: it.Seq}
	}
	return items, err
}

func (s dbState) CountPending(ctx context.Context, source string) (int, error) {
	return s.db.CountPending(ctx, source)
}

func (s dbState) Finish(ctx context.Context, url string, st crawler.Status, detail string, giveUpAfter int) error {
	return s.db.Finish(ctx, url, string(st), detail, giveUpAfter)
}

func (s dbState) Stored(ctx context.Context, url string) (bool, error) {
	return s.db.HasArticle(ctx, url)
}

func (s dbState) Feeds(ctx context.Context, source string) ([]string, error) {
	return s.db.DiscoveredFeeds(ctx, source)
}

func (s dbState) AddFeed(ctx context.Context, source, url string) error {
	return s.db.AddDiscoveredFeed(ctx, source, url)
}

var _ crawler.State = dbState{}
