package serve

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/armswatch/armswatch/extract/textutil"
	"github.com/armswatch/armswatch/store"
)

// The article page shows the stored body with each statement, figure, date and mention marked
// where its byte offsets say. Items may overlap (a figure inside a quote, a mention inside
// both), so the body is cut at every item edge and each piece carries the items covering it.
// Offsets come from the database and are checked: one outside the body or inside a UTF-8
// sequence marks nothing rather than cutting a character in two.

// mark is one highlighted item: its byte range, CSS class, anchor id and hover text.
type mark struct {
	start, end int
	class      string
	anchor     string
	title      string
}

// segment is a piece of a paragraph with the marks covering it.
type segment struct {
	Text    string
	Class   string   // space-separated classes of the covering marks, "" for plain text
	Title   string   // their hover texts, one per line
	Anchors []string // ids of the marks that start here (the side list links to them)
}

type paragraph struct {
	Segments []segment
}

// articleMarks lists the marks of an article: statements by their spans (a quote split by its
// attribution is marked in parts), then figures, dates and mentions.
func articleMarks(d *store.ArticleDetail) []mark {
	var ms []mark
	for i, s := range d.Statements {
		who := s.Speaker
		if who == "" {
			who = "unknown speaker"
		}
		if s.Role != "" {
			who += " (" + s.Role + ")"
		}
		title := fmt.Sprintf("statement %d: %s, %s", i+1, who, s.Kind)
		if s.Cue != "" {
			title += ", " + s.Cue
		}
		if s.Treaty != "" {
			title += ", about " + s.Treaty
		}
		for j, sp := range s.Spans {
			m := mark{start: sp[0], end: sp[1], class: "st", title: title}
			if j == 0 {
				m.anchor = fmt.Sprintf("s%d", i+1)
			}
			ms = append(ms, m)
		}
	}
	for i, f := range d.Figures {
		title := fmt.Sprintf("figure %d: %s %s %s, %s", i+1, f.Comparator, formatNumber(f.Value), f.Unit, f.Category)
		if f.ValueMax != nil {
			title = fmt.Sprintf("figure %d: %s to %s %s, %s", i+1, formatNumber(f.Value), formatNumber(f.ValueMax), f.Unit, f.Category)
		}
		if f.Treaty != "" {
			title += ", " + f.Treaty
		}
		ms = append(ms, mark{f.Start, f.End, "fig", fmt.Sprintf("f%d", i+1), title})
	}
	for i, x := range d.Dates {
		v := x.Value
		if x.ValueEnd != nil {
			v += " to " + *x.ValueEnd
		}
		ms = append(ms, mark{x.Start, x.End, "dt", fmt.Sprintf("d%d", i+1), fmt.Sprintf("date %d: %s (%s, %s)", i+1, v, x.Kind, x.Granularity)})
	}
	for i, m := range d.Mentions {
		ms = append(ms, mark{m.Start, m.End, "mn", fmt.Sprintf("m%d", i+1), fmt.Sprintf("%s: %s", m.Type, m.Name)})
	}
	return ms
}

// validMark tells whether a mark's range lies in body on character boundaries.
func validMark(body string, m mark) bool {
	if m.start < 0 || m.end > len(body) || m.start >= m.end {
		return false
	}
	return utf8.RuneStart(body[m.start]) && (m.end == len(body) || utf8.RuneStart(body[m.end]))
}

// highlight cuts body into paragraphs of segments.
func highlight(body string, marks []mark) []paragraph {
	var ok []mark
	for _, m := range marks {
		if validMark(body, m) {
			ok = append(ok, m)
		}
	}
	sort.SliceStable(ok, func(i, j int) bool { return ok[i].start < ok[j].start })
	var out []paragraph
	next := 0         // first mark in ok not yet active
	var active []mark // marks covering the current position
	for _, p := range textutil.Paragraphs(body) {
		var para paragraph
		pos := p.Start
		for pos < p.End {
			// Marks that started before pos (in an earlier paragraph or piece) stay active.
			for next < len(ok) && ok[next].start <= pos {
				active = append(active, ok[next])
				next++
			}
			active = dropEnded(active, pos)
			end := p.End
			if next < len(ok) && ok[next].start < end {
				end = ok[next].start
			}
			for _, m := range active {
				end = min(end, m.end)
			}
			para.Segments = append(para.Segments, makeSegment(body[pos:end], active, pos))
			pos = end
		}
		active = dropEnded(active, p.End+len(textutil.ParagraphSep))
		out = append(out, para)
	}
	return out
}

func dropEnded(active []mark, pos int) []mark {
	kept := active[:0]
	for _, m := range active {
		if m.end > pos {
			kept = append(kept, m)
		}
	}
	return kept
}

func makeSegment(text string, active []mark, pos int) segment {
	s := segment{Text: text}
	if len(active) == 0 {
		return s
	}
	var classes, titles []string
	for _, m := range active {
		if !contains(classes, m.class) {
			classes = append(classes, m.class)
		}
		titles = append(titles, m.title)
		if m.start == pos && m.anchor != "" {
			s.Anchors = append(s.Anchors, m.anchor)
		}
	}
	sort.Strings(classes)
	s.Class = strings.Join(classes, " ")
	s.Title = strings.Join(titles, "\n")
	return s
}
