package figures

import "testing"

// TestGeneral checks rules on sentences written in the styles of the news the analyzer reads
// (Reuters, AP, TASS, think tanks, IAEA reports on Iran, Open Skies and CFE reporting), none of
// them taken from the labelled articles.
func TestGeneral(t *testing.T) {
	cases := []struct{ name, text, want string }{
		// verbs that compare
		{"surpassed",
			"China's arsenal has surpassed 600 operational warheads, the Pentagon said in its annual report.",
			"600 > warhead warheads_total"},
		{"exceed",
			"The stockpile will exceed 1,000 warheads by 2030, according to the estimate.",
			"1000 > warhead stockpile"},
		{"topped with the unit in the subject",
			"China's nuclear arsenal is expected to top 1,000 by 2030, the Pentagon said.",
			"1000 > warhead warheads_total"},
		{"reached with a circumstance after the number",
			"The number of deployed warheads reached 1,550 in February, the State Department said.",
			"1550 = warhead deployed_warheads"},
		{"fell below",
			"Russia's arsenal fell below 4,000 warheads for the first time since the Cold War.",
			"4000 < warhead warheads_total"},
		{"grew to and rise to",
			"China's inventory grew to 500 warheads in 2023 and is expected to rise to 1,500 warheads by 2035.",
			"500 = warhead warheads_total | 1500 = warhead warheads_total"},
		{"an inventory with its earlier value",
			"The total inventory was estimated at 5,800, up from 6,375 a year earlier.",
			"5800 ~ warhead warheads_total | 6375 = warhead warheads_total"},
		{"the previous sentence names the counted thing",
			"The FAS publishes estimates of Russia's nuclear warhead inventory. It was estimated at 5,580 in 2024, down from 5,889.",
			"5580 ~ warhead warheads_total | 5889 = warhead warheads_total"},
		{"changes by an amount are no ranges",
			"Iran's stockpile of 60% enriched uranium grew by 32.3 kg to 274.8 kg.",
			"60 = percent percent | 32.3 = kg stockpile | 274.8 = kg stockpile"},
		{"units of hardware, observers",
			"Some 10,000 servicemen, 600 units of military hardware and about 30 foreign observers took part.",
			"10000 ~ person personnel | 600 = item other | 30 ~ person personnel"},
		{"a range of number words joined by a hyphen",
			"Рябков заявил, что следующий раунд пройдет в течение двух-трех месяцев.",
			"2..3 = month duration"},
		{"a rate after a bare number",
			"The treaty limited tanks to 20,000 per bloc.",
			"20000 = item other"},
		{"the head of a compound is counted",
			"China conducted 16 ICBM tests last year and 12 missile launches this year.",
			"16 = test test_count | 12 = launch test_count"},
		{"a hyphenated duration keeps its unit",
			"The Su-57 made a 20-minute flight over the range.",
			"20 = minute duration"},
		{"a change's start counts what its end counts",
			"The Minuteman III force will be reduced from 450 to 400 missiles.",
			"450 = missile missiles | 400 = missile missiles"},

		// comparators in other shapes
		{"as many as, no fewer than",
			"NATO members had as many as 3,400 combat aircraft and no fewer than 700 attack helicopters.",
			"3400 <= item other | 700 >= item other"},
		{"in excess of, upwards of",
			"The stockpile is in excess of 200 warheads, upwards of 300 by some estimates.",
			"200 > warhead stockpile | 300 > warhead stockpile"},
		{"roughly, approximately, almost",
			"Roughly 90 warheads, approximately 50 missiles and almost 1,000 troops were counted.",
			"90 ~ warhead warheads_total | 50 ~ missile missiles | 1000 ~ person personnel"},
		{"just under, a little over, below, under, above",
			"Just under 2,000 warheads; a little over 500 launchers; below 100 missiles; under 50 tests; above 700 bombers.",
			"2000 < warhead warheads_total | 500 > launcher launchers | 100 < missile missiles | 50 < test test_count | 700 > bomber deployed_delivery_vehicles"},
		{"in the range of",
			"The missile's range is in the range of 2,000 to 3,000 km.",
			"2000..3000 ~ km range_km"},
		{"Russian conjunction before a comparator opens the next figure",
			"Россия располагает 1 550 развернутыми боезарядами и более 700 носителями.",
			"1550 = warhead deployed_warheads | 700 > delivery_vehicle deployed_delivery_vehicles"},

		// units and counted things
		{"IAEA uranium by weight",
			"Iran had 142.1 kilograms of uranium enriched to 60%, up from 121.5 kg, the IAEA report said.",
			"142.1 = kg stockpile | 60 = percent percent | 121.5 = kg stockpile"},
		{"more than 400 kg of uranium",
			"Iran now has more than 400 kg of uranium enriched to up to 60%.",
			"400 > kg stockpile | 60 <= percent percent"},
		{"stockpile estimated at, far from its cue",
			"Iran's stockpile of uranium enriched up to 60% purity is now estimated at 274.8 kilograms.",
			"60 <= percent percent | 274.8 ~ kg stockpile"},
		{"pounds and tonnes of material",
			"Iran produced 8,000 pounds of enriched uranium and 3 tonnes of yellowcake.",
			"8000 = lb stockpile | 3 = t stockpile"},
		{"a missile's weight is no stockpile",
			"The Sarmat weighs more than 200 tonnes and can carry as many as 15 warheads.",
			"200 > t other | 15 <= warhead warheads_per_missile"},
		{"Open Skies flights and missions",
			"The US conducted 196 flights over Russia under Open Skies, while Russia made 42 such missions.",
			"196 = flight inspections | 42 = flight inspections"},
		{"hardware and troops",
			"Russia withdrew 2,000 pieces of hardware and 1,500 troops from the region.",
			"2000 = item other | 1500 = person personnel"},
		{"specialists and sites",
			"Russia will dismantle 32 sites and withdraw 1,200 specialists, the ministry said.",
			"32 = site other | 1200 = person personnel"},
		{"CFE ceilings",
			"The CFE treaty set ceilings of 20,000 tanks, 30,000 armoured combat vehicles, 20,000 pieces of artillery, 6,800 combat aircraft and 2,000 attack helicopters per group.",
			"20000 <= item other cfe | 30000 <= item other cfe | 20000 <= item other cfe | 6800 <= item other cfe | 2000 <= item other cfe"},
		{"CFE holdings",
			"Russia reported 3,422 tanks, 10,000 armored vehicles and 4,000 artillery systems.",
			"3422 = item other | 10000 = item other | 4000 = item other"},
		{"a designator before the counted thing",
			"Iran has installed 1,044 IR-6 centrifuges at Fordow.",
			"1044 = item other"},
		{"power units and two more",
			"The plant has two power units, and two more units are planned.",
			"2 = item other | 2 = item other"},
		{"subcritical experiments are tests",
			"The NNSA plans at least two more subcritical experiments this year.",
			"2 >= test test_count"},
		{"feet and meters",
			"The tunnel is nearly 1,000 feet deep, about 300 meters below ground.",
			"1000 ~ ft range_km | 300 ~ m range_km"},
		{"an age",
			"Some of the B-52 bombers are more than 60 years old.",
			"60 > year duration"},
		{"up to four independently targetable warheads",
			"The missile can carry up to four independently targetable warheads.",
			"4 <= warhead warheads_per_missile"},
		{"a range in words is no sum",
			"The suspension could last between six and twelve months, the official said.",
			"6..12 = month duration"},
		{"a range in Russian words",
			"Мораторий может продлиться от шести до двенадцати месяцев.",
			"6..12 = month duration"},
		{"hundreds and tens still add up",
			"The plant produced two hundred and fifty centrifuges.",
			"250 = item other"},
		{"an ordinal in digits counts tests",
			"The test was the 34th such test at the Nevada site.",
			"34 = test test_count"},
		{"how often",
			"Inspectors visit the plant at least twice a year and report to the board three times a year.",
			"2 >=  other | 3 =  other"},
		{"the number with more",
			"Russia conducted two test launches in 2023 and plans at least three more this year.",
			"2 = test test_count | 3 >= test test_count"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := brief(Extract(c.text, nil)); got != c.want {
				t.Errorf("%s\n got %s\nwant %s", c.text, got, c.want)
			}
		})
	}
}

// TestNotFigures checks numbers that are not figures: phone numbers, article and resolution
// numbers, pages, ordinals of other things, dates and times.
func TestNotFigures(t *testing.T) {
	for _, text := range []string{
		"Call the press office at +7 495 244-16-06 or 8 800 555 35 35.",
		"Under Article 5 of the treaty and paragraph 12 of Resolution 2231, see page 14.",
		"In the 21st century, the 20th anniversary of the treaty was marked on the 3rd of July.",
		"The talks were held on 12 June 2024 in Geneva, at 10:30.",
		"The F-35A is the 4th aircraft certified for the B61-12.",
		"The first flight test of the Sentinel slipped to 2028.",
		"Once the treaty enters into force, the sides will exchange data.",
		"A 17-year-old student said the plant was closed.",
		"Russia keeps its warheads in storage. The treaty expires in 2026.",
		"Nvidia's RTX 3070 launch was pushed back to October 29th.",
		"One renewable-energy plant was closed after the storm.",
	} {
		if got := brief(Extract(text, nil)); got != "" {
			t.Errorf("%s\n got %s\nwant none", text, got)
		}
	}
}
