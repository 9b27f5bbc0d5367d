# Sourced by the bench scripts: what the machine was doing while a figure was measured.
# On a shared virtual machine the host may run other guests on our cores; that time is "steal" in /proc/stat, and a
# figure measured with much of it is low for reasons outside the app. Every figure is reported with the steal and
# the load average of its phase.

# The CPU counters now: "steal total" (jiffies), for steal_since.
cpu_mark() { awk '/^cpu / { print $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }

# Share of the machine's CPU time taken by the host since the mark given ("steal total"), e.g. "12 %".
steal_since() {
    cpu_mark | awk -v mark="$1" 'BEGIN { split(mark, m, " ") } { d = $2 - m[2]; printf "%.0f %%", (d > 0 ? 100 * ($1 - m[1]) / d : 0) }'
}

# Load average (1, 5, 15 min).
machine_load() { cut -d' ' -f1-3 /proc/loadavg; }
