package pgstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Copying a SQLite database into PostgreSQL (armswatch migrate --to). Every table is copied in
// batches in its key order (rowid, or the primary key of a WITHOUT ROWID table); each batch is
// one PostgreSQL transaction that also records the last key copied in armswatch_copy, so a copy
// killed at any point goes on from its last batch when run again, and never copies a row twice.

// SQLiteSource is the SQLite database copied: store.DB's Query (opened read-only).
type SQLiteSource interface {
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// TableCopy says how one table's copy stands.
type TableCopy struct {
	Table  string
	Rows   int64 // rows in PostgreSQL when it finished
	Copied int64 // of which this run copied
	Source int64 // rows in SQLite
}

// copyOrder lists the tables parents first (foreign keys); tables it does not name (a later
// migration's) follow in name order.
var copyOrder = []string{
	"stories", "articles", "statement_groups", "statement_keys", "figure_groups", "statements",
	"dates", "figures", "mentions", "article_fingerprints", "story_bands", "crawl_runs",
	"crawl_run_sources", "frontier", "http_cache", "discovered_feeds", "article_changes",
	"watch_state", "deliveries", "watch_items",
}

const progressTable = `CREATE TABLE IF NOT EXISTS armswatch_copy (
    tbl      text PRIMARY KEY,
    last_key text NOT NULL DEFAULT '',    -- JSON list of the key values of the last row copied
    copied   bigint NOT NULL DEFAULT 0)`

// CopyFromSQLite copies every table of src into db, batch rows at a time, calling report after
// each table. src must be at the same schema version (store.SchemaVersion, SchemaVersion).
func (db *DB) CopyFromSQLite(ctx context.Context, src SQLiteSource, batch int, report func(TableCopy)) error {
	if batch <= 0 {
		batch = 500
	}
	if _, err := db.pool.Exec(ctx, progressTable); err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	if err := db.refuseForeignRows(ctx); err != nil {
		return err
	}
	tables, err := sqliteTables(ctx, src)
	if err != nil {
		return err
	}
	for _, t := range tables {
		tc, err := db.copyTable(ctx, src, t, batch)
		if err != nil {
			return fmt.Errorf("copy %s: %w", t, err)
		}
		if tc.Rows != tc.Source {
			return fmt.Errorf("copy %s: %d rows in PostgreSQL, %d in SQLite", t, tc.Rows, tc.Source)
		}
		report(tc)
	}
	return db.resetIdentities(ctx)
}

// refuseForeignRows stops a copy into a database that already has articles of its own (a
// crawl into PostgreSQL): ids would collide. A copy begun before (armswatch_copy rows) goes on.
func (db *DB) refuseForeignRows(ctx context.Context) error {
	var begun, articles bool
	err := db.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM armswatch_copy), EXISTS (SELECT 1 FROM articles)`).Scan(&begun, &articles)
	if err != nil {
		return fmt.Errorf("copy: %w", err)
	}
	if articles && !begun {
		return errors.New("copy: the PostgreSQL database already has articles that were not copied from SQLite; copy into an empty database")
	}
	return nil
}

// sqliteTables lists src's tables in copy order, without SQLite's own and the FTS5 tables
// (PostgreSQL's full-text tables are filled by its triggers as rows arrive).
func sqliteTables(ctx context.Context, src SQLiteSource) ([]string, error) {
	rows, err := src.Query(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts' AND name NOT LIKE '%_fts_%' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("copy: list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		names = append(names, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortStableFunc(names, func(a, b string) int { return rank(a) - rank(b) })
	return names, nil
}

func rank(t string) int {
	if i := slices.Index(copyOrder, t); i >= 0 {
		return i
	}
	return len(copyOrder)
}

// tableShape is what copying one table needs: the columns both databases have, and the key
// that orders the batches.
type tableShape struct {
	cols  []string
	types map[string]string // PostgreSQL column types
	key   []string          // "rowid", or the primary key of a WITHOUT ROWID table
}

func shape(ctx context.Context, db *DB, src SQLiteSource, table string) (tableShape, error) {
	s := tableShape{types: map[string]string{}}
	rows, err := db.pool.Query(ctx, `SELECT column_name, data_type FROM information_schema.columns
		WHERE table_schema = current_schema() AND table_name = $1`, table)
	if err != nil {
		return s, err
	}
	for rows.Next() {
		var c, t string
		if err := rows.Scan(&c, &t); err != nil {
			rows.Close()
			return s, err
		}
		s.types[c] = t
	}
	rows.Close()
	if len(s.types) == 0 {
		return s, fmt.Errorf("no table %s in PostgreSQL: this armswatch's PostgreSQL schema lacks it", table)
	}
	srows, err := src.Query(ctx, `SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`, table)
	if err != nil {
		return s, err
	}
	pk := map[int]string{}
	for srows.Next() {
		var c string
		var p int
		if err := srows.Scan(&c, &p); err != nil {
			srows.Close()
			return s, err
		}
		if _, ok := s.types[c]; !ok {
			srows.Close()
			return s, fmt.Errorf("column %s.%s is not in PostgreSQL", table, c)
		}
		s.cols = append(s.cols, c)
		if p > 0 {
			pk[p] = c
		}
	}
	srows.Close()
	s.key = []string{"rowid"}
	if withoutRowid(ctx, src, table) {
		s.key = nil
		for i := 1; i <= len(pk); i++ {
			s.key = append(s.key, pk[i])
		}
	}
	return s, nil
}

func withoutRowid(ctx context.Context, src SQLiteSource, table string) bool {
	rows, err := src.Query(ctx, `SELECT rowid FROM "`+table+`" LIMIT 0`)
	if err != nil {
		return true
	}
	rows.Close()
	return false
}

func (db *DB) copyTable(ctx context.Context, src SQLiteSource, table string, batch int) (TableCopy, error) {
	tc := TableCopy{Table: table}
	s, err := shape(ctx, db, src, table)
	if err != nil {
		return tc, err
	}
	// A finished table is read again from its last key: rows added to SQLite since (a crawl
	// that ran between two copies) are copied too. Rows changed since are not: stop writing to
	// SQLite while copying.
	var lastKey string
	err = db.pool.QueryRow(ctx, `SELECT last_key FROM armswatch_copy WHERE tbl = $1`, table).Scan(&lastKey)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return tc, err
	}
	for {
		var n int
		n, lastKey, err = db.copyBatch(ctx, src, table, s, lastKey, batch)
		if err != nil {
			return tc, err
		}
		tc.Copied += int64(n)
		if n < batch {
			break
		}
	}
	if tc.Source, err = countSQLite(ctx, src, table); err != nil {
		return tc, err
	}
	err = db.pool.QueryRow(ctx, `SELECT count(*) FROM "`+table+`"`).Scan(&tc.Rows)
	return tc, err
}

func countSQLite(ctx context.Context, src SQLiteSource, table string) (int64, error) {
	rows, err := src.Query(ctx, `SELECT count(*) FROM "`+table+`"`)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var n int64
	for rows.Next() {
		if err := rows.Scan(&n); err != nil {
			return 0, err
		}
	}
	return n, rows.Err()
}

// copyBatch copies the next batch of rows after lastKey and returns how many there were and
// the new last key. The rows and the progress are one transaction.
func (db *DB) copyBatch(ctx context.Context, src SQLiteSource, table string, s tableShape, lastKey string, batch int) (int, string, error) {
	vals, key, err := readBatch(ctx, src, table, s, lastKey, batch)
	if err != nil {
		return 0, "", err
	}
	if len(vals) > 0 {
		lastKey = key
	}
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		// The change log is copied from SQLite: its trigger must not log the copied articles again.
		if _, err := tx.Exec(ctx, `SELECT set_config('armswatch.copying', 'on', true)`); err != nil {
			return err
		}
		if len(vals) > 0 {
			if _, err := tx.CopyFrom(ctx, pgx.Identifier{table}, s.cols, pgx.CopyFromRows(vals)); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO armswatch_copy (tbl, last_key, copied) VALUES ($1, $2, $3)
			ON CONFLICT (tbl) DO UPDATE SET last_key = excluded.last_key, copied = armswatch_copy.copied + excluded.copied`,
			table, lastKey, len(vals))
		return err
	})
	return len(vals), lastKey, err
}

