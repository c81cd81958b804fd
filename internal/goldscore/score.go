// Package goldscore scores analyses against labelled articles (*.gold.json, the gold format of
// the project's spec), by the rules of the shared score-extract tool, in process: a test can
// then hold the analyzer to its scores on any machine, without the shared tools beside it.
package goldscore

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"
)

// Lists are the scored lists of an analysis.
var Lists = []string{"statements", "dates", "figures", "mentions"}

// Checks are the article checks a gold file may ask for.
var Checks = []string{"title", "published", "dateline", "body"}

// Input is what the analyzer is given for one labelled article.
type Input struct {
	Path      string // the page or text file
	URL       string // the gold's url, "" if none
	Text      bool   // plain text (a .txt input, or text_input in the gold)
	Published string // the gold's published_hint, "" if none
}

// Analyzer analyzes one input; its result is marshalled to JSON and scored as extract's output.
type Analyzer func(in Input) (any, error)

// Counts are true positives, false positives (lists the gold calls complete only) and false
// negatives.
type Counts struct{ TP, FP, FN int }

func (c *Counts) add(o Counts) { c.TP, c.FP, c.FN = c.TP+o.TP, c.FP+o.FP, c.FN+o.FN }

// F1 is 2TP / (2TP + FP + FN); 1 when there is nothing to find and nothing found.
func (c Counts) F1() float64 {
	d := 2*c.TP + c.FP + c.FN
	if d == 0 {
		return 1
	}
	return 2 * float64(c.TP) / float64(d)
}

// Ratio is a share of right answers.
type Ratio struct{ Right, Total int }

func (r Ratio) Share() float64 {
	if r.Total == 0 {
		return 1
	}
	return float64(r.Right) / float64(r.Total)
}

// Summary is the micro-averaged score of a set of articles.
type Summary struct {
	Articles   int
	Lists      map[string]Counts // by list name
	Attributed Counts            // statements matched and attributed to the gold's speaker
	Treaty     Ratio             // matched figures whose gold gives a treaty
	Kind       Ratio             // matched statements whose gold gives a kind
	Checks     map[string]Ratio  // article checks, by name
	Required   []string          // required items missed, "file: list: item"
	Failures   []string          // per-file problems (failed runs, failed checks), for the log
}

func newSummary() *Summary {
	return &Summary{Lists: map[string]Counts{}, Checks: map[string]Ratio{}}
}

// String prints the summary as score-extract's table does.
func (s *Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "scored %d article(s)\n%-14s%6s%6s%6s%8s\n", s.Articles, "list", "tp", "fp", "fn", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-14s%6d%6d%6d%8.3f\n", name, c.TP, c.FP, c.FN, c.F1())
	}
	for _, l := range Lists {
		row(l, s.Lists[l])
		if l == "statements" {
			row("  attributed", s.Attributed)
		}
	}
	fmt.Fprintf(&b, "treaty accuracy %d/%d, statement kind %d/%d\n", s.Treaty.Right, s.Treaty.Total, s.Kind.Right, s.Kind.Total)
	for _, c := range Checks {
		fmt.Fprintf(&b, "  %-10s %d/%d\n", c, s.Checks[c].Right, s.Checks[c].Total)
	}
	return b.String()
}

