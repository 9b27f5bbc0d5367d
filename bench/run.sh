#!/usr/bin/env bash
# The benchmark harness of issue 12: bench/run.sh [--quick]
#
# Builds the app jar, starts it (java -Xmx1g, fresh H2 file database in a temp dir) and drives it over HTTP
# with wrk, then writes docs/benchmarks.md: machine, date, commit, JVM and settings, and each figure with
# its same-run baseline or target.
#   B1  alert storm: PagerDuty events, 16 connections, 500 dedup keys (95 % duplicates and more), from the
#       first second after start (cold), after a warm-up, and once every alert has its incident (steady); then the
#       liveness probe under the same connections as its ceiling; then checks exactly one incident per key.
#   B2  incident start: POST /api/incidents from 4 connections, against the bare engine
#       (src/test/java/io/incidentflow/bench/BareEngineBenchmark.java) from 4 threads in the same run, both after
#       a warm-up long enough for the JIT compiler to settle (the app's larger code path takes about two minutes).
#   bench/timers.sh (B3 SLA timer lateness, heap), bench/disk.sh (bytes per incident after churn) and
#       bench/postgres.sh (B4: B1 on PostgreSQL, B2 and B3 with one and two nodes, a node killed), each given the jar and
#       the markdown file to write its section into.
# --quick: a few minutes of smoke run with short phases (numbers only show the harness works).
# Environment: BENCH_SKIP_BUILD=1 uses the jar in target/ as it is; BENCH_JFR=1 records a flight recording
# of each app run next to its log (the temp dir is printed); BENCH_OUT overrides docs/benchmarks.md;
# BENCH_ONLY="storm start timers disk postgres" (any of them) runs only those parts.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
export BENCH_DIR=$ROOT/bench

QUICK=false
[ "${1:-}" = "--quick" ] && QUICK=true
if $QUICK; then
    COLD=15; WARMUP=10; MEASURE=15; B2_WARMUP=10; B2_MEASURE=15; PROBE=10
    export N=${N:-500} N_P1=${N_P1:-100} CHURN=${CHURN:-200} ROUNDS=${ROUNDS:-2} OPEN=${OPEN:-1000} BURST=${BURST:-100}
else
    COLD=60; WARMUP=30; MEASURE=60; B2_WARMUP=120; B2_MEASURE=60; PROBE=30
    export N=${N:-10000} N_P1=${N_P1:-1000} CHURN=${CHURN:-1000} ROUNDS=${ROUNDS:-3} OPEN=${OPEN:-10000} BURST=${BURST:-1000}
fi
export B2_WARMUP B2_MEASURE
STORM_CONNECTIONS=16
STORM_KEYS=500
START_CONNECTIONS=4
HEAP=1g
PORT=${BENCH_PORT:-18080}
BASE=http://127.0.0.1:$PORT
ADMIN_PASSWORD=bench-Admin-$RANDOM$RANDOM
OUT=${BENCH_OUT:-$ROOT/docs/benchmarks.md}
WORK=$(mktemp -d /tmp/incidentflow-bench.XXXXXX)
JAR=$ROOT/target/incidentflow-0.1.0-SNAPSHOT.jar
APP_PID=

PARTS=" ${BENCH_ONLY:-storm start timers disk postgres} "
want() { [[ $PARTS == *" $1 "* ]]; }

log() { echo "[$(date -u +%H:%M:%S)] $*"; }
source "$BENCH_DIR/machine.sh"
source "$BENCH_DIR/report.sh"

stop_app() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID"
        wait "$APP_PID" 2>/dev/null || true
    fi
    APP_PID=
}
trap stop_app EXIT

if ! command -v wrk >/dev/null; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing wrk"
        apt-get install -y wrk >/dev/null
    else
        echo "bench/run.sh needs wrk (HTTP load generator): install it, e.g. 'sudo apt-get install wrk'" >&2
        exit 1
    fi
fi

if [ "${BENCH_SKIP_BUILD:-}" != 1 ] || [ ! -f "$JAR" ]; then
    log "building the app jar and the test classes (baseline)"
    ./mvnw -B -ntp -q -DskipTests package
fi
./mvnw -B -ntp -q test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"

export CLASSPATH_FILE=$WORK/classpath.txt
# The app's default H2 options (application.yaml), for the app and the bare engine alike.
H2_OPTIONS=${BENCH_H2_OPTIONS:-$(sed -n 's/.*DATABASE_URL:jdbc:h2:file:[^;]*\(;[^}]*\)}.*/\1/p' src/main/resources/application.yaml)}
# The commit measured: taken before the build, as the tree may change while the benchmarks run.
COMMIT="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src processes pom.xml || echo ' (with uncommitted changes)')"
LOAD_BEFORE=$(machine_load)
RUN_MARK=$(cpu_mark)

