#!/usr/bin/env python3
"""Checks the technical glossary beyond what its loader checks.

- every row has exactly five columns (so no cell holds a comma);
- every field is a technology-field id (or empty), every broader concept exists, no broader chain loops;
- no word (compared after NFKC folding, lower case, spaces removed) belongs to two concepts, except the pairs in
  DELIBERATELY_SHARED: a shared word is ambiguous to the matcher, so sharing is rare and on purpose;
- no concept lists the same word twice in one language (an abbreviation such as DX may stand in both columns).

Prints the concept count per technology field. Exit status 1 when any check fails.
Usage: python3 contracts/scripts/check_technical_glossary.py [path/to/technical-glossary.v1.csv]
"""
import collections
import csv
import pathlib
import sys
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
GLOSSARY = HERE.parent / "reference-data" / "technical-glossary.v1.csv"
FIELDS = HERE.parent / "reference-data" / "technology-fields.v1.csv"

# word -> the concepts allowed to share it (each listed on purpose: the word really means both)
DELIBERATELY_SHARED = {}


def fold(word):
    return unicodedata.normalize("NFKC", word).lower().replace(" ", "").replace("-", "")


def main():
    path = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else GLOSSARY
    with FIELDS.open(encoding="utf-8") as f:
        fields = {row["id"] for row in csv.DictReader(f)}
    problems = []
    concepts = {}
    owners = collections.defaultdict(set)
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines[0] != "concept,field,broader,ja,en":
        problems.append(f"unexpected header {lines[0]!r}")
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split(",")
        if len(columns) != 5:
            problems.append(f"line {number}: {len(columns)} columns (a comma inside a cell?): {line}")
            continue
        concept, field, broader, ja, en = (c.strip() for c in columns)
        if concept in concepts:
            problems.append(f"line {number}: concept {concept} twice")
        if field and field not in fields:
            problems.append(f"line {number}: unknown field {field}")
        if not (ja + en).replace("|", "").strip():
            problems.append(f"line {number}: {concept} has no words")
        for language in (ja, en):
            seen = set()
            for word in (w.strip() for w in language.split("|") if w.strip()):
                if word.lower() in seen:
                    problems.append(f"line {number}: {concept} lists {word!r} twice")
                seen.add(word.lower())
                owners[fold(word)].add(concept)
        concepts[concept] = (field, broader)
    for concept, (field, broader) in concepts.items():
        if broader and broader not in concepts:
            problems.append(f"{concept}: unknown broader concept {broader}")
        chain, current = [], concept
        while current and current in concepts:
            if current in chain:
                problems.append(f"{concept}: broader chain loops {' -> '.join(chain + [current])}")
                break
            chain.append(current)
            current = concepts[current][1]
    for key, names in sorted(owners.items()):
        if len(names) > 1 and names != set(DELIBERATELY_SHARED.get(key, ())):
            problems.append(f"word {key!r} belongs to {sorted(names)}")
    counts = collections.Counter(field or "(cross-field)" for field, _ in concepts.values())
    for field in sorted(fields) + ["(cross-field)"]:
        print(f"{counts.get(field, 0):4d}  {field}")
    print(f"{len(concepts):4d}  concepts in all, {len(owners)} distinct words")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
