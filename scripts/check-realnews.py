#!/usr/bin/env python3
"""Checks the real-news gold files (Sources/Evaluation/Resources/Gold/realnews-*.tsv) without building anything.

Usage: scripts/check-realnews.py [file ...]   (default: both realnews files)
Checks every row: known kind, field count, each span occurring verbatim in its article, TIMEX3-like time values, a
numeric amount value, a known name class, a source that is not inside any quote row, at most one dateline per
article, articles of 120-400 words. Prints counts per kind and per name class, and exits 1 on any error.
"""
import re, sys, collections, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLD = ROOT / "Sources/Evaluation/Resources/Gold"
KINDS = {"time", "amount", "quote", "meeting", "event", "entity", "name", "source", "dateline"}
CLASSES = {"PERSON", "ORGANISATION", "GPE", "LOCATION", "FACILITY", "EVENT", "PRODUCT", "LAW", "PROJECT"}
TIMEX = re.compile(r"^(\d{4}|XXXX)(-(\d{2}|W\d{2}|Q[1-4]|H[12]|SP|SU|FA|WI)(-\d{2}(T\d{2}:\d{2})?)?)?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$")


def timex_ok(value):
    return all(TIMEX.match(part) for part in value.split("/")) and value.count("/") <= 1


def check(path):
    errors, docs, facts = [], {}, collections.defaultdict(list)
    order = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#") or not line.strip():
            continue
        fields = line.split("\t")
        where = f"{path.name}:{number}"
        if len(fields) < 4 or len(fields) > 5:
            errors.append(f"{where}: {len(fields)} fields")
            continue
        id_, kind = fields[0], fields[1]
        if kind == "doc":
            if id_ in docs:
                errors.append(f"{where}: second doc row for {id_}")
            docs[id_] = fields[2].replace("\\n", "\n")
            order.append(id_)
            if fields[3] != "-" and not DATE.match(fields[3]):
                errors.append(f"{where}: doc extra {fields[3]!r}")
            continue
        if id_ not in docs:
            errors.append(f"{where}: {kind} row before its doc")
            continue
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind}")
            continue
        facts[id_].append((where, kind, fields[2], fields[3], fields[4] if len(fields) > 4 else None))
    counts, classes, words = collections.Counter(), collections.Counter(), 0
    for id_ in order:
        text = docs[id_]
        n = len(re.findall(r"\w+", text))
        words += n
        if not 120 <= n <= 400:
            errors.append(f"{id_}: {n} words (want 120-400)")
        rows = facts[id_]
        quotes = [t for _, k, t, _, _ in rows if k == "quote"]
        seen_names = set()
        datelines = 0
        for where, kind, span, value, extra in rows:
            counts[kind] += 1
            if kind == "meeting":
                if len(value) == 0 or (value != "-" and not timex_ok(value)):
                    errors.append(f"{where}: meeting when {value!r}")
                continue
            if kind == "event":
                if span.lower() not in text.lower():
                    errors.append(f"{where}: event stem {span!r} not in text")
                if value != "-" and not timex_ok(value):
                    errors.append(f"{where}: event when {value!r}")
                if not extra:
                    errors.append(f"{where}: event without place field")
                continue
            if span not in text:
                errors.append(f"{where}: {kind} span {span!r} not in {id_}")
            if kind == "time" and not timex_ok(value):
                errors.append(f"{where}: time value {value!r}")
            elif kind == "dateline":
                datelines += 1
                if not DATE.match(value):
                    errors.append(f"{where}: dateline value {value!r}")
            elif kind == "amount":
                try:
                    float(value)
                except ValueError:
                    errors.append(f"{where}: amount value {value!r}")
                if not extra:
                    errors.append(f"{where}: amount without unit")
            elif kind == "quote":
                if not value:
                    errors.append(f"{where}: quote without speaker (use null)")
            elif kind == "name":
                if extra not in CLASSES:
                    errors.append(f"{where}: name class {extra!r}")
                classes[extra] += 1
                key = (extra, value)
                if key in seen_names:
                    errors.append(f"{where}: duplicate name {key}")
                seen_names.add(key)
                if "«" in value or "»" in value or value != value.strip():
                    errors.append(f"{where}: canonical {value!r} keeps quotes/space")
            elif kind == "source":
                for q in quotes:
                    if span in q:
                        errors.append(f"{where}: source {span!r} inside quote row {q!r}")
            elif kind == "entity":
                if not extra:
                    errors.append(f"{where}: entity without role field")
        if datelines > 1:
            errors.append(f"{id_}: {datelines} dateline rows")
    return order, words, counts, classes, errors


def main():
    paths = [pathlib.Path(p) for p in sys.argv[1:]] or sorted(GOLD.glob("realnews-*.tsv"))
    bad = False
    for path in paths:
        order, words, counts, classes, errors = check(path)
        print(f"{path.name}: {len(order)} articles, {words} words")
        print("  rows: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
        print("  names: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
        for e in errors:
            print("  ERROR " + e)
        bad = bad or bool(errors)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