# start_app <name> [extra environment...]: fresh database under $WORK/<name>, waits until healthy.
start_app() {
    local dir=$WORK/$1
    shift
    mkdir -p "$dir"
    local jfr=()
    if [ "${BENCH_JFR:-}" = 1 ]; then
        jfr=("-XX:StartFlightRecording=filename=$dir/app.jfr,settings=profile,dumponexit=true")
    fi
    # Readiness (not liveness) is up only once the start-up runners (identity, catalog, on-call seeding) are done:
    # load before that would measure the start-up, not the app.
    (cd "$dir" && exec env PORT=$PORT ADMIN_PASSWORD="$ADMIN_PASSWORD" INGEST_RATE_LIMIT_PER_MINUTE=0 \
        MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED=true METRICS_GAUGE_REFRESH=PT1S \
        DATABASE_URL="jdbc:h2:file:$dir/data/incidentflow$H2_OPTIONS" "$@" \
        java -Xmx$HEAP "${jfr[@]}" -jar "$JAR" >"$dir/app.log" 2>&1) &
    APP_PID=$!
    for _ in $(seq 1 600); do
        if curl -fsS -o /dev/null "$BASE/actuator/health/readiness" 2>/dev/null; then
            log "app ready (pid $APP_PID, log $dir/app.log)"
            return 0
        fi
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            tail -40 "$dir/app.log" >&2
            echo "the app did not start" >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "the app did not start within 300 s" >&2
    exit 1
}

admin() { # method path [json]
    curl -fsS -u "admin:$ADMIN_PASSWORD" -X "$1" -H 'Content-Type: application/json' ${3:+-d "$3"} "$BASE$2"
}

# wrk_run <connections> <seconds> <script>: prints the BENCH json of report.lua
wrk_run() {
    wrk -t "$(( $1 < 2 ? 1 : 2 ))" -c "$1" -d "${2}s" --timeout 30s --latency -s "$BENCH_DIR/$3" "$BASE" | tee -a "$WORK/wrk.log" \
        | sed -n 's/^BENCH //p'
}

h2_query() { # database-file-prefix sql
    local h2
    h2=$(tr ':' '\n' <"$WORK/classpath.txt" | grep '/h2-[0-9.]*\.jar$' | head -1)
    java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$1" -user sa -password '' -sql "$2" | sed -n 2p | tr -d ' '
}

# --- B1 alert storm --------------------------------------------------------------------------------
if want storm; then
    log "B1: alert storm, cold start"
    start_app storm
    KEY=$(admin POST /api/integrations '{"name":"bench storm","serviceId":"email"}' | sed -n 's/.*"key":"\([^"]*\)".*/\1/p')
    export ROUTING_KEY=$KEY KEYS=$STORM_KEYS
    mark=$(cpu_mark)
    B1_COLD=$(wrk_run $STORM_CONNECTIONS $COLD pagerduty.lua)
    B1_COLD_LOAD="$(machine_load), steal $(steal_since "$mark")"
    log "B1 cold: $B1_COLD"
    log "B1: warm-up ${WARMUP}s, then ${MEASURE}s measured"
    wrk_run $STORM_CONNECTIONS $WARMUP pagerduty.lua >/dev/null
    mark=$(cpu_mark)
    B1_WARM=$(wrk_run $STORM_CONNECTIONS $MEASURE pagerduty.lua)
    B1_WARM_LOAD="$(machine_load), steal $(steal_since "$mark")"
    log "B1 warm: $B1_WARM"
    # Triggers are answered before their incident is opened: how long the opener still needs once the load stops.
    B1_DRAINED=n/a
    for second in $(seq 0 300); do
        waiting=$(curl -fsS "$BASE/actuator/prometheus" | sed -n 's/^incidentflow_ingest_alerts_waiting \([0-9.]*\).*/\1/p')
        if [ "${waiting%.*}" = 0 ]; then B1_DRAINED=$second; break; fi
        sleep 1
    done
    log "B1: every alert had its incident ${B1_DRAINED} s after the load stopped"
    # The warm phase still shares the CPU with the opener (500 process starts); a storm that goes on past its
    # first minutes is repeats of alerts that have their incidents.
    mark=$(cpu_mark)
    B1_STEADY=$(wrk_run $STORM_CONNECTIONS $MEASURE pagerduty.lua)
    B1_STEADY_LOAD="$(machine_load), steal $(steal_since "$mark")"
    log "B1 steady: $B1_STEADY"
    mark=$(cpu_mark)
    B1_PROBE=$(wrk_run $STORM_CONNECTIONS $PROBE probe.lua)
    B1_PROBE_LOAD="$(machine_load), steal $(steal_since "$mark")"
    log "B1 ceiling, liveness probe: $B1_PROBE"
    stop_app
    B1_DB=$WORK/storm/data/incidentflow
    B1_EVENTS=$(h2_query "$B1_DB" "select count(*) from ingest_event")
    B1_KEYS=$(h2_query "$B1_DB" "select count(distinct dedup_key) from ingest_event")
    B1_INCIDENTS=$(h2_query "$B1_DB" "select count(*) from incident")
    B1_OPENED=$(h2_query "$B1_DB" "select count(*) from ingest_event where outcome = 'OPENED'")
    B1_WAITING=$(h2_query "$B1_DB" "select count(*) from open_alert where incident_id is null")
    B1_LAG=$(h2_query "$B1_DB" "select concat(percentile_disc(0.5) within group (order by d), '/', percentile_disc(0.99) within group (order by d), '/', max(d)) from (select datediff('MILLISECOND', e.received_at, i.created_at) d from ingest_event e join incident i on i.id = e.incident_id where e.outcome = 'OPENED') t")
    B1_DUPLICATE_SHARE=$(awk -v e="$B1_EVENTS" -v o="$B1_OPENED" 'BEGIN { printf "%.1f", e ? 100 * (e - o) / e : 0 }')
