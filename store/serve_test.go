package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/armswatch/armswatch/store"
	"github.com/armswatch/armswatch/store/storetest"
)

// serveDB holds 300 generated articles (3,000 statements) for the serve queries.
func serveDB(t *testing.T) *store.DB {
	t.Helper()
	db, path := openTemp(t)
	if err := storetest.NewSynthetic(10, 3).Fill(context.Background(), db, 3000); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	return ro
}

// TestListPlansAgree: the two plans of a list (read the filter's index and sort, or walk the
// articles newest first) return the same rows in the same order, on every page.
func TestListPlansAgree(t *testing.T) {
	db := serveDB(t)
	ctx := context.Background()
	since := time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)
	for _, f := range []store.ListFilter{
		{Speaker: "Dmitry Peskov"},
		{Treaty: "new_start"},
		{Speaker: "Sergei Ryabkov", Treaty: "inf"},
		{Speaker: "Kremlin", Period: store.Period{Since: since, Until: since.Add(10 * time.Hour)}},
		{},
	} {
		for _, page := range []int{0, 1, 7} {
			f.Limit, f.Offset = 20, page*20
			var got [2][]store.StatementRow
			for i, max := range []int{1 << 30, 0} {
				restore := store.SetIndexPlanMaxForTest(max)
				rows, err := db.Statements(ctx, f)
				restore()
				if err != nil {
					t.Fatal(err)
				}
				got[i] = rows
			}
			if !reflect.DeepEqual(got[0], got[1]) {
				t.Errorf("%+v: the plans disagree:\nindex %v\nwalk  %v", f, ids(got[0]), ids(got[1]))
			}
			if page == 0 && len(got[0]) == 0 {
				t.Errorf("%+v: no rows", f)
			}
			for i := 1; i < len(got[0]); i++ {
				if got[0][i].Date > got[0][i-1].Date {
					t.Errorf("%+v: not newest first at %d", f, i)
				}
			}
		}
	}
}

func ids(rows []store.StatementRow) []int64 {
	out := make([]int64, len(rows))
	for i, r := range rows {
		out[i] = r.ID
	}
	return out
}

// TestTimelineCountsEveryStatement: a timeline's buckets add up to the statements it counts.
func TestTimelineCountsEveryStatement(t *testing.T) {
	db := serveDB(t)
	ctx := context.Background()
	for _, by := range []string{"month", "week"} {
		for _, f := range []store.ListFilter{{Treaty: "new_start"}, {Speaker: "Pentagon"}} {
			bs, err := db.Timeline(ctx, f, by)
			if err != nil {
				t.Fatal(err)
			}
			n, err := db.CountStatements(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for i, b := range bs {
				sum += b.Statements
				if i > 0 && b.Start <= bs[i-1].Start {
					t.Errorf("%s %+v: buckets out of order at %s", by, f, b.Start)
				}
				if by == "week" {
					if d, err := time.Parse("2006-01-02", b.Start); err != nil || d.Weekday() != time.Monday {
						t.Errorf("week bucket %q does not start on a Monday", b.Start)
					}
				}
			}
			if sum != n || n == 0 {
				t.Errorf("%s %+v: buckets hold %d statements, the filter %d", by, f, sum, n)
			}
		}
	}
}

func TestServeLookupsNotFound(t *testing.T) {
	db := serveDB(t)
	ctx := context.Background()
	if _, err := db.Treaty(ctx, "no_such"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("treaty: %v", err)
	}
	if _, err := db.Speaker(ctx, store.ListFilter{Speaker: "Nobody"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("speaker: %v", err)
	}
	if _, err := db.Article(ctx, 1<<40); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("article: %v", err)
	}
	ts, err := db.Treaties(ctx)
	if err != nil || len(ts) != 5 {
		t.Errorf("treaties: %+v %v", ts, err)
	}
	sp, err := db.Speaker(ctx, store.ListFilter{Speaker: "Dmitry Peskov"})
	if err != nil || sp.Statements == 0 || sp.FirstDate == "" || sp.FirstDate > sp.LastDate {
		t.Errorf("speaker: %+v %v", sp, err)
	}
}