// ScoreDirs scores every *.gold.json under dirs (recursively, in name order).
func ScoreDirs(run Analyzer, dirs ...string) (*Summary, error) {
	var golds []string
	for _, d := range dirs {
		err := filepath.WalkDir(d, func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && strings.HasSuffix(p, ".gold.json") {
				golds = append(golds, p)
			}
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("goldscore: %w", err)
		}
	}
	sort.Strings(golds)
	s := newSummary()
	for _, g := range golds {
		if err := s.scoreFile(g, run); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// scoreFile runs the analyzer on one labelled article and adds its score. A failed run scores
// as an empty output (everything missed), as in score-extract.
func (s *Summary) scoreFile(goldPath string, run Analyzer) error {
	raw, err := os.ReadFile(goldPath)
	if err != nil {
		return fmt.Errorf("goldscore: %w", err)
	}
	var gold item
	if err := json.Unmarshal(raw, &gold); err != nil {
		return fmt.Errorf("goldscore: %s: %w", goldPath, err)
	}
	in, err := inputOf(goldPath, gold)
	if err != nil {
		return err
	}
	s.Articles++
	out, err := analyze(run, in)
	if err != nil {
		s.Failures = append(s.Failures, fmt.Sprintf("%s: run failed: %v", goldPath, err))
	}
	complete := map[string]bool{}
	for _, c := range items(gold["complete"]) {
		if name, ok := c.(string); ok {
			complete[name] = true
		}
	}
	for _, l := range Lists {
		s.scoreList(goldPath, l, objects(gold[l]), objects(out[l]), complete[l])
	}
	s.check(goldPath, gold, out)
	return nil
}

func inputOf(goldPath string, gold item) (Input, error) {
	dir := filepath.Dir(goldPath)
	name := str(gold, "input")
	if name == "" {
		base := strings.TrimSuffix(filepath.Base(goldPath), ".gold.json")
		for _, ext := range []string{".html", ".txt"} {
			if _, err := os.Stat(filepath.Join(dir, base+ext)); err == nil {
				name = base + ext
				break
			}
		}
	}
	if name == "" {
		return Input{}, fmt.Errorf("goldscore: %s: no input named and no NAME.html/.txt beside it", goldPath)
	}
	text, _ := gold["text_input"].(bool)
	return Input{Path: filepath.Join(dir, name), URL: str(gold, "url"),
		Text: text || strings.HasSuffix(strings.ToLower(name), ".txt"), Published: str(gold, "published_hint")}, nil
}

// analyze runs the analyzer and turns its result into the JSON object a reader of extract's
// output sees.
func analyze(run Analyzer, in Input) (item, error) {
	a, err := run(in)
	if err != nil {
		return item{}, err
	}
	b, err := json.Marshal(a)
	if err != nil {
		return item{}, err
	}
	var out item
	if err := json.Unmarshal(b, &out); err != nil {
		return item{}, err
	}
	return out, nil
}

func items(v any) []any {
	l, _ := v.([]any)
	return l
}

func objects(v any) []item {
	var out []item
	for _, x := range items(v) {
		if m, ok := x.(item); ok {
			out = append(out, m)
		}
	}
	return out
}

func (s *Summary) scoreList(file, list string, g, o []item, complete bool) {
	var c Counts
	if list == "mentions" {
		gset, oset := map[string]bool{}, map[string]bool{}
		for _, it := range g {
			gset[mentionKey(it)] = true
		}
		for _, it := range o {
			oset[mentionKey(it)] = true
		}
		for k := range gset {
			if oset[k] {
				c.TP++
			}
		}
		c.FN = len(gset) - c.TP
		if complete {
			c.FP = len(oset) - c.TP
		}
		for _, it := range g {
			if it["required"] == true && !oset[mentionKey(it)] {
				s.Required = append(s.Required, fmt.Sprintf("%s: mentions: %s:%s", file, str(it, "type"), str(it, "id")))
			}
		}
		s.addList(list, c)
		return
	}
	match := map[string]func([]item, []item) map[int]int{
		"statements": matchStatements, "dates": matchDates, "figures": matchFigures}[list]
	g2o := match(g, o)
	c.TP, c.FN = len(g2o), len(g)-len(g2o)
	if complete {
		c.FP = len(o) - len(g2o)
	}
	for gi, it := range g {
		if _, ok := g2o[gi]; !ok && it["required"] == true {
			s.Required = append(s.Required, fmt.Sprintf("%s: %s: %q", file, list, str(it, "text")))
		}
	}
	s.addList(list, c)
	switch list {
	case "statements":
		var a Counts
		for gi, oi := range g2o {
			if speakersAgree(g[gi], o[oi]) {
				a.TP++
			}
			if given(g[gi], "kind") {
				s.Kind.Total++
				if jsonEqual(g[gi]["kind"], o[oi]["kind"]) {
					s.Kind.Right++
				}
			}
		}
		a.FN = len(g) - a.TP
		if complete {
			a.FP = len(o) - a.TP
		}
		s.Attributed.add(a)
	case "figures":
		for gi, oi := range g2o {
			if given(g[gi], "treaty") {
				s.Treaty.Total++
				if jsonEqual(g[gi]["treaty"], o[oi]["treaty"]) {
					s.Treaty.Right++
				}
			}
		}
	}
}

func (s *Summary) addList(list string, c Counts) {
	t := s.Lists[list]
	t.add(c)
	s.Lists[list] = t
}

// check runs the article checks the gold asks for.
func (s *Summary) check(file string, gold, out item) {
	for _, name := range Checks {
		gv, ok := gold[name]
		if !ok || (name == "body" && gv == nil) {
			continue
		}
		var right bool
		switch name {
		case "title":
			gs, _ := gv.(string)
			right = fold(gs) == fold(str(out, "title"))
		case "published":
			right = checkPublished(gv, out["published"])
		case "dateline":
			right = checkDateline(gv, out["dateline"])
		case "body":
			right = checkBody(gv, str(out, "body"))
		}
		r := s.Checks[name]
		r.Total++
		if right {
			r.Right++
		} else {
			s.Failures = append(s.Failures, fmt.Sprintf("%s: check %s failed", file, name))
		}
		s.Checks[name] = r
	}
}

var dateOnly = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// checkPublished compares at the precision the gold writes: a date its date part, a time the
// instant (wall clocks when only one side has an offset).
func checkPublished(gv, ov any) bool {
	o, _ := ov.(string)
	if gv == nil {
		return ov == nil || o == ""
	}
	g, ok := gv.(string)
	if !ok || o == "" {
		return false
	}
	g, o = strings.TrimSpace(g), strings.TrimSpace(o)
	if dateOnly.MatchString(g) {
		return strings.HasPrefix(o, g) && (len(o) == len(g) || o[len(g)] < '0' || o[len(g)] > '9')
	}
	gt, gzone, ok1 := parseTime(g)
	ot, ozone, ok2 := parseTime(o)
	if !ok1 || !ok2 || !strings.ContainsAny(strings.ToUpper(o), "T ") {
		return false
	}
	if gzone != ozone { // one naive, one with an offset: compare wall clocks
		gt = time.Date(gt.Year(), gt.Month(), gt.Day(), gt.Hour(), gt.Minute(), gt.Second(), gt.Nanosecond(), time.UTC)
		ot = time.Date(ot.Year(), ot.Month(), ot.Day(), ot.Hour(), ot.Minute(), ot.Second(), ot.Nanosecond(), time.UTC)
	}
	return gt.Equal(ot)
}

// parseTime reads an ISO 8601 time as Python's fromisoformat does for the forms pages give;
// zone tells whether it carries an offset.
func parseTime(s string) (t time.Time, zone, ok bool) {
	s = strings.Replace(s, "z", "Z", 1)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05Z07:00", "2006-01-02T15:04Z07:00"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true, true
		}
	}
	for _, layout := range []string{"2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, false, true
		}
	}
	return time.Time{}, false, false
}

