package serve

import (
	"fmt"
	"sort"
	"strconv"
	"time"

	"github.com/armswatch/armswatch/store"
)

// Charts are drawn on the server as SVG inside the page: no script, nothing to download, and
// the CSP stays 'none' for scripts. Colours come from the stylesheet through classes (inline
// style attributes would need 'unsafe-inline'). Each mark carries a <title>, which browsers
// show on hover; the table under each chart holds the same numbers.

const (
	chartW, chartH       = 720, 220
	padL, padR, padT, pB = 60, 12, 12, 28
)

type chart struct {
	Label   string // the accessible name
	W, H    int
	Bars    []bar
	Lines   []line
	XLabels []label
	YLabels []label
	Legend  []legendItem
	Axis    string // the x axis line's points
}

type bar struct {
	X, Y, W, H string
	Class      string
	Title      string
}

type line struct {
	Class  string
	Points string
	Dots   []dot
}

type dot struct {
	X, Y  string
	Title string
}

type label struct {
	X, Y   string
	Text   string
	Anchor string
}

type legendItem struct {
	Class, Name string
}

func px(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }

// fillBuckets returns the buckets with the empty weeks or months between them added, so bars
// stand on a real time axis. Starts that are not dates, or too many periods, are left as they are.
func fillBuckets(bs []store.Bucket, by string) []store.Bucket {
	if len(bs) < 2 {
		return bs
	}
	first, err1 := time.Parse("2006-01-02", bs[0].Start)
	last, err2 := time.Parse("2006-01-02", bs[len(bs)-1].Start)
	if err1 != nil || err2 != nil || last.Sub(first) > 20*366*24*time.Hour {
		return bs
	}
	have := map[string]store.Bucket{}
	for _, b := range bs {
		have[b.Start] = b
	}
	var out []store.Bucket
	for t := first; !t.After(last); t = nextPeriod(t, by) {
		k := t.Format("2006-01-02")
		b, ok := have[k]
		if !ok {
			b = store.Bucket{Start: k}
		}
		out = append(out, b)
	}
	return out
}

func nextPeriod(t time.Time, by string) time.Time {
	if by == "week" {
		return t.AddDate(0, 0, 7)
	}
	return t.AddDate(0, 1, 0)
}

// periodLabel shows a bucket start as the period it opens: 2024-03 for a month, the date for a week.
func periodLabel(start, by string) string {
	if by == "month" && len(start) >= 7 {
		return start[:7]
	}
	return start
}

// timelineChart draws statements and figures per period as stacked bars.
func timelineChart(bs []store.Bucket, by, name string) *chart {
	bs = fillBuckets(bs, by)
	if len(bs) == 0 {
		return nil
	}
	c := &chart{Label: name, W: chartW, H: chartH, Legend: []legendItem{{"c0", "statements"}}}
	maxN, figs := 1, 0
	for _, b := range bs {
		maxN = max(maxN, b.Statements+b.Figures)
		figs += b.Figures
	}
	if figs > 0 {
		c.Legend = append(c.Legend, legendItem{"c1", "figures"})
	}
	plotW, plotH := float64(chartW-padL-padR), float64(chartH-padT-pB)
	slot := plotW / float64(len(bs))
	w := max(slot*0.8, 0.5)
	base := float64(padT) + plotH
	for i, b := range bs {
		x := float64(padL) + float64(i)*slot + (slot-w)/2
		hs := plotH * float64(b.Statements) / float64(maxN)
		hf := plotH * float64(b.Figures) / float64(maxN)
		period := periodLabel(b.Start, by)
		if b.Statements > 0 {
			c.Bars = append(c.Bars, bar{px(x), px(base - hs), px(w), px(hs), "c0",
				fmt.Sprintf("%s: %d statements", period, b.Statements)})
		}
		if b.Figures > 0 {
			c.Bars = append(c.Bars, bar{px(x), px(base - hs - hf), px(w), px(hf), "c1",
				fmt.Sprintf("%s: %d figures", period, b.Figures)})
		}
	}
	c.Axis = fmt.Sprintf("%d,%s %d,%s", padL, px(base), chartW-padR, px(base))
	c.YLabels = []label{{px(padL - 6), px(float64(padT) + 10), compactNumber(float64(maxN)), "end"},
		{px(padL - 6), px(base), "0", "end"}}
	c.XLabels = xLabels(len(bs), func(i int) string { return periodLabel(bs[i].Start, by) }, slot, chartH)
	return c
}

// xLabels puts the first, middle and last periods under the axis of a chart h high.
func xLabels(n int, text func(int) string, slot float64, h int) []label {
	y := px(float64(h - 8))
	at := func(i int, anchor string) label {
		return label{px(float64(padL) + (float64(i)+0.5)*slot), y, text(i), anchor}
	}
	switch {
	case n == 1:
		return []label{at(0, "middle")}
	case n < 5:
		return []label{at(0, "start"), at(n-1, "end")}
	}
	return []label{at(0, "start"), at(n/2, "middle"), at(n-1, "end")}
}

