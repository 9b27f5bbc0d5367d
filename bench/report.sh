# Sourced by bench/run.sh and bench/postgres.sh: the figures of a wrk run (report.lua's BENCH line) and the rows of
# the alert storm's table, which both reports show with the same columns.

field() { # json name
    sed -n "s/.*\"$2\":\([^,}]*\).*/\1/p" <<<"$1" | tr -d '"'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0 || b == "n/a") print "n/a"; else printf "%.2f", a / b }'; }

storm_table_header() {
    echo "| phase | events/s | p50 ms | p99 ms | max ms | failed | events/s ÷ 2,000 (target ≥ 1) | 50 ms ÷ p99 (target ≥ 1) | load avg after, host steal |"
    echo "|---|---|---|---|---|---|---|---|---|"
}

storm_table_row() { # label json load
    local rate p99
    rate=$(field "$2" perSecond); p99=$(field "$2" p99Ms)
    echo "| $1 | $rate | $(field "$2" p50Ms) | $p99 | $(field "$2" maxMs) | $(field "$2" failed) | $(ratio "$rate" 2000) | $(ratio 50 "$p99") | $3 |"
}
