#!/usr/bin/env bash
# B3 SLA timer precision and heap at N open incidents, on the default H2 file database.
# Logs N incidents over the API (N_P1 of them P1: medium impact, high urgency, VIP caller; the rest P4), takes
# the heap after a full GC, moves the P1 response-breach timers to fall due within WINDOW seconds (engine REST
# API, as an operator would in Cockpit) and measures how late each breach ran: the breach timer's success entry
# in the engine's job log (timestamp) against the due date it carried. Before that, one timer on the idle app.
# Usage: bench/timers.sh <app jar> <out.md>   (env: N=500, N_P1=100, WINDOW=60, PARALLEL=4, LEAD=30 s until the first is due)
set -euo pipefail
APP_JAR=$(realpath "$1"); OUT=$2
N=${N:-500}; N_P1=${N_P1:-100}; WINDOW=${WINDOW:-60}; PARALLEL=${PARALLEL:-4}; LEAD=${LEAD:-30}
source "$(dirname "$0")/h2-app.sh"
trap stop_app EXIT

iso_ms() { date -u -d "@$(awk "BEGIN{printf \"%.3f\", $1/1000}")" +%Y-%m-%dT%H:%M:%S.%3N+0000; }
now_ms() { date +%s%3N; }
percentile() { sort -n | awk -v p="$1" '{v[NR]=$1} END {if (NR == 0) {print "n/a"; exit} i=int(p*NR+0.999999); if (i<1) i=1; print v[i]}'; }
breach_jobs() { api GET "/engine-rest/job?activityId=Event_ResponseBreached&sortBy=jobDueDate&sortOrder=asc&maxResults=$1"; }
set_due() { api PUT "/engine-rest/job/$1/duedate" "{\"duedate\":\"$2\"}" >/dev/null; }
# lateness in ms of every breach timer that ran: success timestamp - due date
lateness() {
    api GET "/engine-rest/history/job-log?activityIdIn=Event_ResponseBreached&successLog=true&maxResults=100000" |
        jq -r '.[] | [.timestamp, .jobDueDate] | @tsv' |
        while IFS=$'\t' read -r ran due; do
            echo $(( $(date -d "${ran/+0000/Z}" +%s%3N) - $(date -d "${due/+0000/Z}" +%s%3N) ))
        done
}
successes() { api GET "/engine-rest/history/job-log/count?activityIdIn=Event_ResponseBreached&successLog=true" | jq .count; }
export -f api set_due; export BASE AUTH

start_app

started=$(date +%s)
log_incidents $((N - N_P1)) low low false
log_incidents "$N_P1" medium high true
logged_in=$(( $(date +%s) - started ))
echo "$N incidents logged in $logged_in s"
sleep 5
heap=$(heap_after_full_gc "$APP_PID")
echo "heap after full GC at $N open incidents: $heap"
load_before=$(machine_load)
mark=$(cpu_mark)

# One timer on an otherwise idle app: the executor's idle wait shows here.
first=$(breach_jobs 1 | jq -r '.[0].id')
due=$(( $(now_ms) + 15000 ))
set_due "$first" "$(iso_ms $due)"
for _ in $(seq 1 120); do [ "$(successes)" -ge 1 ] && break; sleep 1; done
idle_late=$(lateness | head -1)
echo "single timer on the idle app: $idle_late ms late"

# The burst: the other N_P1 - 1 P1 breach timers due evenly within WINDOW seconds, the first LEAD s from now.
ids=$(breach_jobs $((N_P1 - 1)) | jq -r '.[].id')
count=$(echo "$ids" | grep -c . || true)
t0=$(( $(now_ms) + LEAD * 1000 ))
i=0
for id in $ids; do echo "$id $(iso_ms $(( t0 + i * WINDOW * 1000 / count )))"; i=$((i + 1)); done |
    xargs -P "$PARALLEL" -n 2 bash -c 'set_due "$0" "$1"'
moved=$(now_ms)
[ "$moved" -lt "$t0" ] || echo "WARNING: moving the due dates took longer than LEAD ($LEAD s); raise LEAD"
echo "$count breach timers due from $(iso_ms $t0) within $WINDOW s"
deadline=$(( $(date +%s) + LEAD + WINDOW + 600 ))
while [ "$(successes)" -lt "$N_P1" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 2; done
all_breached=$(( $(now_ms) - t0 ))
while [ "$(api GET "/engine-rest/job/count?executable=true" | jq .count)" -gt 0 ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 2; done
all_done=$(( $(now_ms) - t0 ))
load_after="$(machine_load), host steal during the timers $(steal_since "$mark")"
ran=$(successes)
late=$(lateness | tail -n +2)
p50=$(echo "$late" | percentile 0.50); p99=$(echo "$late" | percentile 0.99); max=$(echo "$late" | percentile 1)
echo "breaches ran: $ran of $N_P1; lateness p50 $p50 ms, p99 $p99 ms, max $max ms; all breaches $all_breached ms after the first was due, every job done after $all_done ms"

cat >"$OUT" <<MD
### B3 SLA timer precision and heap (H2 file database)

$(date -u +%FT%TZ), $(java -version 2>&1 | head -1), app \`-Xmx$APP_HEAP\`. $N open incidents logged through
\`POST /api/incidents\` ($PARALLEL connections, $logged_in s), $N_P1 of them P1; $count P1 response-breach timers
moved to fall due evenly within $WINDOW s. Lateness: the breach timer's success in the engine's job log minus
its due date. Job executor: the settings of \`application.yaml\` (${APP_ENV:-no overrides}).
Load average before: $load_before; after: $load_after.

| figure | value |
|---|---|
| heap in use after full GC at $N open incidents | $heap |
| one timer on the idle app, late by | ${idle_late} ms |
| breach timers run | $ran of $N_P1 |
| lateness p50 / p99 / max | $p50 / $p99 / $max ms |
| first due → every breach ran | $all_breached ms |
| first due → no job due any more (notifications sent) | $all_done ms |
MD
echo "wrote $OUT"
