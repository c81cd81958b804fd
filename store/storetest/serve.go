package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// ServeArticles are the articles the serve tests store: 120 generated ones with figures and
// dates (serve's charts) published three days apart through 2024, every tenth without a
// publication time (its fetch time stands in), then the realistic ones (real text, mentions,
// datelines).
func ServeArticles(t testing.TB) []*store.Article {
	g := NewSynthetic(10, 7)
	g.Figures = true
	base := time.Date(2024, 1, 1, 9, 0, 0, 0, time.UTC)
	var as []*store.Article
	for i := range 120 {
		a := g.Article(i)
		at := base.AddDate(0, 0, 3*i)
		a.Analysis.Published, a.FetchedAt = &extract.Time{Time: at}, at.Add(time.Hour)
		if i%10 == 9 {
			a.Analysis.Published = nil
		}
		as = append(as, a)
	}
	return append(as, Realistic(t)...)
}

// ServeAnswers asks db every question serve's pages ask of what it holds (store.ServeStore),
// and returns each answer as JSON by question: two backends holding the same rows, saved in
// the same order, must give the same answers. NewestFirstSeen (the time of saving) and
// SearchResults (ranked differently: the search tests) are left out.
func ServeAnswers(t testing.TB, db store.ServeStore) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	ask := func(q string, v any, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		js, jerr := json.Marshal(v)
		if jerr != nil {
			t.Fatalf("%s: %v", q, jerr)
		}
		out[q] = string(js)
	}
	gen, err := db.Generation(ctx)
	ask("Generation", gen, err)
	treaties, err := db.Treaties(ctx)
	ask("Treaties", treaties, err)
	top, err := db.TopSpeakers(ctx, "", 5)
	ask("TopSpeakers", top, err)
	since := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	period := store.Period{Since: since, Until: since.AddDate(0, 3, 0)}
	filters := []store.ListFilter{{}, {Limit: 7, Offset: 13}, {Period: period}, {Category: "deployed_warheads"}}
	for i, tr := range treaties {
		if i == 3 {
			break
		}
		name, err := db.TreatyName(ctx, tr.ID)
		ask("TreatyName "+tr.ID, name, err)
		one, err := db.Treaty(ctx, tr.ID)
		ask("Treaty "+tr.ID, one, err)
		ts, err := db.TopSpeakers(ctx, tr.ID, 3)
		ask("TopSpeakers "+tr.ID, ts, err)
		for _, by := range []string{"week", "month"} {
			fs, err := db.FigureSeries(ctx, tr.ID, by, store.Period{})
			ask("FigureSeries "+tr.ID+" "+by, fs, err)
			fs, err = db.FigureSeries(ctx, tr.ID, by, period)
			ask("FigureSeries period "+tr.ID+" "+by, fs, err)
		}
		filters = append(filters, store.ListFilter{Treaty: tr.ID}, store.ListFilter{Treaty: tr.ID, Offset: 20, Period: period})
	}
	for i, sp := range top {
		if i == 3 {
			break
		}
		s, err := db.Speaker(ctx, store.ListFilter{Speaker: sp.Name})
		ask("Speaker "+sp.Name, s, err)
		filters = append(filters, store.ListFilter{Speaker: sp.Name})
		if len(treaties) > 0 {
			f := store.ListFilter{Speaker: sp.Name, Treaty: treaties[0].ID, Period: period}
			s, err := db.Speaker(ctx, f)
			if !errors.Is(err, store.ErrNotFound) {
				ask(fmt.Sprintf("Speaker %+v", f), s, err)
			}
			filters = append(filters, f)
		}
	}
	for _, f := range filters {
		key := fmt.Sprintf("%+v", f)
		ss, err := db.Statements(ctx, f)
		ask("Statements "+key, ss, err)
		if f.Speaker == "" { // figures have no speaker: serve lists them on treaty pages only
			fs, err := db.Figures(ctx, f)
			ask("Figures "+key, fs, err)
			var figs []store.FigureRow
			err = db.EachFigure(ctx, f, func(r *store.FigureRow) error { figs = append(figs, *r); return nil })
			ask("EachFigure "+key, figs, err)
		}
		for _, by := range []string{"week", "month"} {
			tl, err := db.Timeline(ctx, f, by)
			ask("Timeline "+by+" "+key, tl, err)
		}
		var all []store.StatementRow
		err = db.EachStatement(ctx, f, func(r *store.StatementRow) error { all = append(all, *r); return nil })
		ask("EachStatement "+key, all, err)
	}
	ids, total, err := db.RecentArticles(ctx, "", 30)
	ask("RecentArticles", []any{ids, total}, err)
	ss, fs, err := db.ArticlesItems(ctx, ids)
	ask("ArticlesItems", []any{ss, fs}, err)
	for _, id := range ids {
		a, err := db.Article(ctx, id)
		ask(fmt.Sprintf("Article %d", id), a, err)
	}
	return out
}

