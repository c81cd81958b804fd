package goldscore

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

type item = map[string]any

func str(it item, k string) string {
	s, _ := it[k].(string)
	return s
}

// given: the key is present and not null.
func given(it item, k string) bool {
	v, ok := it[k]
	return ok && v != nil
}

// greedy matches one to one, best overlap first (more shared words, then higher Dice), ties
// in document order. It returns gold index -> output index.
func greedy(nGold, nOut int, cand func(gi, oi int) (shared int, dice float64, ok bool)) map[int]int {
	type c struct {
		shared int
		dice   float64
		gi, oi int
	}
	var cs []c
	for gi := 0; gi < nGold; gi++ {
		for oi := 0; oi < nOut; oi++ {
			if s, d, ok := cand(gi, oi); ok {
				cs = append(cs, c{s, d, gi, oi})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.shared != b.shared {
			return a.shared > b.shared
		}
		if a.dice != b.dice {
			return a.dice > b.dice
		}
		if a.gi != b.gi {
			return a.gi < b.gi
		}
		return a.oi < b.oi
	})
	g2o, used := map[int]int{}, map[int]bool{}
	for _, x := range cs {
		if _, ok := g2o[x.gi]; ok || used[x.oi] {
			continue
		}
		g2o[x.gi] = x.oi
		used[x.oi] = true
	}
	return g2o
}

func matchStatements(gold, out []item) map[int]int {
	gw := make([][]string, len(gold))
	for i, g := range gold {
		gw[i] = normWords(str(g, "text"))
	}
	ow := make([][]string, len(out))
	for i, o := range out {
		ow[i] = normWords(str(o, "text"))
	}
	return greedy(len(gold), len(out), func(gi, oi int) (int, float64, bool) {
		s, d := overlap(gw[gi], ow[oi])
		return s, d, s > 0 && 2*s >= len(gw[gi]) && 2*s >= len(ow[oi])
	})
}

func matchDates(gold, out []item) map[int]int {
	return greedy(len(gold), len(out), func(gi, oi int) (int, float64, bool) {
		g, o := gold[gi], out[oi]
		if !jsonEqual(g["value"], o["value"]) {
			return 0, 0, false
		}
		for _, k := range []string{"value_end", "kind"} {
			if given(g, k) && !jsonEqual(g[k], o[k]) {
				return 0, 0, false
			}
		}
		if given(g, "text") && !textsOverlap(str(g, "text"), str(o, "text")) {
			return 0, 0, false
		}
		s, d := overlap(normWords(str(g, "text")), normWords(str(o, "text")))
		return s, d, true
	})
}

func matchFigures(gold, out []item) map[int]int {
	return greedy(len(gold), len(out), func(gi, oi int) (int, float64, bool) {
		g, o := gold[gi], out[oi]
		if !numEqual(g["value"], o["value"]) {
			return 0, 0, false
		}
		if given(g, "value_max") && !numEqual(g["value_max"], o["value_max"]) {
			return 0, 0, false
		}
		for _, k := range []string{"comparator", "unit", "category"} {
			if given(g, k) && !jsonEqual(g[k], o[k]) {
				return 0, 0, false
			}
		}
		s, d := overlap(normWords(str(g, "text")), normWords(str(o, "text")))
		return s, d, true
	})
}

// speakersAgree is the attribution rule: equal after normalisation, one of the gold's aliases,
// or the same surname when the speaker is a person. A gold "" agrees only with no speaker.
func speakersAgree(g, o item) bool {
	if !given(g, "speaker") {
		return true
	}
	gs, os := normWords(str(g, "speaker")), normWords(str(o, "speaker"))
	if len(gs) == 0 {
		return len(os) == 0
	}
	if len(os) == 0 {
		return false
	}
	if sameWords(gs, os) {
		return true
	}
	aliases, _ := g["speaker_aliases"].([]any)
	for _, a := range aliases {
		s, _ := a.(string)
		if aw := normWords(s); len(aw) > 0 && sameWords(aw, os) {
			return true
		}
	}
	kind := str(g, "speaker_kind")
	if kind == "" {
		kind = str(o, "speaker_kind")
	}
	if kind == "" {
		kind = "person"
	}
	return kind == "person" && gs[len(gs)-1] == os[len(os)-1]
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func jsonEqual(a, b any) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return string(x) == string(y)
}

// numEqual compares numbers (or numeric strings) by value, anything else as JSON.
func numEqual(a, b any) bool {
	x, okx := number(a)
	y, oky := number(b)
	if okx && oky {
		return x == y
	}
	return jsonEqual(a, b)
}

func number(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case string:
		f, err := strconv.ParseFloat(n, 64)
		return f, err == nil
	}
	return 0, false
}

func mentionKey(m item) string {
	return fmt.Sprint(jsonString(m["type"]), "\x00", jsonString(m["id"]))
}

func jsonString(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
