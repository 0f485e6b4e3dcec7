#!/usr/bin/env python3
"""Tags of the question bank against the curated vocabulary (content/tags.yaml).

  scripts/tags.py               print each near-duplicate tag and the tag it should be, then the
                                tags in use that the vocabulary does not list
  scripts/tags.py --apply       rewrite the section files' tag lists with that mapping
  scripts/tags.py --vocabulary  add the canonical form of every tag in use to content/tags.yaml

A near-duplicate is an alias listed in tags.yaml, or a tag that differs from a known one only by
British/American spelling or plural. The rules match `tag_key` in crates/bank/src/tags.rs.
Run from the top of the repository.
"""
import argparse
import collections
import glob
import re
import sys

import yaml

SECTIONS = "content/sections/*.yaml"
VOCABULARY = "content/tags.yaml"

DOUBLE_L = ["level", "model", "travel", "label", "cancel", "fuel", "signal", "counsel", "channel", "tunnel"]
ISE_AFTER = ("al", "il", "at", "it", "or", "ar", "gn", "an", "en", "on", "im", "um")
PLURALS = [("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")]


def singular(w):
    if len(w) <= 3:
        return w
    for plural, one in PLURALS:
        if w.endswith(plural):
            return w[: -len(plural)] + one
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def american(w):
    """The American spelling of one word (the same rules as american() in tags.rs)."""
    if w.endswith("isation"):
        return w[: -len("isation")] + "ization"
    for british, us in [("ise", "ize"), ("ised", "ized"), ("ising", "izing"), ("iser", "izer")]:
        stem = w[: -len(british)]
        if w.endswith(british) and len(stem) >= 3 and stem.endswith(ISE_AFTER):
            return stem + us
    for british, us in [("lling", "ing"), ("lled", "ed"), ("ller", "er")]:
        stem = w[: -len(british)]
        if w.endswith(british) and any(len(stem) + 1 == len(d) and d.startswith(stem) for d in DOUBLE_L):
            return stem + "l" + us
    for british, us, least in [("yse", "yze", 2), ("dgement", "dgment", 1), ("ogue", "og", 4), ("amme", "am", 3), ("tre", "ter", 3)]:
        stem = w[: -len(british)]
        if w.endswith(british) and len(stem) >= least:
            return stem + us
    if w.endswith("our") and len(w) - 3 >= 3 and not w[:-3].endswith("t"):
        return w[:-3] + "or"
    return {"defence": "defense", "licence": "license", "offence": "offense"}.get(w, w)


def tag_key(tag):
    return "-".join(american(singular(p)) for p in tag.strip().lower().split("-"))


def is_american(tag):
    return all(american(p) == p for p in tag.split("-"))


def load_vocabulary():
    try:
        with open(VOCABULARY) as f:
            doc = yaml.safe_load(f) or {}
    except FileNotFoundError:
        return []
    return doc.get("tags", [])


def usage():
    """tag -> number of questions, and the section files."""
    count = collections.Counter()
    files = sorted(glob.glob(SECTIONS))
    for path in files:
        with open(path) as f:
            doc = yaml.safe_load(f) or {}
        for q in doc.get("questions", []):
            count.update(q.get("tags", []) or [])
    return count, files


def canonical_of_group(tags, count):
    """American first, then the plural form, then the most used, then alphabetical."""
    return sorted(tags, key=lambda t: (not is_american(t), singular(t.split("-")[-1]) == t.split("-")[-1], -count[t], t))[0]


def mapping(count, vocabulary):
    """tag in use -> the tag it should be (only tags that change)."""
    known = {t["id"] for t in vocabulary}
    alias = {a: t["id"] for t in vocabulary for a in t.get("aliases", []) or []}
    by_key = {}
    for t in vocabulary:
        by_key.setdefault(tag_key(t["id"]), t["id"])
    groups = collections.defaultdict(list)
    for tag in count:
        groups[tag_key(tag)].append(tag)
    out = {}
    for tag in count:
        if tag in known:
            continue
        if tag in alias:
            out[tag] = alias[tag]
        elif tag_key(tag) in by_key:
            out[tag] = by_key[tag_key(tag)]
        else:
            best = canonical_of_group(groups[tag_key(tag)], count)
            if not is_american(best):
                best = "-".join(american(p) for p in best.split("-"))
            if best != tag:
                out[tag] = best
    # An alias may point at a tag that is itself renamed.
    for tag, to in list(out.items()):
        seen = {tag}
        while to in out and to not in seen:
            seen.add(to)
            to = out[to]
        out[tag] = to
    return out


