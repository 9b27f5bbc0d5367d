-- B1's ceiling: the app's liveness probe, a request that touches no table, through the same Tomcat, filters and
-- metrics as a monitoring event. A storm cannot answer faster than this on the same machine.
wrk.path = "/actuator/health/liveness"

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