fi

# --- B2 incident start -----------------------------------------------------------------------------
if want start; then
    log "B2: incident start through the API"
    start_app start
    DESK_PASSWORD=bench-Desk-$RANDOM$RANDOM
    admin POST /engine-rest/user/create "{\"profile\":{\"id\":\"bench-desk\",\"firstName\":\"Bench\",\"lastName\":\"Desk\",\"email\":\"bench-desk@example.com\"},\"credentials\":{\"password\":\"$DESK_PASSWORD\"}}" >/dev/null
    admin PUT /engine-rest/group/service-desk/members/bench-desk >/dev/null
    export AUTH=$(printf 'bench-desk:%s' "$DESK_PASSWORD" | base64 -w0)
    wrk_run $START_CONNECTIONS $B2_WARMUP incidents.lua >/dev/null
    mark=$(cpu_mark)
    B2_APP=$(wrk_run $START_CONNECTIONS $B2_MEASURE incidents.lua)
    B2_APP_LOAD="$(machine_load), steal $(steal_since "$mark")"
    log "B2 app: $B2_APP"
    stop_app

    log "B2: bare engine baseline"
    mkdir -p "$WORK/bare"
    mark=$(cpu_mark)
    B2_BARE=$(java -Xmx$HEAP -cp "$ROOT/target/test-classes:$ROOT/target/classes:$(cat "$WORK/classpath.txt")" \
        io.incidentflow.bench.BareEngineBenchmark "jdbc:h2:file:$WORK/bare/engine$H2_OPTIONS" $START_CONNECTIONS $B2_WARMUP $B2_MEASURE "$ROOT/processes" \
        2>"$WORK/bare/engine.log" | sed -n 's/^BENCH //p')
    B2_BARE_LOAD="$(machine_load), steal over warm-up and measurement $(steal_since "$mark")"
    log "B2 bare engine: $B2_BARE"
fi

# --- the other sections ----------------------------------------------------------------------------
SECTIONS=()
for part in timers disk postgres; do
    if want $part && [ -x "$BENCH_DIR/$part.sh" ]; then
        log "bench/$part.sh"
        if "$BENCH_DIR/$part.sh" "$JAR" "$WORK/$part.md"; then
            SECTIONS+=("$WORK/$part.md")
        else
            echo "bench/$part.sh failed (exit $?); its section is missing" >&2
            printf '\n## %s\n\nbench/%s.sh failed in this run; see the harness output.\n' "$part" "$part" >"$WORK/$part.md"
            SECTIONS+=("$WORK/$part.md")
        fi
    fi
done

# --- report ----------------------------------------------------------------------------------------
header() {
    echo "# Benchmarks"
    echo
    echo "Written by \`bench/run.sh$($QUICK && echo ' --quick')\`${BENCH_ONLY:+ (parts: $BENCH_ONLY)} (issue 12). Throughput counts answered (2xx)"
    echo "requests only; latencies are wrk's, over loopback. Ratios are against the baseline measured, or the target stated, in the same run."
    echo "What was found and changed, and what is still missing: [performance.md](performance.md)."
    if $QUICK; then
        echo
        echo "**Quick run**: short phases, for checking the harness only; the figures are not comparable to a full run."
    fi
    echo
    echo "| | |"
    echo "|---|---|"
    echo "| date | $(date -u +%Y-%m-%dT%H:%MZ) |"
    echo "| commit | $COMMIT |"
    echo "| machine | $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1) |"
    echo "| load average before the run (1, 5, 15 min) | $LOAD_BEFORE |"
    echo "| CPU taken by the host (steal) over the whole run | $(steal_since "$RUN_MARK") |"
    echo "| JVM | $(java -version 2>&1 | sed -n 2p), \`-Xmx$HEAP\`, default collector |"
    echo "| app | packaged jar (\`java -jar\`), default configuration, H2 file database (\`$H2_OPTIONS\`) in a fresh temp dir per figure, \`INGEST_RATE_LIMIT_PER_MINUTE=0\`; load starts once the app reports readiness |"
    echo "| load | wrk $(wrk -v 2>&1 | head -1 | awk '{print $2}'), 2 threads, keep-alive connections, 30 s request timeout |"
}

