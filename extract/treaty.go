package extract

// statementTreaties assigns each statement the treaty it is about, for the views, search's
// --treaty filter and the digest's grouping. The rule, nearest evidence first:
//  1. a treaty mentioned inside the statement's own byte range;
//  2. else a treaty mentioned in the statement's paragraph (the nearest mention);
//  3. else the treaty the article mentions most, if it mentions any.
//
// Statements in an article about one treaty thus fall under it even when they say only "the
// treaty"; an article about none leaves them without.
func statementTreaties(an *Analysis) []string {
	var treaties []Mention
	count := map[string]int{}
	for _, m := range an.Mentions {
		if m.Type == "treaty" && m.ID != "" {
			treaties = append(treaties, m)
			count[m.ID]++
		}
	}
	top := ""
	for _, m := range treaties { // the first-mentioned wins a tie: stable and usually the subject
		if count[m.ID] > count[top] {
			top = m.ID
		}
	}
	out := make([]string, len(an.Statements))
	for i, s := range an.Statements {
		out[i] = top
		if t := treatyInside(treaties, s.Start, s.End); t != "" {
			out[i] = t
		} else if t := treatyNearest(treaties, s.Paragraph, s.Start); t != "" {
			out[i] = t
		}
	}
	return out
}

func treatyInside(ms []Mention, start, end int) string {
	for _, m := range ms {
		if m.Start >= start && m.End <= end {
			return m.ID
		}
	}
	return ""
}

func treatyNearest(ms []Mention, paragraph, at int) string {
	best, dist := "", -1
	for _, m := range ms {
		if m.Paragraph != paragraph {
			continue
		}
		d := m.Start - at
		if d < 0 {
			d = -d
		}
		if dist < 0 || d < dist {
			best, dist = m.ID, d
		}
	}
	return best
}