// readBatch reads up to batch rows of table after lastKey (a JSON list of key values, "" for
// the start), converted to the PostgreSQL columns' types, and the JSON key of the last one.
func readBatch(ctx context.Context, src SQLiteSource, table string, s tableShape, lastKey string, batch int) ([][]any, string, error) {
	var args []any
	cond := ""
	if lastKey != "" {
		dec := json.NewDecoder(strings.NewReader(lastKey))
		dec.UseNumber()
		var key []any
		if err := dec.Decode(&key); err != nil || len(key) != len(s.key) {
			return nil, "", fmt.Errorf("progress key %q of %s: unreadable", lastKey, table)
		}
		for _, k := range key {
			if n, ok := k.(json.Number); ok {
				i, err := n.Int64()
				if err != nil {
					return nil, "", fmt.Errorf("progress key %q of %s: %w", lastKey, table, err)
				}
				k = i
			}
			args = append(args, k)
		}
		cond = " WHERE (" + strings.Join(s.key, ", ") + ") > (" + strings.TrimSuffix(strings.Repeat("?, ", len(s.key)), ", ") + ")"
	}
	q := "SELECT " + strings.Join(s.key, ", ") + ", " + strings.Join(quoted(s.cols), ", ") + ` FROM "` + table + `"` +
		cond + " ORDER BY " + strings.Join(s.key, ", ") + fmt.Sprintf(" LIMIT %d", batch)
	rows, err := src.Query(ctx, q, args...)
	if err != nil {
		return nil, "", err
	}
	defer rows.Close()
	nk := len(s.key)
	var out [][]any
	var last []any
	for rows.Next() {
		row := make([]any, nk+len(s.cols))
		ptrs := make([]any, len(row))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, "", err
		}
		for i, c := range s.cols {
			row[nk+i] = convert(row[nk+i], s.types[c])
		}
		last = row[:nk]
		out = append(out, row[nk:])
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	key, err := json.Marshal(last)
	return out, string(key), err
}

