package serve

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// format is how a page answers: the HTML page, its JSON twin or its list as CSV.
type format int

const (
	htmlFormat format = iota
	jsonFormat
	csvFormat
)

// requestFormat reads the format from a .json or .csv suffix (as Datasette does) or
// ?format=json|csv|html.
func requestFormat(r *http.Request) (format, error) {
	switch {
	case strings.HasSuffix(r.URL.Path, ".json"):
		return jsonFormat, nil
	case strings.HasSuffix(r.URL.Path, ".csv"):
		return csvFormat, nil
	}
	switch r.URL.Query().Get("format") {
	case "", "html":
		return htmlFormat, nil
	case "json":
		return jsonFormat, nil
	case "csv":
		return csvFormat, nil
	}
	return htmlFormat, errBadRequest("format: want html, json or csv")
}

// pathValue is a path wildcard without the .json or .csv suffix that chose the format.
func pathValue(r *http.Request, name string) string {
	v := r.PathValue(name)
	for _, suf := range []string{".json", ".csv"} {
		if strings.HasSuffix(r.URL.Path, suf) {
			return strings.TrimSuffix(v, suf)
		}
	}
	return v
}

// pageTemplate is one page's template set: the layout with the page's blocks.
type pageTemplate = *template.Template

var pageNames = []string{"today", "treaties", "treaty", "speakers", "speaker", "search", "article", "error"}

func parseTemplates() (map[string]pageTemplate, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/parts.html")
	if err != nil {
		return nil, err
	}
	out := map[string]pageTemplate{}
	for _, name := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(assets, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		out[name] = t
	}
	return out, nil
}

var funcs = template.FuncMap{
	"speakerURL": func(name string) string { return "/speaker/" + url.PathEscape(name) },
	"treatyURL":  func(id string) string { return "/treaty/" + url.PathEscape(id) },
	"articleURL": func(id int64) string { return "/article/" + strconv.FormatInt(id, 10) },
	"num":        formatNumber,
	"add":        func(a, b int) int { return a + b },
	"day": func(s string) string { // the calendar date of a published time as the page gave it
		if len(s) > 10 {
			return s[:10]
		}
		return s
	},
	"orDash": func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	},
}

// formatNumber writes 1550 as 1,550 and drops a float's zero fraction.
func formatNumber(v any) string {
	var s string
	switch x := v.(type) {
	case int:
		s = strconv.Itoa(x)
	case float64:
		s = strconv.FormatFloat(x, 'f', -1, 64)
	case *float64:
		if x == nil {
			return ""
		}
		s = strconv.FormatFloat(*x, 'f', -1, 64)
	default:
		return fmt.Sprint(v)
	}
	intPart, frac, _ := strings.Cut(s, ".")
	neg := strings.HasPrefix(intPart, "-")
	intPart = strings.TrimPrefix(intPart, "-")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	out := b.String()
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// html renders a page. The output is built in memory first so that a template error is a 500,
// not half a page, and so that control characters the pages carried are replaced once, here.
func (s *Server) html(w http.ResponseWriter, name string, data any) error {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout.html", data); err != nil {
		return fmt.Errorf("render %s: %w", name, err)
	}
	if w.Header().Get("Content-Type") == "" {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
	}
	_, err := w.Write(visibleHTML(buf.Bytes()))
	return err
}

// visibleHTML replaces control characters (C0 but tab, newline and carriage return; DEL; C1)
// and bytes that are not UTF-8 by U+FFFD. html/template escapes markup but passes these
// through, and a page's title or text may hold them; none is ever part of the markup itself.
func visibleHTML(b []byte) []byte {
	i := bytes.IndexFunc(b, isControl)
	if i < 0 && utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 || isControl(r) {
			out = append(out, "\uFFFD"...)
		} else {
			out = append(out, b[:size]...)
		}
		b = b[size:]
	}
	return out
}

func isControl(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f)
}

// writeJSON writes v as indented JSON. encoding/json escapes C0 controls and replaces invalid
// UTF-8; DEL and C1 controls, which it leaves raw, are escaped here, so a script reads back
// the stored value and a terminal showing the JSON is safe.
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode JSON: %w", err)
	}
	b := buf.Bytes()
	if bytes.IndexFunc(b, func(r rune) bool { return r >= 0x7f && r <= 0x9f }) >= 0 {
		var out bytes.Buffer
		for _, r := range string(b) {
			if r >= 0x7f && r <= 0x9f {
				fmt.Fprintf(&out, `\u%04x`, r)
			} else {
				out.WriteRune(r)
			}
		}
		b = out.Bytes()
	}
	_, err := w.Write(b)
	return err
}

func (s *Server) json(w http.ResponseWriter, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	return writeJSON(w, v)
}

// csvWriter writes RFC 4180 CSV as `armswatch export` does: free-text cells (from web pages)
// are guarded against spreadsheet formulas and cleaned of control characters.
type csvWriter struct {
	w     *csv.Writer
	guard []bool
}

// newCSV starts a CSV download named file; header names the columns, free the free-text ones.
func newCSV(w http.ResponseWriter, file string, header []string, free ...string) (*csvWriter, error) {
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+file+`"`)
	c := &csvWriter{w: csv.NewWriter(w), guard: make([]bool, len(header))}
	c.w.UseCRLF = true
	for i, h := range header {
		for _, f := range free {
			if f == h {
				c.guard[i] = true
			}
		}
	}
	return c, c.w.Write(header)
}

func (c *csvWriter) row(cells ...string) error {
	for i, v := range cells {
		v = cleanCell(v)
		if i < len(c.guard) && c.guard[i] && v != "" && strings.ContainsRune("=+-@\t", rune(v[0])) {
			v = "'" + v
		}
		cells[i] = v
	}
	return c.w.Write(cells)
}

func (c *csvWriter) close() error {
	c.w.Flush()
	return c.w.Error()
}

// cleanCell replaces control characters but newline and tab (quoting makes those safe).
func cleanCell(s string) string {
	clean := true
	for _, r := range s {
		if (isControl(r) && r != '\r') || r == utf8.RuneError {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if (isControl(r) && r != '\r') || r == utf8.RuneError {
			b.WriteString("\uFFFD")
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func ftoaPtr(f *float64) string {
	if f == nil {
		return ""
	}
	return ftoa(*f)
}

// errorPage is the error template's data.
type errorPage struct {
	Page
	Status  int
	Message string
}
