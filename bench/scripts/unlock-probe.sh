#!/bin/bash
# Unlock latency as an operator sees it: start the demo station on an existing demo store, wait
# until the warm-up has had time to finish, press Enter on the unlock screen (the demo passphrase
# is filled in) and time until the operator login screen is shown. Run inside an X display:
#   xvfb-run -a -s "-screen 0 1280x800x24" bench/scripts/unlock-probe.sh "$CP" [JVM options…]
# CP: the bench jar + its class path (see docs/benchmarks.md, "Cold start"). Needs xdotool.
# The first run on a fresh REKAM_PROBE_DIR seeds the demo store (slow); use the runs after it.
set -u
CP="$1"; shift
DIR="${REKAM_PROBE_DIR:-/tmp/rekam-unlock-probe}"
OUT="$(mktemp)"
java "$@" -Drekam.dataDir="$DIR" -cp "$CP" id.rekam.app.Main --demo > "$OUT" 2>&1 &
PID=$!
for _ in $(seq 1 600); do grep -q "first frame rendered" "$OUT" && break; sleep 0.05; done
sleep "${REKAM_PROBE_SETTLE:-10}"   # the warm-up runs in the background after the first frame
WID=$(xdotool search --onlyvisible --name "." 2>/dev/null | head -1)
xdotool windowfocus --sync "$WID" 2>/dev/null
T0=$(date +%s%3N)
xdotool key Return
for _ in $(seq 1 3000); do grep -q "login screen shown" "$OUT" && break; sleep 0.01; done
T1=$(date +%s%3N)
echo "$(grep -o 'first frame rendered.*' "$OUT") | unlock, Enter to login screen: $((T1 - T0)) ms"
kill "$PID"; wait "$PID" 2>/dev/null
rm -f "$OUT"
