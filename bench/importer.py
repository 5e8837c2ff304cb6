"""Benchmark of the plan importer: precision, recall and F1 per element type over the gold set,
and the parse time of a 20-page document.

    .venv/bin/python -m bench.importer [--pages 20] [--runs 5] [--per-document]

The gold set is `coso/importer/tests/gold/` (see `coso.importer.gold`); the 20-page document is
the gold texts concatenated (about 3,000 characters a page). Prints Markdown for
docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--per-document", action="store_true", help="F1 per document and type")
    args = parser.parse_args(argv)

    import django

    django.setup()
    from coso.importer import gold

    parse = gold.get_parser()
    if parse is None:
        print("coso.importer.parse.parse is not available yet", file=sys.stderr)
        return 1
    documents = gold.load_all()
    result = gold.evaluate(parse, documents)
    print(f"Gold set: {len(documents)} documents ({', '.join(d.name for d in documents)})\n")
    print(gold.table(result.totals))

    if args.per_document:
        kinds = [k for k in gold.ELEMENT_TYPES]
        print("\n| document | " + " | ".join(kinds) + " |")
        print("| --- |" + " ---: |" * len(kinds))
        for name, scores in result.per_document.items():
            cells = " | ".join(f"{scores[k].f1:.2f}" for k in kinds)
            print(f"| {name} | {cells} |")

    text = gold.long_text(args.pages, documents)
    parse(text)  # warm-up: compiled patterns, imports
    times = []
    for _ in range(args.runs):
        started = time.perf_counter()
        parsed = parse(text)
        times.append(time.perf_counter() - started)
    print(
        f"\nParse time of a {args.pages}-page document ({len(text):,} characters, "
        f"{text.count(chr(10)) + 1:,} lines, {len(parsed.tasks)} tasks found): "
        f"median {statistics.median(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms "
        f"over {args.runs} runs."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
