#!/usr/bin/env bash
# The long fuzzing run of issue 21: `tilshi fuzz` for SECONDS in total, restarted with the next seed after a crash
# (a crash kills the process; the input that did it is kept as crash-N.bin in OUTDIR, for a regression test), with
# every run's summary line. Exits 1 if any run crashed or reported a finding.
# Usage: scripts/fuzz-long.sh path/to/tilshi [seconds=3600] [outdir=fuzz-long] [first-seed=1]
set -uo pipefail
cd "$(dirname "$0")/.."
bin=${1:?usage: scripts/fuzz-long.sh path/to/tilshi [seconds] [outdir] [first-seed]}
total=${2:-3600}
out=${3:-fuzz-long}
seed=${4:-1}
mkdir -p "$out"
end=$((SECONDS + total))
crashes=0
status=0
while [ $SECONDS -lt $end ]; do
    left=$((end - SECONDS))
    "$bin" fuzz --seconds "$left" --seed "$seed" --save-current "$out/current.bin" --findings "$out/findings-$seed" \
        >"$out/run-$seed.log" 2>&1
    code=$?
    echo "seed $seed: exit $code at $((SECONDS - (end - total))) s of $total: $(tail -n 3 "$out/run-$seed.log" | tr '\n' ' ')"
    if [ $code -ge 128 ]; then
        crashes=$((crashes + 1))
        cp "$out/current.bin" "$out/crash-$crashes.bin"
        echo "crash $crashes (signal $((code - 128))): input kept in $out/crash-$crashes.bin"
        status=1
    elif [ $code -ne 0 ]; then
        status=1
    fi
    seed=$((seed + 1))
done
echo "fuzz-long: $crashes crashes in $total s"
exit $status
