package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/armswatch/armswatch/store"

	"github.com/rivo/uniseg"
)

// dbFlag adds --db; resolve it with dbPath after parsing.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database file (default: the config's database, else armswatch.db)")
}

// dbPath is --db if given, else the config's database (the config is optional here), else
// armswatch.db.
func dbPath(flagValue, configPath string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	cfg, err := loadConfig(configPath, false)
	if err != nil {
		return "", err
	}
	if cfg.Database != "" {
		return cfg.Database, nil
	}
	return "armswatch.db", nil
}

// openReadOnly opens the database for the reading commands (SQLite or PostgreSQL: open).
func openReadOnly(flagValue string) (store.Store, error) {
	path, err := dbPath(flagValue, "")
	if err != nil {
		return nil, err
	}
	return openRead(context.Background(), path)
}

// runQuery runs one SQL statement read-only and prints its rows.
func runQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "query", "SQL")
	db := dbFlag(fs)
	format := fs.String("format", "", "table, csv, json or jsonl (default: table on a terminal, else csv)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) == 0 {
		return usageError("query: give the SQL to run, e.g. armswatch query 'SELECT * FROM statements_v LIMIT 10'")
	}
	if *format == "" {
		*format = "csv"
		if e.isTerminal {
			*format = "table"
		}
	}
	w, ok := rowWriters[*format]
	if !ok {
		return usageError("query: --format %q: want table, csv, json or jsonl", *format)
	}
	d, err := openReadOnly(*db)
	if err != nil {
		return err
	}
	defer d.Close()
	rows, err := d.Query(ctx, strings.Join(pos, " "))
	if err != nil {
		return queryError(err)
	}
	defer rows.Close()
	if err := writeRows(rows, w(e.stdout)); err != nil {
		return queryError(err)
	}
	return nil
}

func queryError(err error) error {
	if isReadOnlyError(err) {
		return fmt.Errorf("query: refused: the database is opened read-only and this statement would change it (%v); nothing was changed", err)
	}
	return fmt.Errorf("query: %w", err)
}

// rowWriter receives a result's columns, then each row's values, then the end.
type rowWriter interface {
	header(cols []string) error
	row(vals []any) error
	end() error
}

var rowWriters = map[string]func(io.Writer) rowWriter{
	"table": func(w io.Writer) rowWriter { return &tableWriter{w: w} },
	"csv":   func(w io.Writer) rowWriter { return &csvRows{w: csv.NewWriter(w)} },
	"json":  func(w io.Writer) rowWriter { return &jsonRows{w: w, array: true} },
	"jsonl": func(w io.Writer) rowWriter { return &jsonRows{w: w} },
}

func writeRows(rows *sql.Rows, w rowWriter) error {
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	if err := w.header(cols); err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if err := w.row(vals); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return w.end()
}

// text renders a value for csv and table output: a BLOB that is not UTF-8 (raw_html) as hex,
// as the sqlite3 shell writes it in SQL.
func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		if utf8.Valid(x) {
			return string(x)
		}
		return "X'" + hex.EncodeToString(x) + "'"
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	default:
		return fmt.Sprint(x)
	}
}

type csvRows struct{ w *csv.Writer }

func (c *csvRows) header(cols []string) error {
	rec := make([]string, len(cols))
	for i, col := range cols {
		rec[i] = oneLine(col)
	}
	return c.w.Write(rec)
}

func (c *csvRows) row(vals []any) error {
	rec := make([]string, len(vals))
	for i, v := range vals {
		rec[i] = visible(text(v), true)
	}
	return c.w.Write(rec)
}
func (c *csvRows) end() error { c.w.Flush(); return c.w.Error() }

// jsonRows writes objects with the columns in result order (a map would sort them).
type jsonRows struct {
	w     io.Writer
	array bool
	cols  [][]byte // JSON-encoded column names
	n     int
}

func (j *jsonRows) header(cols []string) error {
	for _, c := range cols {
		b, _ := json.Marshal(c)
		j.cols = append(j.cols, escapeJSONControls(b))
	}
	if j.array {
		_, err := io.WriteString(j.w, "[")
		return err
	}
	return nil
}

func (j *jsonRows) row(vals []any) error {
	var b strings.Builder
	if j.array && j.n > 0 {
		b.WriteString(",")
	}
	if j.array {
		b.WriteString("\n  ")
	}
	b.WriteString("{")
	for i, v := range vals {
		if i > 0 {
			b.WriteString(",")
		}
		b.Write(j.cols[i])
		b.WriteString(":")
		if x, ok := v.([]byte); ok {
			v = text(x)
		}
		val, err := json.Marshal(v)
		if err != nil {
			return err
		}
		b.Write(escapeJSONControls(val))
	}
	b.WriteString("}")
	if !j.array {
		b.WriteString("\n")
	}
	j.n++
	_, err := io.WriteString(j.w, b.String())
	return err
}

func (j *jsonRows) end() error {
	if !j.array {
		return nil
	}
	_, err := io.WriteString(j.w, "\n]\n")
	return err
}

// tableWriter buffers the rows to align columns by display width (CJK and combining marks
// included); long cells are cut so that a body does not fill the screen.
type tableWriter struct {
	w    io.Writer
	cols []string
	rows [][]string
}

const maxCellWidth = 60

func (t *tableWriter) header(cols []string) error {
	t.cols = make([]string, len(cols))
	for i, c := range cols {
		t.cols[i] = cell(c)
	}
	return nil
}

func (t *tableWriter) row(vals []any) error {
	r := make([]string, len(vals))
	for i, v := range vals {
		r[i] = cell(text(v))
	}
	t.rows = append(t.rows, r)
	return nil
}

// cell flattens white space, shows control characters as U+FFFD and cuts a value to
// maxCellWidth columns.
func cell(s string) string {
	s = oneLine(s)
	if uniseg.StringWidth(s) <= maxCellWidth {
		return s
	}
	var b strings.Builder
	w := 0
	g := uniseg.NewGraphemes(s)
	for g.Next() {
		if w+g.Width() > maxCellWidth-1 {
			break
		}
		w += g.Width()
		b.WriteString(g.Str())
	}
	return b.String() + "…"
}

func (t *tableWriter) end() error {
	widths := make([]int, len(t.cols))
	for i, c := range t.cols {
		widths[i] = uniseg.StringWidth(c)
	}
	for _, r := range t.rows {
		for i, c := range r {
			widths[i] = max(widths[i], uniseg.StringWidth(c))
		}
	}
	var b strings.Builder
	line := func(cells []string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteString("  ")
			}
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-uniseg.StringWidth(c)))
			}
		}
		b.WriteString("\n")
	}
	line(t.cols)
	rule := make([]string, len(t.cols))
	for i, w := range widths {
		rule[i] = strings.Repeat("-", w)
	}
	line(rule)
	for _, r := range t.rows {
		line(r)
	}
	fmt.Fprintf(&b, "(%d rows)\n", len(t.rows))
	_, err := io.WriteString(t.w, b.String())
	return err
}
