package statements

import (
	"strings"
	"testing"
)

// roleFitsWholeAll is roleFitsWhole comparing a title with every built-in role, as it did before
// the roles were indexed by their words' keys.
func roleFitsWholeAll(title, desc, d string) bool {
	if isCyrillic(desc) {
		t, w := strings.Fields(title), strings.Fields(desc)
		if len(t) > 0 && len(w) > 0 && ruSame(t[0], w[0]) &&
			(len(w) == 1 || roleStemEqual(strings.Join(t[:min(len(t), len(w))], " "), desc) ||
				len(t) == 1 && countryOf(strings.Join(w[1:], " ")) != "") {
			return true
		}
	}
	if desc != "" && strings.Contains(" "+title+" ", " "+desc+" ") || d != "" && strings.Contains(" "+title+" ", " "+d+" ") {
		return true
	}
	td := stripModifiers(title)
	for _, ro := range builtin().roles {
		rw := strings.Join(ro.words, " ")
		ws := strings.Fields(title)
		ruHead := isCyrillic(rw) && roleStemEqual(strings.Join(ws[:min(len(ws), len(ro.words))], " "), rw)
		if !(strings.HasSuffix(" "+title, " "+rw) || strings.HasSuffix(" "+td, " "+rw)) && !roleStemEqual(title, rw) && !ruHead {
			continue
		}
		for _, c := range ro.classes {
			if c == desc || c == d || isCyrillic(desc) && len(strings.Fields(c)) == len(strings.Fields(desc)) && roleStemEqual(c, desc) {
				return true
			}
		}
	}
	return false
}

// The role index must decide every title and descriptor as comparing with all roles does: each
// built-in role, inflected and with modifiers, and each person's title against its own classes
// and a sample of all the others (every pair takes too long).
func TestRoleFitsWholeIndexed(t *testing.T) {
	l := builtin()
	var descs []string
	for _, ro := range l.roles {
		for _, c := range ro.classes {
			descs = append(descs, c, c+"а")
		}
	}
	fits, n := 0, 0
	check := func(title string, own []string) {
		for k, desc := range append(own, "") {
			d := stripModifiers(desc)
			for _, x := range [][2]string{{desc, d}, {descs[(n+k*31)%len(descs)], stripModifiers(descs[(n+k*31)%len(descs)])}} {
				got, want := roleFitsWhole(title, x[0], x[1]), roleFitsWholeAll(title, x[0], x[1])
				if got != want {
					t.Fatalf("roleFitsWhole(%q, %q, %q) = %v, want %v", title, x[0], x[1], got, want)
				}
				if got {
					fits++
				}
				n++
			}
		}
	}
	for _, title := range []string{"", "  ", "russian"} {
		check(title, descs[:5])
	}
	for _, ro := range l.roles {
		w := strings.Join(ro.words, " ")
		for _, title := range []string{w, "russian " + w, w + " russian", "deputy " + w, w + "а", w + " по вопросам", "the " + w + "s"} {
			check(title, ro.classes)
		}
	}
	for _, p := range l.people {
		for _, r := range p.roles {
			check(r, descs[:3])
		}
	}
	if fits == 0 || fits == n {
		t.Fatalf("%d of %d pairs fit: the comparison tests nothing", fits, n)
	}
	t.Logf("%d of %d pairs fit", fits, n)
}

// containsWords is strings.Contains(" "+big+" ", " "+small+" ").
func TestContainsWords(t *testing.T) {
	for _, big := range []string{"", "a", "ab", "a b", "b a b", "ab a", "a  b", " a ", "aa a"} {
		for _, small := range []string{"a", "b", "a b", " a", "a ", "aa", "ab"} {
			if got, want := containsWords(big, small), strings.Contains(" "+big+" ", " "+small+" "); got != want {
				t.Errorf("containsWords(%q, %q) = %v, want %v", big, small, got, want)
			}
		}
	}
}
