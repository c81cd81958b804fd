package figures

// findDigits returns the spans digitsRE().FindAllStringIndex(text, -1) returns, without the
// regexp engine (it was a sixth of the time figures spent splitting sentences into items). It
// follows the pattern's alternatives in order, as leftmost-first matching does:
//
//  1. one to three digits, then groups of a comma and three digits, then a period and digits;
//  2. one to three digits, then groups of a grouping space and three digits, then a comma and
//     digits;
//  3. digits, then a period or comma and digits.
//
// The first two take the digits before their first separator whole or not at all: with more than
// three, the digit after the third cannot be a separator.
func findDigits(text string) [][]int {
	var out [][]int
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		e := digitEnd(text, i)
		out = append(out, []int{i, e})
		i = e
	}
	return out
}

// digitEnd is the end of the match of digitsRE that starts at text[i], a digit.
func digitEnd(text string, i int) int {
	run := digitRun(text, i)
	if run-i <= 3 {
		if e := groups(text, run, comma); e > run {
			return fraction(text, e, ".")
		}
		if e := groups(text, run, groupSpace); e > run {
			return fraction(text, e, ",")
		}
	}
	return fraction(text, run, ".,")
}

// groups reads, from p, as many groups of a separator (sep returns its length, 0 for none) and
// three digits as follow one another; it returns where they end (p if none does).
func groups(text string, p int, sep func(string) int) int {
	for {
		n := sep(text[p:])
		if n == 0 || p+n+3 > len(text) || !isDigit(text[p+n]) || !isDigit(text[p+n+1]) || !isDigit(text[p+n+2]) {
			return p
		}
		p += n + 3
	}
}

// fraction reads, from p, one of marks followed by digits, and returns where they end (p if
// none follows).
func fraction(text string, p int, marks string) int {
	if p+1 < len(text) && isDigit(text[p+1]) {
		for k := 0; k < len(marks); k++ {
			if text[p] == marks[k] {
				return digitRun(text, p+1)
			}
		}
	}
	return p
}

func digitRun(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

func comma(s string) int {
	if s != "" && s[0] == ',' {
		return 1
	}
	return 0
}

// groupSpace is the length of the space that may group digits at the start of s: a plain,
// no-break, narrow no-break or thin space.
func groupSpace(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] == ' ':
		return 1
	case len(s) >= 2 && s[:2] == "\u00a0":
		return 2
	case len(s) >= 3 && (s[:3] == "\u202f" || s[:3] == "\u2009"):
		return 3
	}
	return 0
}
