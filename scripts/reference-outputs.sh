#!/usr/bin/env bash
# Writes every output a behaviour-preserving change must keep byte for byte into OUT, using the binary BIN:
#   - `tilshi analyze` JSON on the seed articles and on every KazNERD sentence (one JSON line per sentence),
#   - `tilshi search --format json` for the bench query set on the 10k bench collection (and its `stats`),
#   - the `tilshi eval …` figures.
# Compare two builds with:  scripts/reference-outputs.sh OLD_BIN /tmp/ref-old && scripts/reference-outputs.sh NEW_BIN /tmp/ref-new
#                           && diff -r /tmp/ref-old /tmp/ref-new
# --quick skips the searches, --search does only them. Takes about 10 minutes with a release build on 2 cores. Data is read from ../shared (or $SHARED).
set -euo pipefail
BIN=$(realpath "${1:?usage: reference-outputs.sh BIN OUT [--quick|--search]}")
OUT=${2:?usage: reference-outputs.sh BIN OUT [--quick|--search]}
QUICK=${3:-}
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
mkdir -p "$OUT"
OUT=$(realpath "$OUT")

if [ "$QUICK" != --search ]; then
# Analysis.
"$BIN" analyze "$SHARED"/corpus/seeds/*.txt > "$OUT/analyze-seeds.json"
python3 - "$SHARED/data/kaznerd/kaznerd-valid.iob2" > "$OUT/kaznerd-sentences.jsonl" <<'PY'
import json, sys
sentence, n = [], 0
def flush():
    global sentence, n
    if sentence:
        n += 1
        print(json.dumps({"id": f"kaznerd-{n}", "text": " ".join(sentence)}, ensure_ascii=False))
    sentence = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        flush()
        continue
    sentence.append(line.rsplit(" ", 1)[0])
flush()
PY
"$BIN" analyze --input-format news --format jsonl "$OUT/kaznerd-sentences.jsonl" > "$OUT/analyze-kaznerd.jsonl"
rm "$OUT/kaznerd-sentences.jsonl"

# Evaluation figures (timing lines removed: they differ between runs).
strip_timing() { grep -v -i -E 'tokens/s|[0-9.]+ ?(ms|s)\b|elapsed|seconds|wall|cpu' || true; }
"$BIN" eval tokenize "$SHARED"/data/ud-kazakh-ktb/kk_ktb-dev.conllu | strip_timing > "$OUT/eval-tokenize.txt"
"$BIN" eval langid | strip_timing > "$OUT/eval-langid.txt"
"$BIN" eval translit | strip_timing > "$OUT/eval-translit.txt"
"$BIN" eval facts --errors | strip_timing > "$OUT/eval-facts.txt"
"$BIN" eval ner "$SHARED"/data/kaznerd/kaznerd-valid.iob2 --dev-split | strip_timing > "$OUT/eval-ner.txt"
"$BIN" eval facts-kaznerd "$SHARED"/data/kaznerd/kaznerd-valid.iob2 --split heldout | strip_timing > "$OUT/eval-facts-kaznerd.txt"
"$BIN" eval ud "$SHARED"/data/ud-kazakh-ktb/kk_ktb-dev.conllu | strip_timing > "$OUT/eval-ud.txt"
fi
[ "$QUICK" = --quick ] && exit 0

# Search on the 10k bench collection, query by query.
WORK=$(mktemp -d /tmp/tilshi-ref-XXXX)
"$BIN" bench search --docs 10000 --data "$SHARED"/data/kaznerd/kaznerd-valid.iob2 --rounds 1 --skip-recall --workdir "$WORK" > /dev/null
"$BIN" stats --db "$WORK/tilshi.sqlite" > "$OUT/stats-bench10k.txt"
QUERIES=$(python3 - "$(ls Sources/*/Commands/BenchSearch.swift Sources/*/BenchSearch.swift Sources/*/*/BenchSearch.swift 2>/dev/null | head -1)" <<'PY'
import json, re, sys
source = open(sys.argv[1], encoding="utf-8").read()
block = source[source.index("static let querySet"):]
block = block[block.index("= [") + 3:]
block = block[:block.index("\n        ]")]
for literal in re.findall(r'"((?:[^"\\]|\\.)*)"', block):
    print(json.loads('"' + literal + '"'))
PY
)
i=0
while IFS= read -r q; do
    [ -n "$q" ] || continue
    i=$((i + 1))
    "$BIN" search --db "$WORK/tilshi.sqlite" --format json --limit 20 "$q" > "$OUT/search-$(printf %02d $i).json"
    "$BIN" search --db "$WORK/tilshi.sqlite" --limit 20 "$q" > "$OUT/search-$(printf %02d $i).txt"
done <<< "$QUERIES"
# Filters and facets.
"$BIN" search --db "$WORK/tilshi.sqlite" --format json --label PERSON --limit 20 "Алматы" > "$OUT/search-label.json"
"$BIN" search --db "$WORK/tilshi.sqlite" --format json --entity "Қазақстан" --limit 20 "Президент" > "$OUT/search-entity.json"
"$BIN" entities --db "$WORK/tilshi.sqlite" --format json > "$OUT/entities-bench10k.json"
rm -rf "$WORK"
