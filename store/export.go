package store

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// An export is a fixed, documented list of columns (docs/schema.md, "Exports"): users build
// spreadsheets and scripts on them, so columns are only ever appended.
type export struct {
	columns []string
	// freeText are the columns of text copied from web pages (titles, statements, sentences,
	// names) and their URLs: the CSV writer guards these against spreadsheet formulas. The
	// others hold numbers, dates, ids and documented values (comparator, kind, category) that
	// must read back exactly.
	freeText []string
	from     string // FROM ... (the part after the column list), with alias a for articles
	order    string
}

var exports = map[string]export{
	"statements": {
		columns: []string{"statement_id", "article_id", "published", "source", "url", "title",
			"kind", "speaker", "speaker_role", "speaker_kind", "cue", "statement", "treaty",
			"paragraph", "byte_start", "byte_end"},
		freeText: []string{"url", "title", "speaker", "speaker_role", "cue", "statement"},
		from: `SELECT s.id, s.article_id, a.published, a.source, a.url, a.title, s.kind, s.speaker,
			s.speaker_role, s.speaker_kind, s.cue, s.text, s.treaty, s.paragraph, s.byte_start,
			s.byte_end FROM statements s JOIN articles a ON a.id = s.article_id`,
		order: "a.published_utc, a.id, s.seq",
	},
	"figures": {
		columns: []string{"figure_id", "article_id", "published", "source", "url", "title",
			"text", "value", "value_max", "comparator", "unit", "category", "treaty", "sentence",
			"paragraph", "byte_start", "byte_end"},
		freeText: []string{"url", "title", "text", "sentence"},
		from: `SELECT f.id, f.article_id, a.published, a.source, a.url, a.title, f.text, f.value,
			f.value_max, f.comparator, f.unit, f.category, f.treaty, f.sentence, f.paragraph,
			f.byte_start, f.byte_end FROM figures f JOIN articles a ON a.id = f.article_id`,
		order: "a.published_utc, a.id, f.seq",
	},
	"articles": {
		columns: []string{"article_id", "url", "canonical_url", "source", "published", "modified",
			"title", "subtitle", "authors", "section", "language", "dateline", "relevance",
			"statements", "figures", "analyzer_version", "first_seen_at", "fetched_at", "body"},
		freeText: []string{"url", "canonical_url", "title", "subtitle", "authors", "section", "dateline", "body"},
		from: `SELECT a.id, a.url, a.canonical_url, a.source, a.published, a.modified, a.title,
			a.subtitle, (SELECT group_concat(value, '; ') FROM json_each(a.authors)), a.section,
			a.language, a.dateline_text, a.relevance,
			(SELECT count(*) FROM statements s WHERE s.article_id = a.id),
			(SELECT count(*) FROM figures f WHERE f.article_id = a.id),
			a.analyzer_version, a.first_seen_at, a.fetched_at, a.body FROM articles a`,
		order: "a.published_utc, a.id",
	},
}

// ExportKinds lists what Export can write.
func ExportKinds() []string {
	var ks []string
	for k := range exports {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// ExportColumns returns the header of an export kind.
func ExportColumns(kind string) ([]string, error) {
	e, ok := exports[kind]
	if !ok {
		return nil, fmt.Errorf("unknown export %q (want %s)", kind, strings.Join(ExportKinds(), ", "))
	}
	return e.columns, nil
}

// ExportFreeText returns the columns of an export kind that hold text taken from web pages
// (docs/schema.md, "Exports"): the ones a spreadsheet formula could hide in.
func ExportFreeText(kind string) ([]string, error) {
	e, ok := exports[kind]
	if !ok {
		_, err := ExportColumns(kind)
		return nil, err
	}
	return e.freeText, nil
}

// Export streams the rows of an export kind within period, oldest article first, calling fn
// with each row's cells as text (the slice is reused between calls). Memory does not grow with
// the number of rows: rows are read from the cursor one at a time.
func (db *DB) Export(ctx context.Context, kind string, p Period, fn func(row []string) error) error {
	e, ok := exports[kind]
	if !ok {
		_, err := ExportColumns(kind)
		return err
	}
	conds, args := p.where(articleTime, nil, nil)
	rows, err := db.sql.QueryContext(ctx, e.from+whereClause(conds)+" ORDER BY "+e.order, args...)
	if err != nil {
		return fmt.Errorf("store: export %s: %w", kind, err)
	}
	defer rows.Close()
	vals := make([]any, len(e.columns))
	ptrs := make([]any, len(e.columns))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	row := make([]string, len(e.columns))
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return fmt.Errorf("store: export %s: %w", kind, err)
		}
		for i, v := range vals {
			row[i] = cellText(v)
		}
		if err := fn(row); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: export %s: %w", kind, err)
	}
	return nil
}
