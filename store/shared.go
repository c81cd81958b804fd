package store

import (
	"time"

	"github.com/armswatch/armswatch/extract"
)

// The helpers below are what another backend (store/pgstore) must compute exactly as this one
// does, so that both store the same values for the same article: exported wrappers, not copies.

// TimeLayout is how the store writes instants: UTC, second precision, sortable as text.
const TimeLayout = timeLayout

// FormatTime writes t as the store does (TimeLayout, in UTC).
func FormatTime(t time.Time) string { return utc(t) }

// ContentHash is the hex SHA-256 of an analysis's title, subtitle and body (content_hash).
func ContentHash(an *extract.Analysis) string { return contentHash(an) }

// JSONText is v as the JSON text columns hold it ("[]" for nothing).
func JSONText(v any) string { return jsonText(v) }

// Nullable is a string pointer as a column value: NULL for nil or "".
func Nullable(s *string) any { return nullable(s) }

// CellText renders a column value as export text.
func CellText(v any) string { return cellText(v) }

// UsesSearchSyntax tells whether a search query uses FTS5 operators (phrases, prefixes, groups,
// column filters, AND/OR/NOT/NEAR).
func UsesSearchSyntax(s string) bool { return usesSyntax(s) }