storm_section() {
    echo
    echo "## B1 alert storm (PagerDuty Events API v2)"
    echo
    echo "$STORM_CONNECTIONS connections, triggers for $STORM_KEYS dedup keys at random (severity warning, service \`email\`)."
    echo
    storm_table_header
    local r label load
    for phase in cold warm steady probe; do
        case $phase in
            cold) r=$B1_COLD; label="first ${COLD} s after start"; load=$B1_COLD_LOAD ;;
            warm) r=$B1_WARM; label="${MEASURE} s after ${WARMUP} s warm-up, incidents still being opened"; load=$B1_WARM_LOAD ;;
            steady) r=$B1_STEADY; label="${MEASURE} s once every alert had its incident (repeats only)"; load=$B1_STEADY_LOAD ;;
            probe) r=$B1_PROBE; load=$B1_PROBE_LOAD
                label="ceiling: \`GET /actuator/health/liveness\` (no table touched), ${PROBE} s right after" ;;
        esac
        storm_table_row "$label" "$r" "$load"
    done
    echo
    echo "The ceiling is the same app's liveness probe under the same $STORM_CONNECTIONS connections: Tomcat, the security filters and the"
    echo "request metrics, no database. Events/s ÷ ceiling: **$(ratio "$(field "$B1_STEADY" perSecond)" "$(field "$B1_PROBE" perSecond)")** (steady)."
    echo
    echo "Stored afterwards: $B1_EVENTS events over $B1_KEYS keys ($B1_DUPLICATE_SHARE % duplicates), **$B1_INCIDENTS incidents**"
    echo "($( [ "$B1_INCIDENTS" = "$B1_KEYS" ] && echo 'exactly one per dedup key' || echo 'NOT one per dedup key' )), $B1_WAITING alerts still waiting for their incident."
    echo
    echo "Triggers are answered once stored; the incident is opened right after by the opener thread. From a key's"
    echo "first trigger answered to its incident created, p50/p99/max: **$B1_LAG ms**; once the load stopped, every"
    echo "alert had its incident after $B1_DRAINED s."
}

start_section() {
    local app_rate bare_rate
    app_rate=$(field "$B2_APP" perSecond)
    bare_rate=$(field "$B2_BARE" startsPerSecond)
    echo
    echo "## B2 incident start"
    echo
    echo "| | starts/s | p50 ms | p99 ms | load avg after, host steal |"
    echo "|---|---|---|---|---|"
    echo "| app: \`POST /api/incidents\`, $START_CONNECTIONS connections, HTTP Basic | $app_rate | $(field "$B2_APP" p50Ms) | $(field "$B2_APP" p99Ms) | $B2_APP_LOAD |"
    echo "| bare engine: \`RuntimeService\` from $START_CONNECTIONS threads | $bare_rate | $(field "$B2_BARE" p50Ms) | $(field "$B2_BARE" p99Ms) | $B2_BARE_LOAD |"
    echo "| **app ÷ bare engine** (target ≥ 0.8) | **$(ratio "$app_rate" "$bare_rate")** | | | |"
    echo
    echo "Both after ${B2_WARMUP} s of warm-up, measured for ${B2_MEASURE} s. The bare engine is Camunda $(tr ':' '\n' <"$WORK/classpath.txt" | sed -n 's|.*/camunda-engine-\([0-9.]*\)\.jar$|\1|p' | head -1) alone"
    echo "(\`BareEngineBenchmark\`): same \`incident.bpmn\` and DMNs, no-op beans for every delegate, the variables those"
    echo "delegates set given at start, full history (every variable update logged), job executor on, ids from the database"
    echo "in blocks of 10,000 as the app's, H2 file database with the app's options and its commits written to the file"
    echo "after each start (the app writes them before it answers), same JVM settings."
}

{
    header
    if want storm; then storm_section; fi
    if want start; then start_section; fi
    for section in ${SECTIONS[@]+"${SECTIONS[@]}"}; do
        cat "$section"
    done
} >"$OUT"
log "wrote $OUT (work files in $WORK)"
