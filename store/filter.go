package store

import (
	"strconv"
	"strings"
	"time"
)

// Period limits rows by the article's publication time (its fetch time when it has none).
// Zero times are open ends.
type Period struct {
	Since, Until time.Time
}

// articleTime is the instant a Period compares against, as a SQL expression over alias a.
const articleTime = "coalesce(a.published_utc, a.fetched_at)"

// where appends the period's conditions on expr to conds and args.
func (p Period) where(expr string, conds []string, args []any) ([]string, []any) {
	if !p.Since.IsZero() {
		conds = append(conds, expr+" >= ?")
		args = append(args, utc(p.Since))
	}
	if !p.Until.IsZero() {
		conds = append(conds, expr+" < ?")
		args = append(args, utc(p.Until))
	}
	return conds, args
}

func whereClause(conds []string) string {
	if len(conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(conds, " AND ")
}

// cellText renders a column value as export text: numbers without exponent or trailing zeros,
// NULL as the empty string.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case []byte:
		return string(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case time.Time:
		return utc(x)
	default:
		return ""
	}
}