// testServeReads: the answers of serve's pages over the stored articles are there and
// consistent, and what the database does not hold is store.ErrNotFound.
func testServeReads(t *testing.T, b Backend) {
	ctx := context.Background()
	db, _ := b.Open(t)
	if err := db.SaveArticles(ctx, ServeArticles(t)); err != nil {
		t.Fatal(err)
	}
	answers := ServeAnswers(t, db)
	if len(answers) < 50 {
		t.Fatalf("%d answers", len(answers))
	}
	treaties, err := db.Treaties(ctx)
	if err != nil || len(treaties) < 3 {
		t.Fatalf("treaties %v, %v", treaties, err)
	}
	for i := 1; i < len(treaties); i++ {
		if treaties[i].Statements+treaties[i].Figures > treaties[i-1].Statements+treaties[i-1].Figures {
			t.Errorf("treaties not most first: %+v", treaties)
		}
	}
	f := store.ListFilter{Treaty: treaties[0].ID}
	var n int
	if err := db.EachStatement(ctx, f, func(*store.StatementRow) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	tl, err := db.Timeline(ctx, f, "month")
	if err != nil {
		t.Fatal(err)
	}
	sum := 0
	for i, bk := range tl {
		sum += bk.Statements
		if i > 0 && bk.Start <= tl[i-1].Start {
			t.Errorf("timeline not oldest first: %v", tl)
		}
	}
	if sum != n || n != treaties[0].Statements {
		t.Errorf("%s: timeline counts %d statements, the list %d, the treaty %d", f.Treaty, sum, n, treaties[0].Statements)
	}
	week, err := db.Timeline(ctx, f, "week")
	if err != nil {
		t.Fatal(err)
	}
	for _, bk := range week {
		if d, err := time.Parse("2006-01-02", bk.Start); err != nil || d.Weekday() != time.Monday {
			t.Errorf("week bucket %q does not start on a Monday", bk.Start)
		}
	}
	page, err := db.Statements(ctx, store.ListFilter{Limit: 5, Offset: 5})
	if err != nil || len(page) != 5 {
		t.Fatalf("a page of statements: %d, %v", len(page), err)
	}
	newest, err := db.NewestFirstSeen(ctx)
	if err != nil || newest == "" {
		t.Errorf("NewestFirstSeen %q, %v", newest, err)
	}
	if _, err := db.Treaty(ctx, "no_such_treaty"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown treaty: %v, want ErrNotFound", err)
	}
	if _, err := db.Speaker(ctx, store.ListFilter{Speaker: "Nobody At All"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown speaker: %v, want ErrNotFound", err)
	}
	if _, err := db.Article(ctx, 1<<40); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("an unknown article: %v, want ErrNotFound", err)
	}
	if name, err := db.TreatyName(ctx, "no_such_treaty"); err != nil || name != "no_such_treaty" {
		t.Errorf("the name of an unknown treaty: %q, %v", name, err)
	}
	if ss, fs, err := db.ArticlesItems(ctx, nil); err != nil || len(ss)+len(fs) != 0 || ss == nil || fs == nil {
		t.Errorf("the items of no articles: %v %v %v", ss, fs, err)
	}
}
