from h import *
PUB = "2025-08-16"
A = dict(
    name="kremlin-ru-press-statements-anchorage-2025-08-16", style="kremlin", lang="ru",
    url="http://kremlin.ru/events/president/transcripts/77771",
    title="Заявления для прессы по итогам российско-американских переговоров",
    lead="По завершении переговоров Владимир Путин и Президент Соединённых Штатов Америки Дональд Трамп сделали заявления для прессы.",
    place="Анкоридж, Аляска", published_at="2025-08-16T02:40:00+03:00",
    tags=["Внешняя политика", "США"],
    paras=[
        ("turn", "В.Путин:", "Уважаемые дамы и господа! Наши переговоры прошли в конструктивной и взаимоуважительной атмосфере. Мы, в частности, затронули тему стратегической стабильности и будущего Договора о СНВ, срок действия которого истекает в феврале следующего года."),
        "Считаю, что нам есть что предложить друг другу. Россия готова к диалогу, но только на равноправной основе и с учётом интересов безопасности обеих сторон.",
        ("turn", "Д.Трамп (синхронный перевод):", "Спасибо, Владимир. У нас была очень продуктивная встреча. Мы договорились по многим пунктам, осталось совсем немного. Мы также поговорили о ядерном оружии – это очень важная тема, может быть, самая важная."),
        ("turn", "В.Путин:", "В следующий раз – в Москве."),
        ("turn", "Д.Трамп (синхронный перевод):", "О, это интересно. Возможно, так и будет."),
    ],
    checks=dict(
        title="Заявления для прессы по итогам российско-американских переговоров",
        published="2025-08-16",
        dateline=None,
        body=dict(first="В.Путин: Уважаемые дамы и господа!", last="О, это интересно. Возможно, так и будет.",
                  must_not_contain=["По завершении переговоров Владимир Путин и Президент", "Анкоридж, Аляска", "Внешняя политика"]),
    ),
    statements=[
        S("Уважаемые дамы и господа! Наши переговоры прошли в конструктивной и взаимоуважительной атмосфере. Мы, в частности, затронули тему стратегической стабильности и будущего Договора о СНВ, срок действия которого истекает в феврале следующего года. Считаю, что нам есть что предложить друг другу. Россия готова к диалогу, но только на равноправной основе и с учётом интересов безопасности обеих сторон.",
          "Владимир Путин", "transcript", True, aliases=["В.Путин", "Путин", "Vladimir Putin"]),
        S("Спасибо, Владимир. У нас была очень продуктивная встреча. Мы договорились по многим пунктам, осталось совсем немного. Мы также поговорили о ядерном оружии – это очень важная тема, может быть, самая важная.",
          "Дональд Трамп", "transcript", True, aliases=["Д.Трамп", "Трамп", "Donald Trump"]),
        S("В следующий раз – в Москве.", "Владимир Путин", "transcript", True, aliases=["В.Путин", "Путин", "Vladimir Putin"]),
        S("О, это интересно. Возможно, так и будет.", "Дональд Трамп", "transcript", True, aliases=["Д.Трамп", "Трамп", "Donald Trump"]),
    ],
    dates=[
        D("в феврале следующего года", "2026-02", "relative", req=True),
    ],
    figures=[],
    mentions=M("treaty:new_start", "person:putin", "person:trump", "country:ru", req=("treaty:new_start", "person:putin", "person:trump")),
    notes=[
        "Style: kremlin.ru (Russian) transcript: h1.entry-title, time.read__published datetime=2025-08-16 (Moscow date; the talks were on 15 August Alaska time), read__place 'Анкоридж, Аляска' (not body), lead (subtitle), body = div.entry-content p up to .read__bottom.",
        "Speaker labels in Russian short form: '<b>В.Путин:</b>' and '<b>Д.Трамп (синхронный перевод):</b>' (interpreted speech: the remark '(синхронный перевод)' is part of the label, not of the text). One transcript statement per turn; Putin's first turn runs over paragraphs 0-1. Speakers: the label gives only an initial; the gold names Владимир Путин / Дональд Трамп with aliases В.Путин, Д.Трамп (the scorer deletes the period, so 'Д.Трамп' does not share a last word with 'Дональд Трамп' and needs the alias).",
        "No quotes or reported speech inside the turns.",
        "Dates: 'в феврале следующего года' = 2026-02 (relative: next year from 2025-08-16; month granularity). 'В следующий раз' is not a date.",
        "Figures: none ('обеих сторон' is not a quantity).",
        "Mentions: 'Договора о СНВ' = new_start (inflected alias); Путин (label and 'Владимир' in Trump's reply), Трамп (labels); 'Россия', 'Москве' = ru. The title's 'российско-американских' is not body and an adjective. No US name in the body: no us mention.",
    ],
)
