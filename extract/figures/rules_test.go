package figures

import "testing"

// TestRealTextRules checks the rules added for real agency items, fact sheets and treaty
// summaries, on sentences written for this test.
func TestRealTextRules(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a count of states cannot exceed 200",
			"Under the pact the warheads kept by each country would fall to between 1,700 and 2,200.",
			"1700..2200 = warhead deployed_warheads sort"},
		{"a change verb before its object",
			"The Pentagon raised its count of deployed strategic warheads from 1,350 to 1,420 over the year.",
			"1350 = warhead deployed_warheads | 1420 = warhead deployed_warheads"},
		{"a treaty named after the next figure is that figure's",
			"The START II treaty was signed in 1993. It would cut 4,000 more warheads beyond the 8,000 removed under START I.",
			"4000 = warhead warheads_total start_ii | 8000 = warhead warheads_total start_i"},
		{"multiples",
			"The new plant holds over 12 times the material allowed and flew nearly four times as many sorties. Запасы выросли в 5 раз больше нормы.",
			"12 >  other | 4 ~  other | 5 =  other"},
		{"once is no multiple",
			"Once the deal is signed, twice as many inspectors will come.",
			"2 =  other"},
		{"an article counts one",
			"The payload weighs less than a ton and the radar sits about a mile and a half from the pad.",
			"1 < t other | 1.5 ~ mile range_km"},
		{"a fraction of one takes the unit after it",
			"The device yielded roughly a third of a megaton.",
			"0.3333333333333333 ~ mt yield_kt"},
		{"title case does not make names",
			"Eighth Missile Test Confirms Range Of 9,000 Kilometers",
			"8 = test test_count | 9000 = km range_km"},
		{"a number set off by dashes",
			"Most of the 300 warheads sit in depots, and only a handful—perhaps 40—are deployed.",
			"300 = warhead warheads_total | 40 ~ warhead deployed_warheads"},
		{"elliptic units count the sentence's thing, not a period",
			"За 5 лет стороны должны сократить ядерные арсеналы так, чтобы осталось не более 2 тысяч единиц.",
			"5 = year duration | 2000 <= warhead warheads_total"},
		{"two numbers share the noun after the second",
			"Число боеголовок у двух стран не изменилось: 150 и 290 единиц соответственно.",
			"150 = warhead warheads_total | 290 = warhead warheads_total"},
		{"flights are observation flights only under Open Skies or so called",
			"The air force flew more than 300 flights for training last year.",
			"300 > flight other"},
		{"a borrowed unit yields to the treaty's limit",
			"Under START I, the launchers fell to 1,200 and the warheads to 5,900, under the ceilings of 1,600 and 6,000.",
			"1200 = launcher launchers start_i | 5900 = warhead warheads_total start_i | 1600 <= delivery_vehicle deployed_delivery_vehicles start_i | 6000 <= warhead deployed_warheads start_i"},
		{"seconds written onto the number",
			"The glider flew for 1,250s before it hit the target area.",
			"1250 = second duration"},
		{"a Russian ordinal in digits",
			"Документ одобрен 45-й сессией, где выступили 12 экспертов.",
			"12 = person personnel"},
		{"referring counts of states",
			"Two nations begin talks. The five nuclear powers—Britain, China, France, Russia and the US—met.",
			""},
		{"airfields and members",
			"The pact now has 30 members and lists six airfields for observation.",
			"30 = state parties_count | 6 = site other"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := brief(Extract(c.text, nil)); got != c.want {
				t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}
