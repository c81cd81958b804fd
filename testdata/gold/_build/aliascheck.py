import json, re, glob, sys, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import templates, importlib.util
from build import find_shared
lex = {}
sec = None
for line in open(find_shared("reference/lexicon.md"), encoding="utf-8"):
    m = re.match(r"^## (\d)\.", line)
    if m: sec = {"1": "treaty", "3": "weapon", "4": "organization", "6": "person"}.get(m.group(1))
    if line.startswith("### 4.1"): sec = "country"
    if line.startswith("### 1.1"): sec = None
    if sec and line.startswith("| ") and not line.startswith("| id") and not line.startswith("| ---"):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if sec == "treaty": al = cells[3].split("; ") + cells[4].split("; ") + [cells[2]]
        elif sec == "weapon": al = cells[4].split("; ") + cells[5].split("; ")
        elif sec == "organization": al = cells[4].split("; ") + cells[5].split("; ") + [cells[1]]
        elif sec == "country": al = cells[2].split("; ") + cells[3].split("; ")
        elif sec == "person": al = [cells[1], cells[1].split()[-1], cells[2], cells[2].split()[-1]]
        for a in al:
            cs = "(cs)" in a
            a = re.sub(r"\s*\((cs)\)|\s*⚠", "", a).strip().strip("«»")
            if len(a) < 2 or a == "—": continue
            lex.setdefault((sec, cells[0]), []).append((a, cs))
for path in sorted(glob.glob(os.path.join(HERE, "articles", "*.py"))):
    spec = importlib.util.spec_from_file_location("art", path); mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    a = mod.A
    body = "\n\n".join(templates.ptext(p) for p in a["paras"])
    gold = {(m["type"], m["id"]) for m in a["mentions"]}
    found = set()
    for key, als in lex.items():
        for al, cs in als:
            stem = al
            cyr = re.search("[а-яА-Я]", al)
            pat = re.escape(stem[:-1] if cyr and len(stem) > 4 else stem)
            rx = re.compile(r"(?<!\w)" + pat + (r"\w*" if cyr else r"(?!\w)"), 0 if cs else re.I)
            if rx.search(body):
                found.add(key); break
    extra = found - gold
    missing = {k for k in gold - found if k[1] not in set(a.get("slugs", []))}
    if extra or missing:
        print(a["name"], "\n   found-not-gold:", sorted(extra), "\n   gold-not-found:", sorted(missing))
