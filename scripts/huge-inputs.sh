#!/usr/bin/env bash
# Writes the huge single-document inputs of BENCHMARKS.md ("Huge single documents") into a folder:
#   oneline-<N>M.txt     seeds and KazNERD sentences on one line, N MiB
#   paragraphs-<N>M.txt  the same text with its paragraph breaks, N MiB
#   guillemets-2M.txt    2 MiB of «»
#   oneword-8M.txt       one 8 MiB "word" (Cyrillic letters, no space, no sentence end)
#   line-50M.jsonl       one JSON line whose text is 50 MiB
# Usage: scripts/huge-inputs.sh OUTDIR [SIZES...]   (sizes in MiB; default 1 8 64)
# Needs the shared data: /work/shared/corpus/seeds and /work/shared/data/kaznerd/kaznerd-valid.iob2 (override with
# SEEDS=... KAZNERD=...). Python 3 writes the files.
set -euo pipefail
out=${1:?usage: scripts/huge-inputs.sh OUTDIR [SIZES...]}
shift
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 8 64)
seeds=${SEEDS:-/work/shared/corpus/seeds}
kaznerd=${KAZNERD:-/work/shared/data/kaznerd/kaznerd-valid.iob2}
mkdir -p "$out"
TILSHI_SCRIPTS="$(cd "$(dirname "$0")" && pwd)" python3 - "$out" "$seeds" "$kaznerd" "${sizes[@]}" <<'PY'
import json, os, sys
out, seeds, kaznerd, *sizes = sys.argv[1:]
sys.path.insert(0, os.environ["TILSHI_SCRIPTS"])
from news_paragraphs import news_paragraphs
paragraphs = news_paragraphs(seeds, kaznerd)
unit_paragraphs = "\n".join(paragraphs) + "\n"
unit_line = " ".join(paragraphs) + " "
def write(path, unit, size):
    data = unit.encode("utf-8")
    with open(path, "wb") as f:
        written = 0
        while written + len(data) <= size:
            f.write(data)
            written += len(data)
        rest = data[: size - written].decode("utf-8", "ignore").encode("utf-8")
        f.write(rest)
for mib in sizes:
    size = int(mib) << 20
    write(os.path.join(out, f"oneline-{mib}M.txt"), unit_line, size)
    write(os.path.join(out, f"paragraphs-{mib}M.txt"), unit_paragraphs, size)
write(os.path.join(out, "guillemets-2M.txt"), "«»", 2 << 20)
write(os.path.join(out, "oneword-8M.txt"), "алматы", 8 << 20)
with open(os.path.join(out, "line-50M.jsonl"), "w", encoding="utf-8") as f:
    body = (unit_line * (1 + (50 << 20) // len(unit_line.encode("utf-8"))))
    body = body.encode("utf-8")[: 50 << 20].decode("utf-8", "ignore")
    f.write(json.dumps({"id": "huge", "title": "Үлкен құжат", "text": body}, ensure_ascii=False) + "\n")
PY
ls -l "$out"
