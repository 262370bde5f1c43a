#!/usr/bin/env bash
# Peak memory and time of `tilshi analyze` on huge single documents (issue 21: peak RSS ≤ 500 MB on any input under
# the 64 MiB limit, time linear in size). Writes the inputs with scripts/huge-inputs.sh (unless they exist), runs
# each through /usr/bin/time, prints one line per input (CPU, wall, peak RSS, output size, load average) and the
# CPU per MiB against the first size; exits 1 if a run failed or any peak RSS is over LIMIT_MB (default 500).
# Usage: scripts/analyze-memory.sh path/to/tilshi [inputs-folder=/tmp/huge] [sizes in MiB... default 1 8 64]
# Environment: FORMAT=json (or jsonl, conllu, text), JOBS=1.
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/analyze-memory.sh path/to/tilshi [inputs-folder] [sizes...]}
folder=${2:-/tmp/huge}
shift $(( $# >= 2 ? 2 : 1 ))
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1 8 64)
format=${FORMAT:-json}
limit_mb=${LIMIT_MB:-500}
for size in "${sizes[@]}"; do
    [ -f "$folder/oneline-${size}M.txt" ] || scripts/huge-inputs.sh "$folder" "${sizes[@]}" >/dev/null || exit 1
done
status=0
first_cpu_per_mib=""
out=$(mktemp)
trap 'rm -f "$out" "$out.time"' EXIT
for size in "${sizes[@]}"; do
    for kind in oneline paragraphs; do
        input="$folder/$kind-${size}M.txt"
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        /usr/bin/time -f "%U %S %e %M" -o "$out.time" "$bin" analyze --jobs "${JOBS:-1}" --format "$format" "$input" >"$out" 2>"$out.err"
        code=$?
        read -r user sys wall kb <"$out.time"
        bytes=$(stat -c %s "$out")
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        per=$(awk -v c="$cpu" -v m="$size" 'BEGIN { printf "%.3f", c / m }')
        [ -z "$first_cpu_per_mib" ] && first_cpu_per_mib=$per
        ratio=$(awk -v p="$per" -v f="$first_cpu_per_mib" 'BEGIN { printf "%.2f", p / f }')
        printf '%s: exit %d, CPU %s s (user %s, sys %s; %s s/MiB, ×%s the first), wall %s s, peak RSS %d MiB, output %d MB, load %s\n' \
            "$(basename "$input") --format $format" "$code" "$cpu" "$user" "$sys" "$per" "$ratio" "$wall" $((kb / 1024)) $((bytes / 1000000)) "$load"
        [ "$code" = 0 ] || { status=1; head -c 500 "$out.err"; }
        [ $((kb / 1024)) -le "$limit_mb" ] || { echo "  over $limit_mb MB"; status=1; }
    done
done
rm -f "$out.err"
exit $status