FLOW = re.compile(r"^(\s*tags:\s*\[)(.*)(\]\s*)$")
ITEM = re.compile(r"^(\s*-\s+)(\S.*?)(\s*)$")


def rename_list(items, table):
    seen, out = set(), []
    for t in items:
        t = table.get(t, t)
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def apply(files, table):
    changed = 0
    for path in files:
        with open(path) as f:
            lines = f.read().split("\n")
        out, i = [], 0
        while i < len(lines):
            line = lines[i]
            m = FLOW.match(line)
            if m:
                items = [t.strip() for t in m.group(2).split(",") if t.strip()]
                line = m.group(1) + ", ".join(rename_list(items, table)) + m.group(3)
                out.append(line)
                i += 1
                continue
            if re.match(r"^\s*tags:\s*$", line):
                out.append(line)
                i += 1
                block = []
                while i < len(lines) and ITEM.match(lines[i]):
                    block.append(ITEM.match(lines[i]))
                    i += 1
                kept = rename_list([b.group(2) for b in block], table)
                prefix = block[0].group(1) if block else "  - "
                out.extend(prefix + t for t in kept)
                continue
            out.append(line)
            i += 1
        text = "\n".join(out)
        with open(path) as f:
            before = f.read()
        if text != before:
            with open(path, "w") as f:
                f.write(text)
            changed += 1
    return changed


def write_vocabulary(vocabulary, count, table):
    known = {t["id"] for t in vocabulary}
    aliased = {a for t in vocabulary for a in t.get("aliases", []) or []}
    wanted = sorted({table.get(t, t) for t in count} - known - aliased)
    entries = vocabulary + [{"id": t} for t in wanted]
    entries.sort(key=lambda t: t["id"])
    lines = [
        "# The curated tag vocabulary: every tag a question may carry. `prep validate` warns about a",
        "# tag that is listed here as an alias, or that differs from one of these only by spelling",
        "# (British/American) or plural. Lower-case kebab-case, American spelling, plural nouns for",
        "# topics. scripts/tags.py maps near-duplicates to these and adds new tags in use.",
        "tags:",
    ]
    for t in entries:
        lines.append(f"  - id: {t['id']}")
        if t.get("aliases"):
            lines.append(f"    aliases: [{', '.join(t['aliases'])}]")
        if t.get("summary"):
            lines.append(f"    summary: {t['summary']}")
    with open(VOCABULARY, "w") as f:
        f.write("\n".join(lines) + "\n")
    return len(wanted)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--apply", action="store_true", help="rewrite the section files")
    ap.add_argument("--vocabulary", action="store_true", help="add tags in use to content/tags.yaml")
    args = ap.parse_args()
    count, files = usage()
    vocabulary = load_vocabulary()
    table = mapping(count, vocabulary)
    if args.vocabulary:
        added = write_vocabulary(vocabulary, count, table)
        print(f"{VOCABULARY}: added {added} tags")
        return 0
    if args.apply:
        n = apply(files, table)
        print(f"renamed {len(table)} tags in {n} files")
        return 0
    print(f"{len(count)} tags in use; {len(table)} near-duplicates:")
    for tag in sorted(table):
        print(f"  {tag} ({count[tag]}) -> {table[tag]} ({count.get(table[tag], 0)})")
    known = {t["id"] for t in vocabulary}
    unknown = sorted(t for t in count if t not in known and t not in table)
    if vocabulary and unknown:
        print(f"{len(unknown)} tags in use are not in {VOCABULARY} (add with --vocabulary):")
        print("  " + " ".join(unknown))
    companies = sorted(t for t in count if t.startswith("company-"))
    if companies:
        print("tags naming a company (keep only where the question is about that company's style):")
        print("  " + " ".join(f"{t} ({count[t]})" for t in companies))
    after = len({table.get(t, t) for t in count})
    print(f"{after} tags after the mapping")
    return 0


if __name__ == "__main__":
    sys.exit(main())
