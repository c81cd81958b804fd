package pubdate

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed metanames.txt
var metaNamesData string

// metaNames maps a lowercase meta name to its section ("published" or "modified") and its rank
// within the section (0 = most trusted).
type metaName struct {
	section string
	rank    int
}

var metaNames = sync.OnceValue(func() map[string]metaName {
	m := map[string]metaName{}
	section, rank := "", 0
	for _, line := range strings.Split(metaNamesData, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "["):
			section, rank = strings.Trim(line, "[]"), 0
		default:
			m[strings.ToLower(line)] = metaName{section, rank}
			rank++
		}
	}
	return m
})
