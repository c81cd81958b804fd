import sys, glob, importlib.util, json, os
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import templates
for path in sorted(glob.glob(os.path.join(HERE, "articles", "*.py"))):
    if sys.argv[1] not in path: continue
    spec = importlib.util.spec_from_file_location("art", path); mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    a = mod.A
    for i, p in enumerate(a["paras"]):
        t = templates.ptext(p)
        print(f"[{i}] {t}")
    print("STATEMENTS"); [print("  ", s["speaker"] or '""', s["kind"], "|", s["text"][:110]) for s in a["statements"]]
    print("DATES"); [print("  ", d["text"], "=", d["value"], d.get("value_end",""), d["kind"]) for d in a["dates"]]
    print("FIGURES"); [print("  ", f["text"], "=", f["value"], f.get("value_max",""), f.get("comparator"), f.get("unit"), f.get("category"), f.get("treaty")) for f in a["figures"]]
    print("MENTIONS", " ".join(m["id"] for m in a["mentions"]))
