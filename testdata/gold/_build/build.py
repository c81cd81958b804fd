#!/usr/bin/env python3
"""Builds testdata/gold/NAME.{html,txt,gold.json} from _build/articles/*.py and verifies them.

Usage: python3 testdata/gold/_build/build.py [NAME...]   (LINT=0 silences the uncovered-number list)

Each article module defines A = dict(...). Paragraphs are plain text; special paragraphs are
tuples: ("quote", text) for a quote block, ("turn", label, text) for a transcript turn,
("h", text) for a sub-heading paragraph kept in the body.
"""
import datetime as dt
import glob
import html
import importlib.util
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
SRC = os.path.join(HERE, "articles")
sys.path.insert(0, HERE)
import templates  # noqa: E402


def find_shared(name):
    """Looks for shared/<name> in the parents of this directory (the project's ../shared)."""
    d = os.path.dirname(os.path.abspath(__file__))
    while d != os.path.dirname(d):
        for cand in (os.path.join(d, "shared", name), os.path.join(d, "..", "shared", name)):
            if os.path.exists(cand):
                return cand
        d = os.path.dirname(d)
    raise FileNotFoundError("shared/" + name)


FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u201c": '"',
                      "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2013": "-",
                      "\u2014": "-", "\u2212": "-", "\u2011": "-"})


def fold(s):
    return re.sub(r"\s+", " ", s.translate(FOLD)).strip()


def lexicon_ids():
    ids = {}
    sec_type = None
    for line in open(find_shared("reference/lexicon.md"), encoding="utf-8"):
        m = re.match(r"^## (\d)\.", line)
        if m:
            sec_type = {"1": "treaty", "3": "weapon", "4": "organization", "6": "person"}.get(m.group(1))
        if line.startswith("### 4.1"):
            sec_type = "country"
        if line.startswith("### 1.1"):
            sec_type = None
        if sec_type and line.startswith("| ") and not line.startswith("| id") and not line.startswith("| ---"):
            ids.setdefault(sec_type, set()).add(line.split("|")[1].strip())
    return ids


LEX = lexicon_ids()
CATS = {"deployed_warheads", "warheads_total", "warheads_per_missile", "deployed_delivery_vehicles",
        "launchers", "stockpile", "missiles", "range_km", "yield_kt", "speed_mach", "duration",
        "inspections", "test_count", "personnel", "money", "percent", "parties_count", "other"}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
RU_WD = ["понедельник", "вторник", "сред", "четверг", "пятниц", "суббот", "воскресен"]


def para_text(p):
    return templates.ptext(p)


def verify(a, body):
    errs = []
    fb = fold(body)
    paras = body.split("\n\n")
    for s in a.get("statements", []):
        parts = s.get("parts") or [s["text"]]
        for part in parts:
            if fold(part) not in fb:
                errs.append(f"statement text not in body: {part[:70]!r}")
        if s.get("parts") and " ".join(parts) != s["text"]:
            errs.append("parts do not join to text")
        assert s.get("speaker") is not None, s
    for d in a.get("dates", []):
        if fold(d["text"]) not in fb:
            errs.append(f"date text not in body: {d['text']!r}")
        v = d["value"]
        if not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", v):
            errs.append(f"bad date value {v}")
        low = d["text"].lower()
        for i, w in enumerate(WEEKDAYS + RU_WD):
            if w in low and len(v) == 10:
                wd = dt.date.fromisoformat(v).weekday()
                if wd != i % 7:
                    errs.append(f"weekday mismatch {d['text']} {v} is {WEEKDAYS[wd]}")
    for f in a.get("figures", []):
        if fold(f["text"]) not in fb:
            errs.append(f"figure text not in body: {f['text']!r}")
        if f.get("category") and f["category"] not in CATS:
            errs.append(f"bad category {f['category']}")
        if f.get("treaty") and f["treaty"] not in LEX["treaty"]:
            errs.append(f"bad treaty {f['treaty']}")
    slugs = set(a.get("slugs", []))
    for m in a.get("mentions", []):
        if m["id"] not in LEX.get(m["type"], set()) and m["id"] not in slugs:
            errs.append(f"mention id not in lexicon: {m['type']}:{m['id']}")
    ch = a["checks"]
    b = ch.get("body", {})
    if b.get("first") and not fb.startswith(fold(b["first"])):
        errs.append("body.first wrong")
    if b.get("last") and not fb.endswith(fold(b["last"])):
        errs.append("body.last wrong")
    for t in b.get("must_contain", []):
        if fold(t) not in fb:
            errs.append(f"must_contain not in body {t!r}")
    for t in b.get("must_not_contain", []):
        if fold(t) in fb:
            errs.append(f"must_not_contain in body {t!r}")
    return errs


def lint(a, body):
    """Cross-checks for exhaustive labelling: numbers and quote marks not covered by a label."""
    out = []
    covered = " ".join(fold(x["text"]) for k in ("dates", "figures") for x in a.get(k, []))
    for m in re.finditer(r"\d[\d,.\u00a0 ]*\d|\d", body):
        n = m.group(0)
        if fold(n) not in covered:
            ctx = body[max(0, m.start() - 30):m.end() + 30].replace("\n", " ")
            out.append(f"  number not covered: {n!r} ...{ctx}...")
    return out


def main():
    only = set(sys.argv[1:])
    ok = True
    for path in sorted(glob.glob(os.path.join(SRC, "*.py"))):
        spec = importlib.util.spec_from_file_location("art", path)
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)
        a = mod.A
        if only and a["name"] not in only:
            continue
        body = "\n\n".join(para_text(p) for p in a["paras"])
        page, ext, boiler = templates.render(a)
        a["checks"].setdefault("body", {})
        b = a["checks"]["body"]
        b.setdefault("first", " ".join(para_text(a["paras"][0]).split()[:8]))
        b.setdefault("last", para_text(a["paras"][-1]).split(". ")[-1] if ext != ".txt" else None)
        if ext == ".txt":
            b.pop("last", None) if b.get("last") is None else None
        b["must_not_contain"] = b.get("must_not_contain", []) + [x for x in boiler if x and fold(x) not in fold(body)]
        errs = verify(a, body)
        print(f"{a['name']}: {len(a.get('statements', []))} st, {len(a.get('dates', []))} dt, "
              f"{len(a.get('figures', []))} fig, {len(a.get('mentions', []))} men" + (" ERR" if errs else ""))
        for e in errs:
            print("   ", e)
            ok = False
        if os.environ.get("LINT", "1") != "0":
            for l in lint(a, body):
                print(l)
        gold = {"notes": a["notes"], "input": a["name"] + ext}
        if a.get("url"):
            gold["url"] = a["url"]
        gold["text_input"] = ext == ".txt"
        gold["published_hint"] = a.get("published_hint")
        for k in ("title", "published", "dateline"):
            if k in a["checks"]:
                gold[k] = a["checks"][k]
        gold["body"] = b
        gold["complete"] = a.get("complete", ["statements", "dates", "figures", "mentions"])
        for lst in ("statements", "dates", "figures", "mentions"):
            items = []
            for it in a.get(lst, []):
                it = {k: v for k, v in it.items() if k != "parts"}
                items.append(it)
            gold[lst] = items
        enc = a.get("encoding", "utf-8")
        with open(os.path.join(OUT, a["name"] + ext), "wb") as f:
            f.write(page.encode(enc))
        with open(os.path.join(OUT, a["name"] + ".gold.json"), "w", encoding="utf-8") as f:
            json.dump(gold, f, ensure_ascii=False, indent=2)
            f.write("\n")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
