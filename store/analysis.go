package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/armswatch/armswatch/extract"
)

// replaceAnalysis deletes the article's analysis rows and writes the new ones. Deleting first
// is what makes a second save replace rather than duplicate.
func replaceAnalysis(ctx context.Context, tx *sql.Tx, stmts *stmtCache, id int64, an *extract.Analysis) error {
	for _, t := range []string{"statements", "dates", "figures", "mentions"} {
		st, err := stmts.in(ctx, tx, "DELETE FROM "+t+" WHERE article_id = ?")
		if err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
		if _, err := st.ExecContext(ctx, id); err != nil {
			return fmt.Errorf("clear %s: %w", t, err)
		}
	}
	steps := []func(context.Context, *sql.Tx, *stmtCache, int64, *extract.Analysis) error{
		insertStatements, insertDates, insertFigures, insertMentions,
	}
	for _, step := range steps {
		if err := step(ctx, tx, stmts, id, an); err != nil {
			return err
		}
	}
	return nil
}

// querier is what the grouping code (stories.go) runs its SQL through: a *sql.Tx, or a save's
// transaction with its prepared statements (cachedTx).
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// cachedTx runs each query in tx through stmts, prepared once per connection: grouping an
// article into its story runs a dozen statements, one of them a 48-way UNION, and preparing
// them on every save was a sixth of a save's CPU (0.9 ms a page for the UNION alone).
type cachedTx struct {
	tx    *sql.Tx
	stmts *stmtCache
}

func (c cachedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := c.stmts.in(ctx, c.tx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (c cachedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := c.stmts.in(ctx, c.tx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (c cachedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := c.stmts.in(ctx, c.tx, query)
	if err != nil {
		return c.tx.QueryRowContext(ctx, query, args...) // reports the same error on Scan
	}
	return st.QueryRowContext(ctx, args...)
}

// stmtCache holds the statements every save runs, each prepared once per database handle and
// connection instead of once per article: a crawl saves hundreds of articles, each touching
// four analysis tables.
type stmtCache struct {
	db *sql.DB
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// in is the query's statement for use in tx, prepared on the first call. A nil cache prepares
// it in tx, which closes it when it ends.
func (c *stmtCache) in(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	if c == nil {
		return tx.PrepareContext(ctx, query)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	st := c.m[query]
	if st == nil {
		var err error
		if st, err = c.db.PrepareContext(ctx, query); err != nil {
			return nil, err
		}
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		c.m[query] = st
	}
	// database/sql reuses the statement already prepared on tx's connection.
	return tx.StmtContext(ctx, st), nil
}

// close closes the prepared statements.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = nil
}

// insertRows runs one INSERT for each of n rows.
func insertRows(ctx context.Context, tx *sql.Tx, stmts *stmtCache, table, query string, n int, args func(i int) []any) error {
	if n == 0 {
		return nil
	}
	st, err := stmts.in(ctx, tx, query)
	if err != nil {
		return fmt.Errorf("%s: %w", table, err)
	}
	for i := 0; i < n; i++ {
		if _, err := st.ExecContext(ctx, args(i)...); err != nil {
			return fmt.Errorf("%s row %d: %w", table, i, err)
		}
	}
	return nil
}

func insertStatements(ctx context.Context, tx *sql.Tx, stmts *stmtCache, id int64, an *extract.Analysis) error {
	return insertRows(ctx, tx, stmts, "statements", `INSERT INTO statements (article_id, seq, kind, text,
		speaker, speaker_role, speaker_kind, cue, treaty, paragraph, byte_start, byte_end, spans)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`, len(an.Statements), func(i int) []any {
		s := an.Statements[i]
		return []any{id, i, s.Kind, s.Text, s.Speaker, s.SpeakerRole, s.SpeakerKind, s.Cue,
			s.Treaty, s.Paragraph, s.Start, s.End, jsonText(s.Spans)}
	})
}

func insertDates(ctx context.Context, tx *sql.Tx, stmts *stmtCache, id int64, an *extract.Analysis) error {
	return insertRows(ctx, tx, stmts, "dates", `INSERT INTO dates (article_id, seq, text, kind, value,
		value_end, granularity, paragraph, byte_start, byte_end) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		len(an.Dates), func(i int) []any {
			d := an.Dates[i]
			return []any{id, i, d.Text, d.Kind, d.Value, nullable(d.ValueEnd), d.Granularity,
				d.Paragraph, d.Start, d.End}
		})
}

func insertFigures(ctx context.Context, tx *sql.Tx, stmts *stmtCache, id int64, an *extract.Analysis) error {
	return insertRows(ctx, tx, stmts, "figures", `INSERT INTO figures (article_id, seq, text, value,
		value_max, comparator, unit, category, treaty, paragraph, byte_start, byte_end, sentence,
		sentence_start, sentence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		len(an.Figures), func(i int) []any {
			f := an.Figures[i]
			var max any
			if f.ValueMax != nil {
				max = *f.ValueMax
			}
			return []any{id, i, f.Text, f.Value, max, f.Comparator, f.Unit, f.Category, f.Treaty,
				f.Paragraph, f.Start, f.End, f.Sentence, f.SentenceStart, f.SentenceEnd}
		})
}

func insertMentions(ctx context.Context, tx *sql.Tx, stmts *stmtCache, id int64, an *extract.Analysis) error {
	return insertRows(ctx, tx, stmts, "mentions", `INSERT INTO mentions (article_id, seq, type, entity_id,
		name, text, paragraph, byte_start, byte_end) VALUES (?,?,?,?,?,?,?,?,?)`,
		len(an.Mentions), func(i int) []any {
			m := an.Mentions[i]
			return []any{id, i, m.Type, m.ID, m.Name, m.Text, m.Paragraph, m.Start, m.End}
		})
}
