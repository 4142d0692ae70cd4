#!/bin/bash
# The running station's resident memory on a big store (issue 16, "A big queue stays fast"): the
# real station with its window, started by the zip's launcher with the launcher's own JVM options,
# on a COPY of a store the big-queue bench prepared. Keystrokes unlock it, create the first
# supervisor, open the records screen (F3) and search a name, so that both the search index and
# the fingerprint index are loaded; then the station is left idle. The resident set (VmRSS) and
# its peak (VmHWM) are read from /proc at each step. BigQueueProbe measures the same station code
# without a window; the difference between the two is the UI's share.
#
#   ./mvnw -B -q -pl src-dist -am package -DskipTests
#   unzip -q -d /tmp/rekam-dist src-dist/target/rekam-*-bin.zip
#   xvfb-run -a -s "-screen 0 1366x768x24" bench/scripts/station-rss.sh \
#       /tmp/rekam-dist/rekam-*/ bench/target/bench-field/5000-of-100000 [JVM options…]
#
# Extra JVM options go after the launcher's (JAVA_OPTS); the default adds -XX:MaxRAM=4g so that
# the JVM sizes its heap as on a 4 GB laptop. REKAM_RSS_NMT=FILE appends the JVM's native memory
# summary at each step (give -XX:NativeMemoryTracking=summary among the options). Needs an X display and xdotool; REKAM_RSS_SHOT=FILE
# writes a screenshot (xwd, converted when ImageMagick is there) once the index is ready.
# Ends with "goal RSS <= 400 MB: met" or "MISSED" (exit 3) for the settled station and every sample
# taken (REKAM_RSS_GOAL_MB changes the bound); the momentary peak (VmHWM) is printed, not judged.
set -u
DIST="$1"; STORE="$2"; shift 2
EXTRA="${*:--XX:MaxRAM=4g}"
PASS="${REKAM_RSS_PASSPHRASE:-bench-frasa-sandi-2026}"   # BigQueueBench.PASS
SETTLE="${REKAM_RSS_SETTLE:-45}"
GOAL="${REKAM_RSS_GOAL_MB:-400}"   # issue 16: RSS at 100,000 records with the index loaded
MAX_SAMPLE=0; LAST=0
command -v xdotool > /dev/null || { echo "station-rss: needs xdotool (not installed), nothing measured"; exit 0; }
[ -n "${DISPLAY:-}" ] || { echo "station-rss: needs an X display (run under xvfb-run), nothing measured"; exit 0; }

WORK="$(mktemp -d)"
trap 'kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; rm -rf "$WORK"' EXIT
cp -r "$STORE" "$WORK/store"
LOG="$WORK/station.log"

# The launcher's JVM is the java child of bin/rekam (exec: the same process).
JAVA_OPTS="$EXTRA -Drekam.dataDir=$WORK/store" "$DIST/bin/rekam" > "$LOG" 2>&1 &
PID=$!

wait_for() {   # wait_for PATTERN SECONDS
    for _ in $(seq 1 $(($2 * 10))); do grep -q "$1" "$LOG" && return 0; sleep 0.1; done
    echo "station-rss: '$1' not seen within $2 s"; tail -20 "$LOG"; exit 1
}
mem() {   # mem LABEL
    local rss hwm
    rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
    hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$PID/status")
    [ "$rss" -gt "$MAX_SAMPLE" ] && MAX_SAMPLE=$rss
    LAST=$rss
    printf '%-34s RSS %4s MB (peak %4s MB)\n' "$1" "$rss" "$hwm"
    # With -XX:NativeMemoryTracking=summary among the options: where the JVM's own memory is.
    if [ -n "${REKAM_RSS_NMT:-}" ]; then
        jcmd "$PID" VM.native_memory summary scale=MB | grep -E '^(Total|-  *[A-Z])|committed=' \
            | grep -E '^Total|^-' | sed 's/^/    /' >> "$REKAM_RSS_NMT"
        echo "== $1" >> "$REKAM_RSS_NMT"
    fi
}
type_line() {
    xdotool type --delay 20 "$1"; xdotool key Return
}

wait_for "first frame rendered" 120
sleep 10   # the warm-up runs after the first frame
WID=$(xdotool search --onlyvisible --name "." 2>/dev/null | head -1)
xdotool windowfocus --sync "$WID" 2>/dev/null
mem "unlock screen"
T0=$(date +%s)
type_line "$PASS"
wait_for "login screen shown" 120
sleep 1
# A store the bench made has no operator yet: the login screen creates the first supervisor.
type_line "spv01"; type_line "sandi-penyelia-2026"; type_line "sandi-penyelia-2026"
wait_for "fingerprint index ready" 600
echo "index: $(grep -o 'fingerprint index ready.*' "$LOG") ($(( $(date +%s) - T0 )) s after Enter)"
sleep 2
mem "home, index ready"
xdotool key F3
sleep 2
xdotool type --delay 50 "zzzz tidak ada"   # matches nobody: the whole search index is walked
sleep 5
mem "records, first search done"
if [ -n "${REKAM_RSS_SHOT:-}" ]; then
    # Without ImageMagick the X dump itself is kept, named as what it is.
    xwd -root -silent > "$WORK/shot.xwd" && { convert "$WORK/shot.xwd" "$REKAM_RSS_SHOT" 2>/dev/null \
        || { cp "$WORK/shot.xwd" "${REKAM_RSS_SHOT%.*}.xwd"; echo "screenshot: ${REKAM_RSS_SHOT%.*}.xwd (xwd)"; }; }
fi
xdotool key Escape
sleep "$SETTLE"
mem "home, idle ${SETTLE} s"
echo "JVM: $(tr '\0' ' ' < "/proc/$PID/cmdline" | grep -o '\-Dfile.encoding.*StationLauncher' | sed 's/ -cp [^ ]*//')"
grep -q "OutOfMemoryError" "$LOG" && echo "station-rss: the station ran out of heap" && exit 1
# The goal is judged on the settled station and on every sample taken; VmHWM (a momentary peak
# while the index is restored) is printed, not judged.
if [ "$LAST" -le "$GOAL" ] && [ "$MAX_SAMPLE" -le "$GOAL" ]; then
    echo "goal RSS <= $GOAL MB: met (settled $LAST MB, highest sample $MAX_SAMPLE MB)"
    exit 0
fi
echo "goal RSS <= $GOAL MB: MISSED (settled $LAST MB, highest sample $MAX_SAMPLE MB)"
exit 3
