from h import *
PUB = "2025-10-18"
A = dict(
    name="interfax-ru-ulyanov-resolution-2231-2025-10-18", style="interfax_ru",
    url="https://www.interfax.ru/world/1052789",
    title="Ульянов заявил, что срок действия резолюции 2231 СБ ООН истек",
    published_at="2025-10-18T11:05:00+03:00",
    tags=["Михаил Ульянов", "Иран", "СВПД"],
    more=["МИД Ирана назвал восстановление санкций ООН незаконным"],
    paras=[
        "18 октября. INTERFAX.RU - Россия считает, что срок действия резолюции 2231 СБ ООН истек в субботу, заявил постпред РФ при международных организациях в Вене Михаил Ульянов.",
        "Ульянов написал в Telegram: \"Сегодня истек срок действия резолюции 2231. Все ее положения, включая ограничения на ядерную программу Ирана, прекратили действие\".",
        "По его словам, попытка \"евротройки\" восстановить санкции ООН \"юридически ничтожна\".",
        "Великобритания, Франция и Германия 28 августа запустили механизм восстановления санкций, и 28 сентября санкции ООН против Ирана были формально восстановлены.",
        "СВПД был заключен в июле 2015 года. Он ограничивал обогащение урана уровнем 3,67% и запасы обогащенного урана - 300 кг.",
    ],
    checks=dict(
        title="Ульянов заявил, что срок действия резолюции 2231 СБ ООН истек",
        published="2025-10-18T11:05:00+03:00",
        dateline={"date": "2025-10-18", "agency": "INTERFAX.RU"},
        body=dict(first="18 октября. INTERFAX.RU - Россия считает, что срок действия резолюции 2231",
                  last="и запасы обогащенного урана - 300 кг."),
    ),
    statements=[
        S("Россия считает, что срок действия резолюции 2231 СБ ООН истек в субботу", "Михаил Ульянов", "reported", True),
        S("срок действия резолюции 2231 СБ ООН истек в субботу", "Россия", "reported", sk="organization", aliases=["Russia", "Russian government", "Москва"]),
        S("Сегодня истек срок действия резолюции 2231. Все ее положения, включая ограничения на ядерную программу Ирана, прекратили действие", "Михаил Ульянов", "direct", True),
        S("попытка \"евротройки\" восстановить санкции ООН \"юридически ничтожна\"", "Михаил Ульянов", "reported", True),
    ],
    dates=[
        D("18 октября", PUB, "dateline", req=True),
        D("в субботу", PUB, "relative", req=True),
        D("Сегодня", PUB, "relative"),
        D("28 августа", "2025-08-28", "absolute", req=True),
        D("28 сентября", "2025-09-28", "absolute"),
        D("в июле 2015 года", "2015-07", "absolute"),
    ],
    figures=[
        F("3,67%", 3.67, "<=", "percent", "percent", "jcpoa", req=True),
        F("300 кг", 300, "<=", "kg", "stockpile", "jcpoa", req=True),
    ],
    mentions=M("treaty:jcpoa", "organization:unsc", "organization:un", "organization:e3", "person:ulyanov",
               "country:ru", "country:ir", "country:gb", "country:fr", "country:de", req=("treaty:jcpoa", "person:ulyanov")),
    notes=[
        "Style: interfax.ru (UTF-8 this time, declared in the meta tag), as the other Interfax page. The dateline has no city: '18 октября. INTERFAX.RU - ' (news-sites.md: the city can be missing); the check gives date and agency only (place would be empty).",
        "Paragraph 0: 'Россия считает, что ..., заявил постпред ... Михаил Ульянов' — the whole clause before ', заявил' is Ulyanov's reported statement; inside it, 'Россия считает, что ...' reports Russia's position ('считает' is an assertion cue in lexicon.md §7): labelled too, as nested reported speech (speaker Россия, institution; not required). Role before the name.",
        "Paragraph 1: 'Ульянов написал в Telegram: \"…\"' — attribution before with a colon, straight quotes (Interfax). Paragraph 2: 'По его словам' (pronoun) with two straight-quoted parts inside the reported clause: \"евротройки\" is a quoted name (the E3), \"юридически ничтожна\" a fragment; both belong to the one reported statement.",
        "Not statements: paragraphs 3-4 (agency text: actions and background).",
        "Dates: '18 октября' (dateline); 'в субботу' (2025-10-18 was a Saturday) and 'Сегодня' inside the quote (the same day); '28 августа', '28 сентября' (2025); 'в июле 2015 года'. '2231' is a resolution number: neither a date nor a figure.",
        "Figures: JCPOA limits '3,67%' (Russian decimal comma: 3.67 percent, <=: 'ограничивал ... уровнем') and '300 кг' (<= 300 kg, stockpile); treaty jcpoa (СВПД named in the paragraph).",
        "Mentions: 'резолюции 2231' (inflected alias of jcpoa) and СВПД = jcpoa; 'СБ ООН' = unsc; 'санкции ООН' = un; the quoted \"евротройки\" = e3 (the «евротройка» alias matches only in quotes, which it is); Ульянов; Россия, РФ = ru; Ирана = ir; Великобритания = gb, Франция = fr, Германия = de. Вена is a place; Telegram is not a lexicon entity.",
    ],
)
