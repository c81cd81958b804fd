package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
)

// watchItems collects what WatchItems streams, as "type:article:text" lines.
func watchItems(t *testing.T, db store.Store, after, upTo int64) ([]store.WatchItem, []string) {
	t.Helper()
	var items []store.WatchItem
	var lines []string
	err := db.WatchItems(context.Background(), after, upTo, func(it *store.WatchItem) error {
		items = append(items, *it)
		lines = append(lines, fmt.Sprintf("%s:%d:%s", it.Type, it.ArticleID, it.Text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return items, lines
}

// testWatchItems: watches read the items of the articles stored or changed after their
// cursor, with their article's fields, and a query's matching statement ids.
func testWatchItems(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	head0, err := db.WatchHead(ctx)
	if err != nil || head0 != 0 {
		t.Fatalf("the head of an empty database: %d, %v", head0, err)
	}
	if _, _, ok, err := db.StatementIDRange(ctx, -1, 0); ok || err != nil {
		t.Errorf("statement ids of an empty database: %v, %v", ok, err)
	}
	arts := ServeArticles(t)[:4]
	saveAll(t, db, arts[:3])
	head, err := db.WatchHead(ctx)
	if err != nil || head < 3 {
		t.Fatalf("head after 3 articles: %d, %v", head, err)
	}
	all, lines := watchItems(t, db, -1, head)
	want := 0
	for _, a := range arts[:3] {
		want += len(a.Analysis.Statements) + len(a.Analysis.Figures)
	}
	if len(all) != want {
		t.Fatalf("%d items, want %d", len(all), want)
	}
	// Article by article; in each, its statements then its figures, in text order.
	if !slices.IsSortedFunc(all, func(a, b store.WatchItem) int {
		if a.ArticleID != b.ArticleID {
			return int(a.ArticleID - b.ArticleID)
		}
		return strings.Compare(b.Type, a.Type) // "statement" before "figure"
	}) {
		t.Errorf("items out of order:\n%s", strings.Join(lines, "\n"))
	}
	first := all[0]
	a0 := arts[0].Analysis
	if first.Type != "statement" || first.ChangeSeq != 0 || first.Title != a0.Title || first.URL != arts[0].URL ||
		first.Source != arts[0].Source || first.Date != a0.Published.UTC().Format("2006-01-02") ||
		first.Published == "" || first.FirstSeen == "" || first.Text != a0.Statements[0].Text ||
		first.Speaker != a0.Statements[0].Speaker || first.Value != nil {
		t.Errorf("first item %+v", first)
	}
	var fig *store.WatchItem
	for i := range all {
		if all[i].Type == "figure" {
			fig = &all[i]
			break
		}
	}
	if fig == nil || fig.Value == nil || *fig.Value != a0.Figures[0].Value || fig.Category != a0.Figures[0].Category ||
		fig.Sentence == "" || fig.Kind != "" {
		t.Errorf("first figure %+v", fig)
	}

	// A new article and a changed one are what a watch at head sees next, tagged with their change.
	saveAll(t, db, arts[3:4])
	changed := *arts[1]
	an := *changed.Analysis
	an.Body += "\n\nA correction."
	an.Statements = an.Statements[:2]
	changed.Analysis = &an
	saveAll(t, db, []*store.Article{&changed})
	head2, err := db.WatchHead(ctx)
	if err != nil || head2 != head+2 {
		t.Fatalf("head after a new and a changed article: %d, %v (was %d)", head2, err, head)
	}
	next, lines := watchItems(t, db, head, head2)
	articles := map[int64]int64{}
	for _, it := range next {
		articles[it.ArticleID] = it.ChangeSeq
		if it.ChangeSeq <= head || it.ChangeSeq > head2 {
			t.Errorf("item of change %d, want (%d, %d]", it.ChangeSeq, head, head2)
		}
	}
	if len(articles) != 2 || len(next) != len(arts[3].Analysis.Statements)+len(arts[3].Analysis.Figures)+2+len(an.Figures) {
		t.Errorf("after head: %d items of %d articles:\n%s", len(next), len(articles), strings.Join(lines, "\n"))
	}
	// Re-saving the same content is no change.
	saveAll(t, db, arts[3:4])
	if h, _ := db.WatchHead(ctx); h != head2 {
		t.Errorf("an unchanged save moved the head from %d to %d", head2, h)
	}

	if !b.Search {
		return
	}
	lo, hi, ok, err := db.StatementIDRange(ctx, -1, head2)
	if err != nil || !ok || lo > hi {
		t.Fatalf("statement ids: %d..%d %v %v", lo, hi, ok, err)
	}
	speaker := a0.Statements[0].Speaker
	ids, err := db.StatementsMatching(ctx, speaker, lo, hi)
	if err != nil {
		t.Fatal(err)
	}
	all, _ = watchItems(t, db, -1, head2)
	wantIDs := map[int64]bool{}
	for _, it := range all {
		if it.Type == "statement" && (it.Speaker == speaker || strings.Contains(it.Text, speaker)) {
			wantIDs[it.ID] = true
		}
	}
	if len(ids) == 0 || fmt.Sprint(ids) != fmt.Sprint(wantIDs) {
		t.Errorf("statements matching %q: %v, want %v", speaker, ids, wantIDs)
	}
	if ids, err := db.StatementsMatching(ctx, speaker, hi+1, hi+100); err != nil || len(ids) != 0 {
		t.Errorf("matches beyond the range: %v, %v", ids, err)
	}
}

// testWatchDeliveries: the life of deliveries: enqueued once, claimed by one run, sent or
// failed and claimed again, stale claims taken over only when asked, and what status shows.
func testWatchDeliveries(t *testing.T, b Backend) {
	ctx := context.Background()
	db, openRO := b.Open(t)
	ds := []store.Delivery{
		{Watch: "w", Channel: "webhook", Item: "s:1", Payload: `{"id":"s:1"}`},
		{Watch: "w", Channel: "feed", Item: "s:1", Payload: `{"id":"s:1"}`},
		{Watch: "w", Channel: "webhook", Item: "s:2", Payload: `{"id":"s:2"}`},
		{Watch: "w", Channel: "webhook", Item: "f:3", Payload: `{"id":"f:3"}`},
	}
	if err := db.EnqueueDeliveries(ctx, ds, map[string]int64{"w": 5, "v": 2}); err != nil {
		t.Fatal(err)
	}
	// Enqueued again (a run that evaluated the same changes): nothing doubles; a cursor never goes back.
	if err := db.EnqueueDeliveries(ctx, ds[:1], map[string]int64{"w": 3}); err != nil {
		t.Fatal(err)
	}
	states, err := db.WatchStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 2 || states["w"].ChangeSeq != 5 || states["v"].ChangeSeq != 2 || states["w"].LastRun != nil ||
		time.Since(states["w"].CreatedAt) > time.Hour {
		t.Errorf("states %+v", states)
	}
	items := func(ds []store.Delivery) string {
		var s []string
		for _, d := range ds {
			s = append(s, d.Item)
		}
		return strings.Join(s, ",")
	}
	got, err := db.ClaimDeliveries(ctx, "w", "webhook", "run1", time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if items(got) != "s:1,s:2,f:3" || got[0].Attempts != 1 || got[0].Payload != "" || time.Since(got[0].MatchedAt) > time.Hour {
		t.Fatalf("claimed %s (%+v), want s:1,s:2,f:3 in the order matched", items(got), got)
	}
	if again, err := db.ClaimDeliveries(ctx, "w", "webhook", "run2", time.Time{}); err != nil || len(again) != 0 {
		t.Errorf("a second run claimed %s, %v", items(again), err)
	}
	payloads, err := db.Payloads(ctx, []string{"s:1", "f:3"})
	if err != nil || len(payloads) != 2 || payloads["f:3"] != `{"id":"f:3"}` {
		t.Errorf("payloads %v, %v", payloads, err)
	}
	if _, err := db.Payloads(ctx, []string{"s:404"}); err == nil {
		t.Error("the payload of an item never stored: no error")
	}
	if err := db.FinishDeliveries(ctx, "w", "webhook", "run1", []string{"s:1"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishDeliveries(ctx, "w", "webhook", "run1", []string{"s:2"}, errors.New("answered 502")); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishWatchRun(ctx, "w", "webhook: answered 502"); err != nil {
		t.Fatal(err)
	}
	health := func() store.WatchHealth {
		t.Helper()
		hs, err := db.WatchHealth(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hs {
			if h.Watch == "w" {
				return h
			}
		}
		t.Fatalf("no health of w: %+v", hs)
		return store.WatchHealth{}
	}
	// s:1 sent; s:2 failed (waiting); f:3 left sending (interrupted); the feed's s:1 pending.
	if h := health(); h.Sent != 1 || h.Pending != 2 || h.Failed != 1 || h.Interrupted != 1 || h.LastRun == nil ||
		h.LastError != "webhook: answered 502" {
		t.Errorf("health %+v", h)
	}
	got, err = db.ClaimDeliveries(ctx, "w", "webhook", "run2", time.Time{})
	if err != nil || items(got) != "s:2" || got[0].Attempts != 2 {
		t.Errorf("the retry claimed %s (%+v), %v; want the failed s:2 only", items(got), got, err)
	}
	// A stale claim is taken over only when claimed before the bound.
	got, err = db.ClaimDeliveries(ctx, "w", "webhook", "run3", time.Now().Add(-time.Hour))
	if err != nil || len(got) != 0 {
		t.Errorf("claims of a minute ago taken over: %s, %v", items(got), err)
	}
	got, err = db.ClaimDeliveries(ctx, "w", "webhook", "run3", time.Now().Add(time.Hour))
	if err != nil || items(got) != "s:2,f:3" {
		t.Errorf("stale claims taken over: %s, %v; want s:2,f:3", items(got), err)
	}
	if err := db.FinishDeliveries(ctx, "w", "webhook", "run3", nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.FinishDeliveries(ctx, "w", "webhook", "run2", nil, nil); err != nil { // run2 lost its claim
		t.Fatal(err)
	}
	sent, err := db.SentDeliveries(ctx, "w", "webhook", 2)
	if err != nil || items(sent) != "f:3,s:2" || sent[0].Payload != `{"id":"f:3"}` {
		t.Errorf("the last sent: %s (%+v), %v; want f:3,s:2 newest first", items(sent), sent, err)
	}
	if err := db.FinishWatchRun(ctx, "w", ""); err != nil {
		t.Fatal(err)
	}
	if h := health(); h.Sent != 3 || h.Pending != 1 || h.Failed != 0 || h.Interrupted != 0 || h.LastError != "" {
		t.Errorf("health at the end %+v", h)
	}
	ro, err := openRO()
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if hs, err := ro.WatchHealth(ctx); err != nil || len(hs) != 2 {
		t.Errorf("health read-only: %+v, %v", hs, err)
	}
	if err := ro.EnqueueDeliveries(ctx, ds, nil); err == nil {
		t.Error("enqueue on a read-only database: no error")
	}
}
