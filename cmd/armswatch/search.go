package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

// runSearch runs a full-text search and prints the hits best first.
func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "QUERY")
	db := dbFlag(fs)
	period := periodFlags(fs)
	speaker := fs.String("speaker", "", "only statements whose speaker contains this")
	treaty := fs.String("treaty", "", "only items about this treaty (id like new_start, or name)")
	source := fs.String("source", "", "only this source")
	limit := fs.Int("limit", 20, "at most this many hits")
	format := fs.String("format", "text", "text, json or jsonl")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("search: give words to search for, e.g. armswatch search 'New START'")
	}
	if *format != "text" && *format != "json" && *format != "jsonl" {
		return usageError("search: --format %q: want text, json or jsonl", *format)
	}
	if *limit <= 0 {
		return usageError("search: --limit must be positive")
	}
	p, err := period.resolve(time.Now())
	if err != nil {
		return err
	}
	q := store.SearchQuery{Text: strings.Join(pos, " "), Period: p, Speaker: *speaker,
		Treaty: *treaty, Source: *source, Limit: *limit, Mark: [2]string{"**", "**"}}
	if *format == "text" && e.isTerminal {
		q.Mark = [2]string{markOn, markOff} // bold once the snippet is cleaned: printHits
	}
	if *format != "text" {
		q.Mark = [2]string{"«", "»"}
	}
	d, err := openReadOnly(*db)
	if err != nil {
		return err
	}
	defer d.Close()
	res, err := d.SearchResults(ctx, q)
	var se *store.SyntaxError
	if errors.As(err, &se) {
		return usageError("search: %q: %s; put words with punctuation in double quotes ('\"U.S.\" AND Russia'), "+
			"or leave out AND OR NOT NEAR and the characters \" ( ) * : ^ to search plain words", se.Query, oneLine(se.Msg))
	}
	if err != nil {
		return err
	}
	if res.Capped {
		fmt.Fprintln(e.stderr, "armswatch: search: more than 10,000 statements or articles match: "+
			"these are the best of the newest 10,000; add words or --since/--until to reach older ones")
	}
	switch *format {
	case "text":
		return printHits(e.stdout, res.Hits, e.isTerminal)
	default:
		return jsonHits(e.stdout, res.Hits, *format == "jsonl")
	}
}

// markOn and markOff are private-use characters that stand for bold in a terminal's snippets
// until the snippet is cleaned of the page's own control characters.
const markOn, markOff = "\ue000", "\ue001"

var terminalBold = strings.NewReplacer(markOn, "\x1b[1m", markOff, "\x1b[0m")

// printHits writes the hits as text, every field on one line with control characters shown as
// U+FFFD; bold highlights matched words (a terminal's snippets carry markOn and markOff).
func printHits(w io.Writer, hits []store.Hit, bold bool) error {
	var b strings.Builder
	if len(hits) == 0 {
		b.WriteString("no matches\n")
	}
	for i, h := range hits {
		date := h.Published
		if len(date) > 10 {
			date = date[:10]
		}
		who := "article"
		if h.Kind == "statement" {
			who = oneLine(h.Speaker)
			if who == "" {
				who = "(unknown speaker)"
			}
			if h.Role != "" {
				who += " (" + oneLine(h.Role) + ")"
			}
			if h.Cue != "" {
				who += ", " + oneLine(h.Cue)
			}
		}
		snippet := oneLine(h.Snippet)
		if bold {
			snippet = terminalBold.Replace(snippet)
		}
		fmt.Fprintf(&b, "%d. %s · %s · %s\n", i+1, who, oneLine(date), oneLine(h.Source))
		fmt.Fprintf(&b, "   %s\n", snippet)
		fmt.Fprintf(&b, "   %s\n   %s\n", oneLine(h.Title), oneLine(h.URL))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// hitJSON is a hit in --format json/jsonl: snake_case keys as in the database.
type hitJSON struct {
	Kind        string  `json:"kind"`
	StatementID int64   `json:"statement_id,omitempty"`
	ArticleID   int64   `json:"article_id"`
	Score       float64 `json:"score"`
	Snippet     string  `json:"snippet"`
	Speaker     string  `json:"speaker,omitempty"`
	Role        string  `json:"role,omitempty"`
	Cue         string  `json:"cue,omitempty"`
	Treaty      string  `json:"treaty,omitempty"`
	Title       string  `json:"title"`
	URL         string  `json:"url"`
	Source      string  `json:"source"`
	Published   string  `json:"published"`
}

func jsonHits(w io.Writer, hits []store.Hit, lines bool) error {
	out := make([]hitJSON, len(hits))
	for i, h := range hits {
		out[i] = hitJSON(h)
	}
	// Encoded into a buffer first: escapeJSONControls needs whole runes.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if lines {
		for _, h := range out {
			if err := enc.Encode(h); err != nil {
				return err
			}
		}
	} else {
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	_, err := w.Write(escapeJSONControls(buf.Bytes()))
	return err
}
