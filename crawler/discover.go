package crawler

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

type doc struct {
	url  string
	kind docKind
}

// discover reads the source's feeds (configured and found on start pages), sitemaps (configured,
// else from robots.txt, and the children of sitemap indexes) and start pages, and adds the article URLs they list to the frontier.
func (r *run) discover(ctx context.Context, src *Source) {
	queue := r.documents(ctx, src)
	seen := map[string]bool{}
	sitemaps := 0
	for len(queue) > 0 && ctx.Err() == nil {
		d := queue[0]
		queue = queue[1:]
		if seen[d.url] {
			continue
		}
		seen[d.url] = true
		if d.kind == kindSitemap {
			if sitemaps >= r.opt.MaxSitemaps {
				continue
			}
			sitemaps++
		}
		p, ok := r.document(ctx, src, d)
		if !ok {
			continue
		}
		for _, f := range p.feeds {
			if f = normalize(f); f != "" && !seen[f] {
				if err := r.state.AddFeed(ctx, src.Name, f); err != nil {
					r.sourceError(src, "recording feed "+f, err)
				}
				queue = append(queue, doc{f, kindFeed})
			}
		}
		for _, s := range p.sitemaps {
			abs, err := resolve(d.url, s.URL)
			if s.URL = normalize(abs); err == nil && s.URL != "" {
				queue = append(queue, doc{s.URL, kindSitemap})
			}
		}
	}
}

// documents lists the discovery documents to read this run.
func (r *run) documents(ctx context.Context, src *Source) []doc {
	var docs []doc
	for _, f := range src.Feeds {
		docs = append(docs, doc{f, kindFeed})
	}
	if found, err := r.state.Feeds(ctx, src.Name); err == nil {
		for _, f := range found {
			docs = append(docs, doc{f, kindFeed})
		}
	}
	for _, s := range src.Sitemaps {
		docs = append(docs, doc{s, kindSitemap})
	}
	if len(src.Feeds) == 0 && len(src.Sitemaps) == 0 {
		docs = append(docs, r.robotsSitemaps(src)...)
	}
	for _, s := range src.StartURLs {
		docs = append(docs, doc{s, kindPage})
	}
	return docs
}

// robotsSitemaps lists the Sitemap: lines of the robots.txt of the source's hosts. They are
// read only for a source that lists neither feeds nor sitemaps: a whole-site sitemap can hold
// every article of the last weeks, far more than a source focused by its feeds wants fetched.
func (r *run) robotsSitemaps(src *Source) []doc {
	var docs []doc
	hosts := map[string]bool{}
	for _, list := range [][]string{src.Feeds, src.Sitemaps, src.StartURLs} {
		for _, raw := range list {
			u, err := url.Parse(raw)
			if err != nil || hosts[u.Scheme+u.Host] || !hostAllowed(src, u.Hostname()) {
				continue
			}
			hosts[u.Scheme+u.Host] = true
			rules, err := r.f.robots.get(u)
			if err != nil {
				continue // reported when the document itself is fetched
			}
			for _, s := range rules.sitemaps {
				docs = append(docs, doc{s, kindSitemap})
			}
		}
	}
	return docs
}

// document fetches one discovery document with conditional GET and enqueues its articles.
// Validators are saved only after the articles are in the frontier: a run killed in between
// fetches the document again instead of getting a 304 and missing its new entries.
func (r *run) document(ctx context.Context, src *Source, d doc) (parsed, bool) {
	hdr := http.Header{}
	if !r.opt.Refresh {
		if v, err := r.state.Validators(ctx, d.url); err == nil {
			if v.ETag != "" {
				hdr.Set("If-None-Match", v.ETag)
			}
			if v.LastModified != "" {
				hdr.Set("If-Modified-Since", v.LastModified)
			}
		}
	}
	resp, err := r.f.get(ctx, src, d.url, hdr)
	r.count(src, func(s *Stats, ss *SourceStats) { s.Documents++; ss.Documents++ })
	if err != nil {
		switch {
		case ctx.Err() != nil:
		case r.firstReport(err):
			r.sourceError(src, "fetching "+d.url, err)
		default:
			r.count(src, func(_ *Stats, ss *SourceStats) { ss.DocumentErrors++ })
		}
		return parsed{}, false
	}
	if resp.Status == http.StatusNotModified {
		r.count(src, func(s *Stats, _ *SourceStats) { s.NotModified++ })
		r.opt.Logger.Info("not modified", "source", src.Name, "url", d.url)
		return parsed{}, false
	}
	p, err := parseDocument(d.kind, resp.URL, resp.Body)
	if err != nil {
		r.sourceError(src, "reading "+d.url, fmt.Errorf("%s: %w", d.url, err))
		return parsed{}, false
	}
	items := r.candidates(src, d.kind, resp.URL, p.items)
	n, err := r.state.Enqueue(ctx, src.Name, items, r.opt.Refresh)
	if err != nil {
		r.sourceError(src, "recording the frontier", err)
		return parsed{}, false
	}
	r.count(src, func(s *Stats, _ *SourceStats) { s.Discovered += n })
	r.opt.Logger.Info("document", "source", src.Name, "url", d.url, "links", len(items), "new", n)
	v := Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	if v != (Validators{}) {
		if err := r.state.SaveValidators(ctx, d.url, v); err != nil {
			r.sourceError(src, "recording validators", err)
		}
	}
	return p, true
}

// candidates keeps the article URLs of the source: on an allowed host, matching the article
// pattern when there is one, and for sitemaps not older than MaxAge when dated.
func (r *run) candidates(src *Source, kind docKind, base string, items []Item) []Item {
	var out []Item
	seen := map[string]bool{}
	oldest := time.Now().Add(-r.opt.MaxAge)
	for _, it := range items {
		abs, err := resolve(base, it.URL) // feeds and sitemaps sometimes give relative links
		if err != nil {
			continue
		}
		u := normalize(abs)
		if u == "" || seen[u] {
			continue
		}
		pu, _ := url.Parse(u)
		if !hostAllowed(src, pu.Hostname()) {
			continue
		}
		if src.ArticlePattern != nil && !src.ArticlePattern.MatchString(u) {
			continue
		}
		if kind == kindSitemap && !it.Published.IsZero() && it.Published.Before(oldest) {
			continue
		}
		seen[u] = true
		it.URL = u
		out = append(out, it)
	}
	return out
}

// firstReport says whether err should be logged: a host that is down fails every document
// with the same robots.txt error, which is worth one line, not one per document.
func (r *run) firstReport(err error) bool {
	if !errors.Is(err, errHostDown) {
		return true
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reported == nil {
		r.reported = map[string]bool{}
	}
	msg := err.Error()
	if r.reported[msg] {
		return false
	}
	r.reported[msg] = true
	return true
}
