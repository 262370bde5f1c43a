#!/usr/bin/env bash
# Is `tilshi analyze` linear in its input on hostile shapes of text (issue 21)? Writes one input per shape and size,
# runs each through `tilshi analyze --input-format text --format jsonl --jobs 1` in a fresh process, and prints the
# CPU time (user + sys, minus the CPU of analysing a one-word file: process start and model loading) and the ratio of
# each size to the first. Time linear in size gives a ratio equal to the size ratio; a quadratic stage gives its square.
#
# Two scales, because a text longer than one piece (100,000 scalars) is analysed in pieces: 1 MiB against 4 MiB shows
# the whole command path (pieces included); 24k against 96k scalars stays inside one piece, where a stage that scans
# the whole token, sentence or paragraph for every word would show as a ratio near 16 instead of 4.
#
# Shapes: one-paragraph news text (the seeds and KazNERD sentences on one line), the same with no sentence end, the
# same with every space removed (one whitespace-free run of words and punctuation), one Cyrillic word, one Latin word,
# a Latin news line without spaces, repeated punctuation (. ! ? « » - ( ) …), one Arabic-script word, long words
# (200 letters) between spaces, capitalised names with no sentence end, numbers and dates with no sentence end.
#
# Usage: scripts/linearity.sh path/to/tilshi [workdir=/tmp/linearity] [sizes...]
#   sizes: Ns (N thousand scalars) or NM (N MiB of UTF-8); default: 24s 96s 1M 4M
# Environment: SHAPES="oneline nospace ..." to run a subset; MAX_RATIO (default 1.5) flags a run whose CPU ratio is
# more than MAX_RATIO × the size ratio; BASELINE=path/to/other/tilshi runs it alternately on the same inputs and
# prints new/baseline CPU. Needs python3 and the shared data (SEEDS=..., KAZNERD=... to override).
set -uo pipefail
bin=${1:?usage: scripts/linearity.sh path/to/tilshi [workdir] [sizes...]}
work=${2:-/tmp/linearity}
shift $(( $# >= 2 ? 2 : 1 ))
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(24s 96s 1M 4M)
seeds=${SEEDS:-/work/shared/corpus/seeds}
kaznerd=${KAZNERD:-/work/shared/data/kaznerd/kaznerd-valid.iob2}
shapes=(${SHAPES:-oneline nosentence nospace cyrword latinword latinnospace punct arabicword longwords names numbers})
max_ratio=${MAX_RATIO:-1.5}
mkdir -p "$work"

TILSHI_SCRIPTS="$(cd "$(dirname "$0")" && pwd)" python3 - "$work" "$seeds" "$kaznerd" "${sizes[@]}" <<'PY'
import os, re, sys
work, seeds, kaznerd, *sizes = sys.argv[1:]
sys.path.insert(0, os.environ["TILSHI_SCRIPTS"])
from news_paragraphs import news_paragraphs
paragraphs = news_paragraphs(seeds, kaznerd)
line = " ".join(paragraphs) + " "
cyr_to_lat = dict(zip("абвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
    ["a","b","v","g","ğ","d","e","io","j","z","i","i","k","q","l","m","n","ñ","o","ö","p","r","s","t","u","ū","ü","f","h","h","ts","ch","ş","şç","","y","ı","","e","iu","ia"]))
latin = "".join(cyr_to_lat.get(c.lower(), c) if c.lower() in cyr_to_lat else c for c in line[:200000])
units = {
    "oneline": line,
    "nosentence": re.sub(r"[.!?…]", "", line),
    "nospace": re.sub(r"\s+", "", line),
    "cyrword": "алматыдағы",
    "latinword": "almatydaǵy",
    "latinnospace": re.sub(r"\s+", "", latin),
    "punct": ".!?«»-()…,;:—\"'",
    "arabicword": "الماتىداعى",
    "longwords": " ".join("қазақстандағы" * 15 + "ның" for _ in range(4)) + " ",
    "names": "Ерболат Досаев Алматы Астана Қасым-Жомарт Тоқаев Нұрсұлтан Назарбаев ",
    "numbers": "2026 жылғы 7 желтоқсанда 1 500 000 теңге 12:30 3,5 пайыз 15-20 адам ",
}
def write(path, unit, scalars=None, size=None):
    if os.path.exists(path):
        return
    if scalars is not None:
        text = (unit * (scalars // len(unit) + 1))[:scalars]
        data = text.encode("utf-8")
    else:
        data = unit.encode("utf-8")
        data = (data * (size // len(data) + 1))[:size].decode("utf-8", "ignore").encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
for shape, unit in units.items():
    for size in sizes:
        path = os.path.join(work, f"{shape}-{size}.txt")
        if size.endswith("s"):
            write(path, unit, scalars=int(size[:-1]) * 1000)
        else:
            write(path, unit, size=int(size[:-1]) << 20)
with open(os.path.join(work, "tiny.txt"), "w", encoding="utf-8") as f:
    f.write("Алматы.\n")
PY

out=$(mktemp)
trap 'rm -f "$out" "$out.time" "$out.err"' EXIT
# CPU seconds of one run of BIN on INPUT (prints "cpu peak-MiB exit").
run() {
    /usr/bin/time -f "%U %S %M" -o "$out.time" "$1" analyze --input-format text --format jsonl --jobs 1 "$2" >"$out" 2>"$out.err"
    local code=$?
    read -r user sys kb <"$out.time"
    awk -v u="$user" -v s="$sys" -v k="$kb" -v c="$code" 'BEGIN { printf "%.3f %d %d", u + s, k / 1024, c }'
}
# Size of SIZE in scalars (Ns) or bytes (NM), for the expected ratio.
amount() { case $1 in *s) echo $(( ${1%s} * 1000 ));; *M) echo $(( ${1%M} << 20 ));; esac; }

read -r base_cpu _ _ < <(run "$bin" "$work/tiny.txt")
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (before); binary $bin"
echo "one-word input (process start + model loading): $base_cpu CPU-s, subtracted below"
[ -n "${BASELINE:-}" ] && read -r baseline_base _ _ < <(run "$BASELINE" "$work/tiny.txt") && echo "baseline $BASELINE: one-word input $baseline_base CPU-s"
status=0
printf '%-13s %6s %9s %8s %7s %9s %s\n' shape size "CPU s" "peak MiB" ratio expected flag
for shape in "${shapes[@]}"; do
    first_cpu="" first_amount="" previous_scale=""
    for size in "${sizes[@]}"; do
        scale=${size: -1}
        # Ratios are taken within a scale (scalars against scalars, MiB against MiB).
        if [ "$scale" != "$previous_scale" ]; then first_cpu="" first_amount=""; previous_scale=$scale; fi
        read -r cpu peak code < <(run "$bin" "$work/$shape-$size.txt")
        net=$(awk -v c="$cpu" -v b="$base_cpu" 'BEGIN { n = c - b; if (n < 0.001) n = 0.001; printf "%.3f", n }')
        flag=""
        [ "$code" = 0 ] || { flag="exit $code"; status=1; }
        ratio="" expected=""
        if [ -z "$first_cpu" ]; then
            first_cpu=$net first_amount=$(amount "$size")
        else
            ratio=$(awk -v n="$net" -v f="$first_cpu" 'BEGIN { printf "%.2f", n / f }')
            expected=$(awk -v a="$(amount "$size")" -v f="$first_amount" 'BEGIN { printf "%.2f", a / f }')
            if awk -v r="$ratio" -v e="$expected" -v m="$max_ratio" 'BEGIN { exit !(r > e * m) }'; then
                flag="$flag SUPERLINEAR"; status=1
            fi
        fi
        extra=""
        if [ -n "${BASELINE:-}" ]; then
            read -r bcpu _ _ < <(run "$BASELINE" "$work/$shape-$size.txt")
            bnet=$(awk -v c="$bcpu" -v b="$baseline_base" 'BEGIN { n = c - b; if (n < 0.001) n = 0.001; printf "%.3f", n }')
            extra=$(awk -v n="$net" -v b="$bnet" 'BEGIN { printf "baseline %.3f s, new/baseline %.2f", b, n / b }')
        fi
        printf '%-13s %6s %9s %8s %7s %9s %s %s\n' "$shape" "$size" "$net" "$peak" "$ratio" "$expected" "$flag" "$extra"
    done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) (after)"
exit $status
