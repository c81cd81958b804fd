package pgstore

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/armswatch/armswatch/store"
)

// pgDicts is page_dicts (store/dicts.go) through a transaction or the pool.
type pgDicts struct {
	q interface {
		QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	}
}

var _ store.PageDicts = pgDicts{}

func (p pgDicts) NewestDict(ctx context.Context, host string) (store.DictRow, bool, error) {
	d := store.DictRow{Host: host}
	err := p.q.QueryRow(ctx, "SELECT id, created_at, sum FROM page_dicts WHERE host = $1 ORDER BY id DESC LIMIT 1", host).
		Scan(&d.ID, &d.CreatedAt, &d.Sum)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, false, nil
	}
	return d, err == nil, err
}

func (p pgDicts) AddDict(ctx context.Context, d store.DictRow) (int64, error) {
	var id int64
	err := p.q.QueryRow(ctx, "INSERT INTO page_dicts (host, created_at, sum, content) VALUES ($1, $2, $3, $4) RETURNING id",
		d.Host, d.CreatedAt, d.Sum, d.Content).Scan(&id)
	return id, err
}

func (p pgDicts) Dict(ctx context.Context, id int64) (store.DictRow, error) {
	d := store.DictRow{ID: id}
	err := p.q.QueryRow(ctx, "SELECT host, created_at, sum, content FROM page_dicts WHERE id = $1", id).
		Scan(&d.Host, &d.CreatedAt, &d.Sum, &d.Content)
	return d, err
}
