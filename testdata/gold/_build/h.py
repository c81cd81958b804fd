import datetime as dt

WD = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def d(s):
    return dt.date.fromisoformat(s)


def before(ref, name):
    """Most recent weekday `name` on or before ref."""
    r = d(ref)
    k = (r.weekday() - WD.index(name.lower())) % 7
    return (r - dt.timedelta(days=k)).isoformat()


def after(ref, name):
    """Next weekday `name` strictly after ref."""
    r = d(ref)
    k = (WD.index(name.lower()) - r.weekday()) % 7 or 7
    return (r + dt.timedelta(days=k)).isoformat()


def plus(ref, n):
    return (d(ref) + dt.timedelta(days=n)).isoformat()


def last_week(ref):
    """Monday of the week before ref's week."""
    r = d(ref)
    return (r - dt.timedelta(days=r.weekday() + 7)).isoformat()


def next_month(ref):
    r = d(ref)
    y, m = (r.year + 1, 1) if r.month == 12 else (r.year, r.month + 1)
    return f"{y:04d}-{m:02d}"


def S(text, speaker, kind, req=False, parts=None, sk="person", aliases=None):
    it = {"text": text if not parts else " ".join(parts), "speaker": speaker}
    if speaker:
        it["speaker_kind"] = sk
    if aliases:
        it["speaker_aliases"] = aliases
    it["kind"] = kind
    if req:
        it["required"] = True
    if parts:
        it["parts"] = parts
    return it


def D(text, value, kind, end=None, req=False):
    it = {"text": text, "value": value, "kind": kind}
    if end:
        it["value_end"] = end
    if req:
        it["required"] = True
    return it


def F(text, value, comp, unit, cat, treaty="", vmax=None, req=False):
    it = {"text": text, "value": value}
    if vmax is not None:
        it["value_max"] = vmax
    it["comparator"] = comp
    if unit is not None:
        it["unit"] = unit
    it["category"] = cat
    if treaty is not None:
        it["treaty"] = treaty
    if req:
        it["required"] = True
    return it


def M(*pairs, req=()):
    out = []
    for p in pairs:
        t, i = p.split(":")
        it = {"type": t, "id": i}
        if p in req:
            it["required"] = True
        out.append(it)
    return out


def next_week(ref):
    """Monday of the week after ref's week."""
    r = d(ref)
    return (r + dt.timedelta(days=7 - r.weekday())).isoformat()
