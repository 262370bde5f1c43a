#!/usr/bin/env bash
# Tilshi's `analyze` against kazstem (PyPI `kazstem`, its MyStem-like CLI) and kazstem's C++ engine
# (`hfst-proc | cg-proc` on apertium-kaz's compiled analyser and Constraint Grammar), on the same KazNERD sentences,
# in one run, so the ratios are measured at the same machine load.
#
#   scripts/vs-kazstem.sh BIN [SENTENCES] [ROUNDS]
#
# BIN is a (release) `tilshi`; SENTENCES (default 2000) are taken from the start of KazNERD's valid split and written
# detokenised, one per line; ROUNDS (default 3) runs of each tool are interleaved. Times are CPU (user + system) and
# wall from /usr/bin/time; tokens are KazNERD's, the same count for every tool. kazstem needs its compiled resources
# (kaz.automorf.hfstol, kaz.rlx.bin) in $QAZMORPH_RESOURCE_DIR and hfst-proc / cg-proc on PATH (Debian: hfst, cg3);
# the script says which of them is missing and runs what it can.
set -euo pipefail
BIN=$(realpath "${1:?usage: vs-kazstem.sh BIN [SENTENCES] [ROUNDS]}")
SENTENCES=${2:-2000}
ROUNDS=${3:-3}
cd "$(dirname "$0")/.."
SHARED=${SHARED:-../shared}
WORK=$(mktemp -d /tmp/tilshi-vs-kazstem-XXXX)
trap 'rm -rf "$WORK"' EXIT

TOKENS=$(python3 - "$SHARED/data/kaznerd/kaznerd-valid.iob2" "$SENTENCES" "$WORK/input.txt" <<'PY'
import sys
path, limit, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
sentences, words = [], []
for line in open(path, encoding="utf-8"):
    line = line.rstrip("\n")
    if not line.strip():
        if words: sentences.append(words)
        words = []
        if len(sentences) == limit: break
        continue
    words.append(line.rsplit(" ", 1)[0])
if words and len(sentences) < limit: sentences.append(words)
# Detokenised as Tilshi's bench does it: no space before closing punctuation.
def detok(ws):
    text = ""
    for w in ws:
        if text and not (w in ".,:;!?)»" ) and not text.endswith(("(", "«")): text += " "
        text += w
    return text
with open(out, "w", encoding="utf-8") as f:
    for ws in sentences: f.write(detok(ws) + "\n")
print(sum(len(ws) for ws in sentences))
PY
)
echo "input: $SENTENCES KazNERD sentences, $TOKENS tokens ($(wc -c < "$WORK/input.txt") bytes); load: $(uptime | sed 's/.*load average: //')"

RESOURCES=${QAZMORPH_RESOURCE_DIR:-}
missing=()
command -v kazstem > /dev/null || missing+=("kazstem (pip install kazstem)")
command -v hfst-proc > /dev/null || missing+=("hfst-proc (apt-get install hfst)")
command -v cg-proc > /dev/null || missing+=("cg-proc (apt-get install cg3)")
if [ -z "$RESOURCES" ] || [ ! -f "$RESOURCES/kaz.automorf.hfstol" ] || [ ! -f "$RESOURCES/kaz.rlx.bin" ]; then
    missing+=("apertium-kaz compiled resources (kaz.automorf.hfstol, kaz.rlx.bin) in \$QAZMORPH_RESOURCE_DIR")
fi

# One timed run: prints "cpu wall" in seconds.
timed() {
    local out=$1; shift
    /usr/bin/time -f "%U %S %e" -o "$WORK/time" "$@" > "$out" 2> "$WORK/stderr" || { echo "failed: $* ($(tail -3 "$WORK/stderr"))" >&2; return 1; }
    awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' "$WORK/time"
}

declare -A cpu wall
tools=(tilshi)
[ ${#missing[@]} -eq 0 ] && tools+=(kazstem engine)
for round in $(seq "$ROUNDS"); do
    for tool in "${tools[@]}"; do
        case $tool in
            tilshi) result=$(timed "$WORK/tilshi.jsonl" "$BIN" analyze --format jsonl --jobs 1 "$WORK/input.txt") ;;
            kazstem) result=$(timed "$WORK/kazstem.txt" kazstem -i -d --resource-dir "$RESOURCES" "$WORK/input.txt") ;;
            engine) result=$(timed "$WORK/engine.txt" bash -c 'hfst-proc -w "$1/kaz.automorf.hfstol" < "$2" | cg-proc "$1/kaz.rlx.bin"' _ "$RESOURCES" "$WORK/input.txt") ;;
        esac
        read -r c w <<< "$result"
        cpu[$tool]="${cpu[$tool]:-} $c"
        wall[$tool]="${wall[$tool]:-} $w"
        echo "round $round $tool: cpu ${c} s, wall ${w} s"
    done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo
printf '%-8s %10s %10s %14s %15s\n' tool "cpu s" "wall s" "tokens/cpu-s" "tokens/wall-s"
for tool in "${tools[@]}"; do
    c=$(echo "${cpu[$tool]}" | median); w=$(echo "${wall[$tool]}" | median)
    printf '%-8s %10s %10s %14.0f %15.0f\n' "$tool" "$c" "$w" "$(echo "$TOKENS / $c" | bc -l)" "$(echo "$TOKENS / $w" | bc -l)"
done
if [ ${#missing[@]} -gt 0 ]; then
    echo
    echo "kazstem and its engine not run; missing:"
    printf '  - %s\n' "${missing[@]}"
    exit 2
fi
tc=$(echo "${cpu[tilshi]}" | median); tw=$(echo "${wall[tilshi]}" | median)
for tool in kazstem engine; do
    c=$(echo "${cpu[$tool]}" | median); w=$(echo "${wall[$tool]}" | median)
    printf 'tilshi / %s: %.1f× per CPU-second, %.1f× wall\n' "$tool" "$(echo "$c / $tc" | bc -l)" "$(echo "$w / $tw" | bc -l)"
done
