package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/armswatch/armswatch/store"
)

// digestColumns are the CSV digest's columns (docs/schema.md, "Exports"): stable, append only.
var digestColumns = []string{"treaty", "treaty_name", "speaker", "role", "type", "kind", "text",
	"context", "cue", "date", "source", "title", "url", "also_reported_by"}

// digestFreeText are the digest's columns of text taken from web pages, guarded against
// spreadsheet formulas (treaty_name is the name as the articles spell it).
var digestFreeText = []string{"treaty_name", "speaker", "role", "text", "context", "cue", "title", "url"}

// runDigest writes the new items of a period grouped by treaty and speaker.
func runDigest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "digest", "")
	db := dbFlag(fs)
	since := fs.String("since", "", "the period: a duration back from now (24h, 7d) or a date (required)")
	out := fs.String("o", "", "output file (default: standard output)")
	format := fs.String("format", "", "markdown or csv (default: csv for an -o FILE ending in .csv, else markdown)")
	excel := fs.Bool("excel", false, "csv: start with a UTF-8 byte order mark for Excel")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return usageError("digest: unexpected argument %q", pos[0])
	}
	if *since == "" {
		return usageError("digest: --since is required (24h for a daily digest, 7d for a weekly one)")
	}
	if *format == "" {
		*format = "markdown"
		if strings.EqualFold(filepath.Ext(*out), ".csv") {
			*format = "csv"
		}
	}
	if *format != "markdown" && *format != "csv" {
		return usageError("digest: --format %q: want markdown or csv", *format)
	}
	now := time.Now()
	from, err := parseWhen(*since, now)
	if err != nil {
		return usageError("digest: --since: %v", err)
	}
	p := store.Period{Since: from, Until: now}
	d, err := openReadOnly(*db)
	if err != nil {
		return err
	}
	defer d.Close()
	return writeOutput(e, *out, func(w io.Writer) error {
		if *format == "csv" {
			return digestCSV(ctx, d, p, w, *excel)
		}
		return digestMarkdown(ctx, d, p, w)
	})
}

func digestCSV(ctx context.Context, d store.Store, p store.Period, w io.Writer, bom bool) error {
	cw, err := newSafeCSV(w, bom, digestColumns, digestFreeText)
	if err != nil {
		return err
	}
	row := make([]string, len(digestColumns))
	err = d.Digest(ctx, p, func(it *store.DigestItem) error {
		copy(row, []string{it.Treaty, it.TreatyName, it.Speaker, it.Role, it.Type, it.Kind, it.Text,
			it.Context, it.Cue, it.Date, it.Source, it.Title, it.URL, it.AlsoReportedBy})
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	return cw.Flush()
}

// digestMarkdown writes one section per treaty and one subsection per speaker, streaming: a
// heading is written when the group changes (the store returns items in group order).
func digestMarkdown(ctx context.Context, d store.Store, p store.Period, w io.Writer) error {
	sum, err := d.DigestCounts(ctx, p)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "# armswatch digest, %s to %s\n\n", p.Since.UTC().Format("2006-01-02 15:04"), p.Until.UTC().Format("2006-01-02 15:04 UTC"))
	fmt.Fprintf(w, "%d new articles (%d stories), %d statements, %d figures.\n", sum.Articles, sum.Stories, sum.Statements, sum.Figures)
	treaty, speaker, first := "", "", true
	err = d.Digest(ctx, p, func(it *store.DigestItem) error {
		if first || it.Treaty != treaty {
			name := it.TreatyName
			if it.Treaty == "" {
				name = "Other news"
			}
			fmt.Fprintf(w, "\n## %s\n", mdEscape(name))
			treaty, speaker = it.Treaty, "\x00"
		}
		if it.Speaker != speaker {
			who := it.Speaker
			if who == "" {
				who = "Unattributed"
			}
			fmt.Fprintf(w, "\n### %s\n\n", mdEscape(who))
			speaker = it.Speaker
		}
		first = false
		_, err := io.WriteString(w, digestLine(it))
		return err
	})
	if err != nil {
		return err
	}
	if first {
		fmt.Fprintln(w, "\nNothing new.")
	}
	return nil
}

func digestLine(it *store.DigestItem) string {
	ref := fmt.Sprintf("[%s](%s), %s, %s", mdEscape(it.Title), oneLine(it.URL), oneLine(it.Date), mdEscape(it.Source))
	if it.AlsoReportedBy != "" {
		ref += "; also reported by " + mdEscape(it.AlsoReportedBy)
	}
	if it.Type == "figure" {
		return fmt.Sprintf("- Figure: **%s** (%s): %s — %s\n", mdEscape(it.Text), mdEscape(it.Kind), mdEscape(it.Context), ref)
	}
	role := ""
	if it.Role != "" {
		role = " (" + mdEscape(it.Role) + ")"
	}
	text := mdEscape(it.Text)
	if it.Kind == "direct" {
		text = "“" + text + "”"
	}
	return fmt.Sprintf("- %s%s — %s\n", text, role, ref)
}

// mdEscape keeps text from turning into Markdown markup (links, emphasis, headings) and shows
// control characters as U+FFFD (a digest is read in terminals and mail).
func mdEscape(s string) string {
	s = oneLine(s)
	return strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, `[`, `\[`, `]`, `\]`, "`", "\\`", `<`, `&lt;`).Replace(s)
}