// maxSeries is how many figure categories the treaty page charts (the most reported ones).
const maxSeries = 6

// figureCharts draws one small chart per category (each on its own scale: warheads, years and
// dollars do not share an axis): the largest value reported in each period, as a line. The
// charts share the time axis, so they read one above the other.
func figureCharts(fb []store.FigureBucket, by string) []*chart {
	if len(fb) == 0 {
		return nil
	}
	counts := map[string]int{}
	var starts []string
	seen := map[string]bool{}
	for _, b := range fb {
		counts[b.Category] += b.Count
		if !seen[b.Start] {
			seen[b.Start] = true
			starts = append(starts, b.Start)
		}
	}
	cats := make([]string, 0, len(counts))
	for k := range counts {
		cats = append(cats, k)
	}
	sort.Slice(cats, func(i, j int) bool {
		if counts[cats[i]] != counts[cats[j]] {
			return counts[cats[i]] > counts[cats[j]]
		}
		return cats[i] < cats[j]
	})
	cats = cats[:min(len(cats), maxSeries)]
	sort.Strings(starts)
	starts = fillStarts(starts, by)
	index := map[string]int{}
	for i, s := range starts {
		index[s] = i
	}
	var out []*chart
	for ci, cat := range cats {
		var bs []store.FigureBucket
		for _, b := range fb {
			if b.Category == cat {
				bs = append(bs, b)
			}
		}
		out = append(out, seriesChart(cat, fmt.Sprintf("c%d", ci), bs, starts, index, by))
	}
	return out
}

// seriesChart draws one category's buckets against the shared periods.
func seriesChart(cat, class string, bs []store.FigureBucket, starts []string, index map[string]int, by string) *chart {
	const h = 130
	lo, hi := bs[0].Min, bs[0].Max
	for _, b := range bs {
		lo, hi = min(lo, b.Min), max(hi, b.Max)
	}
	if hi == lo {
		lo, hi = lo-max(1, lo*0.1), hi+max(1, hi*0.1)
	}
	plotW, plotH := float64(chartW-padL-padR), float64(h-padT-pB)
	slot := plotW / float64(len(starts))
	y := func(v float64) float64 { return float64(padT) + plotH*(1-(v-lo)/(hi-lo)) }
	c := &chart{Label: cat + ": largest figure reported per " + by, W: chartW, H: h}
	ln := line{Class: class}
	for _, b := range bs {
		x := float64(padL) + (float64(index[b.Start])+0.5)*slot
		ln.Points += px(x) + "," + px(y(b.Max)) + " "
		title := fmt.Sprintf("%s, %s: %s", cat, periodLabel(b.Start, by), formatNumber(b.Max))
		if b.Min != b.Max {
			title = fmt.Sprintf("%s, %s: %s to %s", cat, periodLabel(b.Start, by), formatNumber(b.Min), formatNumber(b.Max))
		}
		ln.Dots = append(ln.Dots, dot{px(x), px(y(b.Max)), fmt.Sprintf("%s (%d figures)", title, b.Count)})
	}
	c.Lines = []line{ln}
	c.Legend = []legendItem{{class, cat}}
	base := float64(padT) + plotH
	c.Axis = fmt.Sprintf("%d,%s %d,%s", padL, px(base), chartW-padR, px(base))
	c.YLabels = []label{{px(padL - 6), px(float64(padT) + 10), compactNumber(hi), "end"},
		{px(padL - 6), px(base), compactNumber(lo), "end"}}
	c.XLabels = xLabels(len(starts), func(i int) string { return periodLabel(starts[i], by) }, slot, h)
	return c
}

// compactNumber fits an axis label: 1,550 as it is, 2,500,000 as 2.5M.
func compactNumber(v float64) string {
	switch a := max(v, -v); {
	case a >= 1e12:
		return strconv.FormatFloat(v/1e12, 'f', 1, 64) + "T"
	case a >= 1e9:
		return strconv.FormatFloat(v/1e9, 'f', 1, 64) + "G"
	case a >= 1e6:
		return strconv.FormatFloat(v/1e6, 'f', 1, 64) + "M"
	case a >= 1e5:
		return strconv.FormatFloat(v/1e3, 'f', 0, 64) + "k"
	case a != float64(int64(a)):
		return strconv.FormatFloat(v, 'f', 1, 64)
	}
	return formatNumber(v)
}

func fillStarts(starts []string, by string) []string {
	bs := make([]store.Bucket, len(starts))
	for i, s := range starts {
		bs[i].Start = s
	}
	bs = fillBuckets(bs, by)
	out := make([]string, len(bs))
	for i, b := range bs {
		out[i] = b.Start
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
