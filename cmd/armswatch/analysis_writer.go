package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"sync"

	"github.com/armswatch/armswatch/extract"
)

// analysisWriter writes analyses as json.Encoder does with SetEscapeHTML(false) (and
// SetIndent("", "  ") when indent is set), byte for byte, without holding a whole analysis's
// JSON in memory: json.Encoder builds the compact text, then an indented copy, before writing
// either (for a 10 MiB page, 35 MB and 48 MB on top of the analysis itself). It encodes the
// top-level fields one by one and the items of list fields one at a time.
type analysisWriter struct {
	w      *bufio.Writer
	indent bool
	enc    *json.Encoder // writes one value to w, without Encode's newline
	plain  *json.Encoder // the same, never indenting: for strings and numbers, which indenting leaves as they are
}

func newAnalysisWriter(w io.Writer, indent bool) *analysisWriter {
	aw := &analysisWriter{w: bufio.NewWriterSize(w, 64<<10), indent: indent}
	aw.enc = json.NewEncoder(valueWriter{aw.w})
	aw.enc.SetEscapeHTML(false)
	aw.plain = json.NewEncoder(valueWriter{aw.w})
	aw.plain.SetEscapeHTML(false)
	return aw
}

// valueWriter passes on what a json.Encoder writes, one value per Write, without its newline.
type valueWriter struct{ w io.Writer }

func (v valueWriter) Write(b []byte) (int, error) {
	if _, err := v.w.Write(bytes.TrimSuffix(b, []byte{'\n'})); err != nil {
		return 0, err
	}
	return len(b), nil
}

// analysisField is a top-level field of extract.Analysis as encoding/json writes it.
type analysisField struct {
	index int
	key   string // the encoded key, quoted
	list  bool   // a slice, written item by item
}

var analysisFields = sync.OnceValues(func() ([]analysisField, error) {
	t := reflect.TypeFor[extract.Analysis]()
	var out []analysisField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		// the writer handles what Analysis uses: named keys, no options, no embedding
		if name == "" || name == "-" || opts != "" || f.Anonymous {
			return nil, fmt.Errorf("extract.Analysis.%s: json tag %q is not one analysisWriter handles", f.Name, f.Tag.Get("json"))
		}
		key, err := json.Marshal(name)
		if err != nil {
			return nil, err
		}
		out = append(out, analysisField{index: i, key: string(key), list: f.Type.Kind() == reflect.Slice})
	}
	return out, nil
})

// Write writes a and a newline, as json.Encoder.Encode does.
func (aw *analysisWriter) Write(a *extract.Analysis) error {
	fields, err := analysisFields()
	if err != nil {
		return err
	}
	v := reflect.ValueOf(a).Elem()
	aw.w.WriteByte('{')
	for k, f := range fields {
		if k > 0 {
			aw.w.WriteByte(',')
		}
		aw.newline(1)
		aw.w.WriteString(f.key)
		aw.w.WriteByte(':')
		if aw.indent {
			aw.w.WriteByte(' ')
		}
		fv := v.Field(f.index)
		if f.list && !fv.IsNil() && fv.Len() > 0 {
			err = aw.list(fv)
		} else {
			err = aw.value(fv, 1)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", f.key, err)
		}
	}
	aw.newline(0)
	aw.w.WriteString("}\n")
	return aw.w.Flush()
}

// list writes a non-empty slice one item at a time.
func (aw *analysisWriter) list(s reflect.Value) error {
	aw.w.WriteByte('[')
	for i := range s.Len() {
		if i > 0 {
			aw.w.WriteByte(',')
		}
		aw.newline(2)
		if err := aw.value(s.Index(i), 2); err != nil {
			return err
		}
	}
	aw.newline(1)
	aw.w.WriteByte(']')
	return nil
}

// value writes x encoded at the given depth (its first line unindented, as in Indent).
// Every value sits at least one level down, and Indent does not prefix the first line: the
// prefix is the indentation of the value's own level.
func (aw *analysisWriter) value(x reflect.Value, depth int) error {
	switch x.Kind() {
	case reflect.String, reflect.Float64, reflect.Float32, reflect.Int, reflect.Int64, reflect.Bool:
		if x.Type().Implements(marshalerType) {
			break
		}
		return aw.plain.Encode(x.Interface())
	}
	if aw.indent {
		aw.enc.SetIndent(strings.Repeat("  ", depth), "  ")
	}
	return aw.enc.Encode(x.Interface())
}

var marshalerType = reflect.TypeFor[json.Marshaler]()

// newline starts a new line at depth, when indenting.
func (aw *analysisWriter) newline(depth int) {
	if !aw.indent {
		return
	}
	aw.w.WriteByte('\n')
	for range depth {
		aw.w.WriteString("  ")
	}
}
