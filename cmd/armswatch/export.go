package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/armswatch/armswatch/extract"
	"github.com/armswatch/armswatch/store"
)

// runExport writes statements, figures or articles as RFC 4180 CSV, streaming from the database.
func runExport(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "export", "statements|figures|articles")
	db := dbFlag(fs)
	period := periodFlags(fs)
	excel := fs.Bool("excel", false, "start with a UTF-8 byte order mark so Excel reads the encoding right")
	out := fs.String("o", "", "output file (default: standard output)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usageError("export: give one of %s", strings.Join(store.ExportKinds(), ", "))
	}
	kind := pos[0]
	cols, err := store.ExportColumns(kind)
	if err != nil {
		return usageError("export: %v", err)
	}
	free, err := store.ExportFreeText(kind)
	if err != nil {
		return err
	}
	p, err := period.resolve(time.Now())
	if err != nil {
		return err
	}
	d, err := openReadOnly(*db)
	if err != nil {
		return err
	}
	defer d.Close()
	return writeOutput(e, *out, func(w io.Writer) error {
		cw, err := newSafeCSV(w, *excel, cols, free)
		if err != nil {
			return err
		}
		if err := d.Export(ctx, kind, p, cw.Write); err != nil {
			return fmt.Errorf("export: %w", err)
		}
		return cw.Flush()
	})
}

// writeOutput runs write on standard output, or on file (created, and removed again if write
// fails so that a cron job never mails half a file).
func writeOutput(e *env, file string, write func(io.Writer) error) error {
	if file == "" || file == "-" {
		bw := bufio.NewWriterSize(e.stdout, 64<<10)
		if err := write(bw); err != nil {
			return err
		}
		return bw.Flush()
	}
	f, err := os.Create(file)
	if err != nil {
		return fmt.Errorf("output: %w", err)
	}
	bw := bufio.NewWriterSize(f, 64<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(file)
		return fmt.Errorf("output %s: %w", file, err)
	}
	return nil
}

// safeCSV is an encoding/csv writer (RFC 4180: quoted fields, CRLF line ends) that shows
// control characters as U+FFFD in every cell and neutralises the free-text cells a spreadsheet
// would run as formulas. Only free text is guarded: a comparator "=" or a kind must read back
// as written.
type safeCSV struct {
	w     *csv.Writer
	guard []bool // by column: free text
	rec   []string
}

// newSafeCSV writes the header row (and the BOM first when asked); free names the columns of
// free text, each of which must be in header.
func newSafeCSV(w io.Writer, bom bool, header, free []string) (*safeCSV, error) {
	guard := make([]bool, len(header))
	for _, f := range free {
		i := slices.Index(header, f)
		if i < 0 {
			return nil, fmt.Errorf("csv: free-text column %q is not in the header", f)
		}
		guard[i] = true
	}
	if bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return nil, err
		}
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180 line ends, which spreadsheets expect
	c := &safeCSV{w: cw, guard: guard}
	return c, cw.Write(header)
}

func (c *safeCSV) Write(row []string) error {
	c.rec = c.rec[:0]
	for i, s := range row {
		s = visible(s, true)
		if i < len(c.guard) && c.guard[i] {
			s = neutralise(s)
		}
		c.rec = append(c.rec, s)
	}
	return c.w.Write(c.rec)
}

func (c *safeCSV) Flush() error {
	c.w.Flush()
	return c.w.Error()
}

// neutralise prefixes a single quote to a cell that starts with =, +, -, @, tab or carriage
// return (OWASP's CSV injection advice), so Excel, LibreOffice and Sheets show it as text
// instead of evaluating it. Plain numbers ("-5", "+3.5") are left alone: they cannot call
// anything, and quoting them would turn numeric columns into text.
func neutralise(s string) string {
	if s == "" || !strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return s
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return s
	}
	return "'" + s
}

// periodFlag holds --since and --until until they are resolved against the clock.
type periodFlag struct{ since, until *string }

func periodFlags(fs *flag.FlagSet) periodFlag {
	return periodFlag{
		since: fs.String("since", "", "from this time: a duration back from now (24h, 7d) or a date (2026-11-01)"),
		until: fs.String("until", "", "before this time: a duration back from now or a date"),
	}
}

func (p periodFlag) resolve(now time.Time) (store.Period, error) {
	var out store.Period
	var err error
	if out.Since, err = parseWhen(*p.since, now); err != nil {
		return out, usageError("--since: %v", err)
	}
	if out.Until, err = parseWhen(*p.until, now); err != nil {
		return out, usageError("--until: %v", err)
	}
	return out, nil
}

// parseWhen reads a duration back from now ("24h", "90m", "7d", "2w") or a date or time
// ("2026-11-01", RFC 3339); "" is the zero time (no limit). A bare date is midnight UTC.
func parseWhen(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := extract.ParseTime(s); err == nil {
		return t.Time, nil
	}
	if d, ok := parseDays(s); ok {
		return now.Add(-d), nil
	}
	if d, err := time.ParseDuration(s); err == nil && d > 0 {
		return now.Add(-d), nil
	}
	return time.Time{}, fmt.Errorf("%q is neither a duration (24h, 7d, 2w) nor a date (2026-11-01)", s)
}

// parseDays reads whole days or weeks ("7d", "2w"), which time.ParseDuration lacks.
func parseDays(s string) (time.Duration, bool) {
	if len(s) < 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n <= 0 {
		return 0, false
	}
	switch s[len(s)-1] {
	case 'd':
		return time.Duration(n) * 24 * time.Hour, true
	case 'w':
		return time.Duration(n) * 7 * 24 * time.Hour, true
	}
	return 0, false
}
