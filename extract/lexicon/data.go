package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pelletier/go-toml/v2"
)

// tables is the union of the data files; each file fills one of them.
type tables struct {
	Treaty       []Entry    `toml:"treaty"`
	Weapon       []Entry    `toml:"weapon"`
	Organization []Entry    `toml:"organization"`
	Country      []Entry    `toml:"country"`
	Person       []Entry    `toml:"person"`
	Role         []Entry    `toml:"role"`
	Limit        []Limit    `toml:"limit"`
	Category     []Category `toml:"category"`
	Keyword      []keyword  `toml:"keyword"`
}

// keyword is a group of relevance terms of one weight.
type keyword struct {
	Weight float64  `toml:"weight"`
	Terms  []string `toml:"terms"`
}

// builtin is the tables of data/*.toml, as generated.go holds them (see prepared.go).
func builtin() *tables { return builtinTables }

// parseFS reads every .toml file of dir into one tables value. Errors name the file and the line
// or entry.
func parseFS(fsys fs.FS, dir string) (*tables, error) {
	names, err := fs.Glob(fsys, dir+"/*.toml")
	if err != nil {
		return nil, err
	}
	var all tables
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		var t tables
		dec := toml.NewDecoder(bytes.NewReader(raw)).DisallowUnknownFields()
		if err := dec.Decode(&t); err != nil {
			var de *toml.DecodeError
			if errors.As(err, &de) {
				row, col := de.Position()
				return nil, fmt.Errorf("lexicon %s:%d:%d: %w", name, row, col, err)
			}
			return nil, fmt.Errorf("lexicon %s: %w", name, err)
		}
		if err := t.check(name); err != nil {
			return nil, err
		}
		all.Treaty = append(all.Treaty, t.Treaty...)
		all.Weapon = append(all.Weapon, t.Weapon...)
		all.Organization = append(all.Organization, t.Organization...)
		all.Country = append(all.Country, t.Country...)
		all.Person = append(all.Person, t.Person...)
		all.Role = append(all.Role, t.Role...)
		all.Limit = append(all.Limit, t.Limit...)
		all.Category = append(all.Category, t.Category...)
		all.Keyword = append(all.Keyword, t.Keyword...)
	}
	return &all, nil
}

// check validates the entries of one file: ids, names and alias markers.
func (t *tables) check(file string) error {
	for table, entries := range map[string][]Entry{"treaty": t.Treaty, "weapon": t.Weapon,
		"organization": t.Organization, "country": t.Country, "person": t.Person, "role": t.Role} {
		seen := map[string]bool{}
		for i, e := range entries {
			where := fmt.Sprintf("lexicon %s: %s[%d] (id %q)", file, table, i, e.ID)
			if e.ID == "" || e.Name == "" {
				return fmt.Errorf("%s: id and name are required", where)
			}
			if seen[e.ID] {
				return fmt.Errorf("%s: duplicate id", where)
			}
			seen[e.ID] = true
			for _, a := range e.Aliases {
				if _, err := parseAlias(a); err != nil {
					return fmt.Errorf("%s: alias %q: %w", where, a, err)
				}
			}
		}
	}
	for i, k := range t.Keyword {
		for _, a := range k.Terms {
			if _, err := parseAlias(a); err != nil {
				return fmt.Errorf("lexicon %s: keyword[%d]: %q: %w", file, i, a, err)
			}
		}
	}
	return nil
}
