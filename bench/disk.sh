#!/usr/bin/env bash
# Disk per incident on the default H2 file database: logs ROUNDS x N incidents over the API, walks each to
# CLOSED as the service desk would (diagnosis "resolved", the caller confirms), and reports the size of the
# database file after each round, after a quiet minute and after a clean shutdown.
# Usage: bench/disk.sh <app jar> <out.md>   (env: CHURN=500 incidents per round, ROUNDS=2, PARALLEL=4)
set -euo pipefail
APP_JAR=$(realpath "$1"); OUT=$2
CHURN=${CHURN:-500}; ROUNDS=${ROUNDS:-2}; PARALLEL=${PARALLEL:-4}
source "$(dirname "$0")/h2-app.sh"
trap stop_app EXIT

db_bytes() { du -sb "$APP_DIR/data" | cut -f1; }

complete_task() { # business key, task definition key, variables json
    local id
    for _ in $(seq 1 50); do
        id=$(api GET "/engine-rest/task?processInstanceBusinessKey=$1&taskDefinitionKey=$2" | jq -r '.[0].id // empty')
        [ -n "$id" ] && break
        sleep 0.2
    done
    [ -n "$id" ] || { echo "no task $2 for $1" >&2; return 1; }
    api POST "/engine-rest/task/$id/complete" "{\"variables\":$3}" >/dev/null
}

open_and_close() {
    local key
    key=$(api POST /api/incidents '{"title":"Disk churn","description":"bench","caller":"jane.doe","serviceId":"email","category":"software","impact":"low","urgency":"low"}' | jq -r .id)
    complete_task "$key" Task_InitialDiagnosis '{"diagnosisOutcome":{"value":"resolved"},"resolutionType":{"value":"fix"},"resolutionNotes":{"value":"Restarted the service"}}'
    complete_task "$key" Task_ConfirmWithCaller '{"callerAnswer":{"value":"restored"}}'
}
export -f open_and_close complete_task api
export BASE AUTH

start_app
mark=$(cpu_mark)
# The file right after start still holds the start's replaced chunks; housekeeping compacts them within seconds
sleep "${SETTLE:-30}"
empty=$(db_bytes)
echo "empty database: $empty bytes"
rows="| after | incidents | database bytes | bytes per incident (growth since start) |
|---|---|---|---|
| start | 0 | $empty | |"
total=0
for round in $(seq 1 "$ROUNDS"); do
    started=$(date +%s)
    seq 1 "$CHURN" | xargs -P "$PARALLEL" -I{} bash -c open_and_close
    total=$((total + CHURN))
    size=$(db_bytes)
    echo "round $round: $total incidents closed in $(( $(date +%s) - started )) s, database $size bytes"
    rows+=$'\n'"| round $round | $total | $size | $(( (size - empty) / total )) |"
done
closed_incidents() {
    local page=0 count total=0
    while count=$(api GET "/api/incidents?state=CLOSED&size=500&page=$page" | jq length) && [ "$count" -gt 0 ]; do
        total=$((total + count)); page=$((page + 1))
    done
    echo "$total"
}
closed=$(closed_incidents)
sleep 60
size=$(db_bytes)
rows+=$'\n'"| a quiet minute later | $total | $size | $(( (size - empty) / total )) |"
load="load average $(machine_load), host steal $(steal_since "$mark")"
stop_app
size=$(db_bytes)
rows+=$'\n'"| clean shutdown | $total | $size | $(( (size - empty) / total )) |"
echo "$rows"

cat >"$OUT" <<MD
### Disk per incident (H2 file database)

$(date -u +%FT%TZ), $(java -version 2>&1 | head -1), app \`-Xmx$APP_HEAP\`, database URL: the default
(\`${DATABASE_URL:-application.yaml}\`). $ROUNDS rounds of $CHURN incidents logged through \`POST /api/incidents\`
(P4) and closed over the engine REST API (diagnosis resolved, caller confirms), $PARALLEL in parallel.
Machine: $load. Closed incidents listed by \`GET /api/incidents?state=CLOSED\`: $closed.

$rows
MD
echo "wrote $OUT"
