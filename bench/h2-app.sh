# Sourced by bench/timers.sh and bench/disk.sh: starts the packaged app on a fresh H2 file database in a
# temp dir, as the default configuration would, and talks to it as the admin over HTTP.
# Needs: APP_JAR. Sets: APP_DIR, APP_PID, BASE, AUTH. Optional: APP_PORT, APP_HEAP (default 1g), APP_ENV (extra env).

APP_PORT=${APP_PORT:-18090}
APP_HEAP=${APP_HEAP:-1g}
ADMIN_SECRET=bench-Admin-Secret-42
BASE=http://127.0.0.1:$APP_PORT
AUTH=admin:$ADMIN_SECRET

start_app() {
    APP_DIR=$(mktemp -d /tmp/incidentflow-bench.XXXXXX)
    (cd "$APP_DIR" && exec env PORT=$APP_PORT ADMIN_PASSWORD=$ADMIN_SECRET INGEST_RATE_LIMIT_PER_MINUTE=0 ${APP_ENV:-} \
        java -Xmx$APP_HEAP -jar "$APP_JAR" >"$APP_DIR/app.log" 2>&1) &
    APP_PID=$!
    echo "app pid $APP_PID, database in $APP_DIR/data"
    for _ in $(seq 1 "${APP_START_TIMEOUT:-240}"); do
        if curl -fsS "$BASE/actuator/health" >/dev/null 2>&1; then return 0; fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then echo "app died:"; tail -40 "$APP_DIR/app.log"; return 1; fi
        sleep 1
    done
    echo "app did not start within ${APP_START_TIMEOUT:-240} s"; return 1
}

stop_app() {
    if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
}

api() { # method path [json body]
    if [ $# -ge 3 ]; then
        curl -fsS -u "$AUTH" -X "$1" -H 'Content-Type: application/json' -d "$3" "$BASE$2"
    else
        curl -fsS -u "$AUTH" -X "$1" "$BASE$2"
    fi
}

# Logs incidents through POST /api/incidents from PARALLEL connections: count impact urgency vip
log_incidents() {
    local body
    body=$(printf '{"title":"Bench incident","description":"bench","caller":"jane.doe","vipCaller":%s,"serviceId":"email","category":"software","impact":"%s","urgency":"%s"}' "$4" "$2" "$3")
    seq 1 "$1" | xargs -P "${PARALLEL:-4}" -I{} curl -fsS -o /dev/null -u "$AUTH" -H 'Content-Type: application/json' \
        -d "$body" "$BASE/api/incidents"
}

source "$(dirname "${BASH_SOURCE[0]}")/machine.sh"

heap_after_full_gc() {
    jcmd "$1" GC.run >/dev/null
    jcmd "$1" GC.heap_info | awk '/used/ {print; exit}'
}