func checkDateline(gv, ov any) bool {
	if gv == nil {
		return ov == nil
	}
	o, ok := ov.(item)
	if !ok {
		return false
	}
	switch g := gv.(type) {
	case string:
		return fold(g) == fold(str(o, "text"))
	case item:
		for k, v := range g {
			gs, ok1 := v.(string)
			os, ok2 := o[k].(string)
			if ok1 && ok2 {
				if fold(gs) != fold(os) {
					return false
				}
			} else if !jsonEqual(v, o[k]) {
				return false
			}
		}
		return true
	}
	return false
}

func checkBody(gv any, body string) bool {
	b := fold(body)
	switch g := gv.(type) {
	case string:
		return fold(g) == b
	case item:
		if given(g, "first") && !strings.HasPrefix(b, fold(str(g, "first"))) {
			return false
		}
		if given(g, "last") && !strings.HasSuffix(b, fold(str(g, "last"))) {
			return false
		}
		for _, t := range items(g["must_contain"]) {
			if s, _ := t.(string); !strings.Contains(b, fold(s)) {
				return false
			}
		}
		for _, t := range items(g["must_not_contain"]) {
			if s, _ := t.(string); fold(s) != "" && strings.Contains(b, fold(s)) {
				return false
			}
		}
		return true
	}
	return false
}