func quoted(cols []string) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = `"` + c + `"`
	}
	return out
}

// convert makes a SQLite value fit its PostgreSQL column: SQLite's column types are only
// affinities, and PostgreSQL's text cannot hold NUL, which becomes a space (one byte, so the
// byte offsets into article bodies still hold).
func convert(v any, pgType string) any {
	switch pgType {
	case "double precision":
		if i, ok := v.(int64); ok {
			return float64(i)
		}
	case "bigint", "integer":
		if f, ok := v.(float64); ok && f == float64(int64(f)) {
			return int64(f)
		}
	case "bytea":
		if s, ok := v.(string); ok {
			return []byte(s)
		}
	case "text":
		switch x := v.(type) {
		case []byte:
			return strings.ReplaceAll(string(x), "\x00", " ")
		case string:
			return strings.ReplaceAll(x, "\x00", " ")
		case int64, float64:
			return fmt.Sprint(x)
		}
	}
	return v
}

// resetIdentities moves every identity column's sequence past the copied ids, so that rows
// written after the copy get new ones.
func (db *DB) resetIdentities(ctx context.Context) error {
	rows, err := db.pool.Query(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND is_identity = 'YES'`)
	if err != nil {
		return fmt.Errorf("copy: identities: %w", err)
	}
	type col struct{ table, column string }
	var cols []col
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.table, &c.column); err != nil {
			rows.Close()
			return err
		}
		cols = append(cols, c)
	}
	rows.Close()
	for _, c := range cols {
		_, err := db.pool.Exec(ctx, fmt.Sprintf(`SELECT setval(pg_get_serial_sequence('%s', '%s'),
			coalesce((SELECT max("%s") FROM "%s"), 0) + 1, false)`, c.table, c.column, c.column, c.table))
		if err != nil {
			return fmt.Errorf("copy: identity of %s.%s: %w", c.table, c.column, err)
		}
	}
	return nil
}
