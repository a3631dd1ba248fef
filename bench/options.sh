#!/usr/bin/env bash
# options.sh — OPTIONS max rate: jpbx against Kamailio answering statelessly.
#
# In one sitting, on loopback only:
#   1. starts jpbx (./jpbx run) with a copy of bench/etc (UDP+TCP on
#      127.0.0.1:5062) and waits until it answers one OPTIONS;
#   2. starts Kamailio with the benchmark kit (../shared/bench/kamailio/start.sh);
#      its socket 5071 answers every request with sl_send_reply (stateless);
#   3. runs the kit's rate search (../shared/bench/run.sh TARGET options)
#      against jpbx 127.0.0.1:5062, then against Kamailio 127.0.0.1:5071,
#      restarting jpbx before each of its searches (the kit's rule);
#   4. prints both result lines and the ratio jpbx/Kamailio (target >= 0.9).
# Everything it started is stopped on exit (by PID).  It writes only under
# bench/work/ (ignored by git), apart from ./jpbx building target/jpbx.jar when
# that is missing, and stdout.  Installs sip-tester and kamailio with apt-get
# when they are missing (needs root).
#
# Time bound: each search is killed after SEARCH_TIMEOUT s (default 330), the
# jpbx start (including a first build) is given START_TIMEOUT s (default 150),
# and a search is not begun once TOTAL_BUDGET s (default 840) have passed.
# With the defaults (REPEAT=1) a run takes about 5 minutes and never more than
# 15 (150 + 2 x 330 s plus a few seconds of start/stop).  With REPEAT=N it is
# bounded by TOTAL_BUDGET + SEARCH_TIMEOUT + START_TIMEOUT (about 22 minutes).
#
# Environment (all optional):
#   REPEAT          searches per server, alternating jpbx / Kamailio (default 1)
#   RATE_START      first rate of every search (default 1600, as the kit
#                   advises for fast servers)
#   RATE_MAX        cap of the search (default 160000, as the kit's ceiling runs)
#   SETTLE_SECS     pause between steps (default 5, as in BASELINE.md)
#   JPBX_PORT       default 5062 (must match bench/etc/pjsip.conf)
#   KAM_CEIL_PORT   default 5071; KAM_SIP_PORT default 5070
#   PROFILE=1       record a JFR profile of jpbx during its first search
#                   (bench/work/.../jpbx.jfr)
#   JPBX_JAVA_OPTS  passed to the JVM by ./jpbx
#   BENCH_KIT       the kit (default ../shared/bench relative to the repo)
#   KEEP=1          keep the SIPp files of every step (run.sh's KEEP)
# Other run.sh knobs (STEP_SECS, MAX_STEPS, ...) pass through unchanged.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT=${BENCH_KIT:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd)}
REPEAT=${REPEAT:-1}
JPBX_PORT=${JPBX_PORT:-5062}
KAM_SIP_PORT=${KAM_SIP_PORT:-5070}
KAM_CEIL_PORT=${KAM_CEIL_PORT:-5071}
SEARCH_TIMEOUT=${SEARCH_TIMEOUT:-330}
START_TIMEOUT=${START_TIMEOUT:-150}
TOTAL_BUDGET=${TOTAL_BUDGET:-840}
export RATE_START=${RATE_START:-1600}
export RATE_MAX=${RATE_MAX:-160000}
export SETTLE_SECS=${SETTLE_SECS:-5}
PROBE_PORT=5081   # the searches use 5080 (run.sh's LOCAL_PORT)
T0=$(date +%s)

WORK="$ROOT/bench/work/options-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"
log() { echo "[options.sh $(date +%H:%M:%S)] $*" >&2; }
die() { log "$*"; exit 2; }

[ -n "$KIT" ] && [ -x "$KIT/run.sh" ] || die "benchmark kit not found (expected ../shared/bench next to the repo, or BENCH_KIT)"

ulimit -n 20000 2>/dev/null || log "warning: could not raise the open files limit to 20000 (now $(ulimit -n))"

# --- tools ------------------------------------------------------------------
need_pkgs=()
command -v sipp >/dev/null 2>&1 || need_pkgs+=(sip-tester)
command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || need_pkgs+=(kamailio)
if [ "${#need_pkgs[@]}" -gt 0 ]; then
	log "installing ${need_pkgs[*]} with apt-get"
	{ apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_pkgs[@]}"; } >"$WORK/apt.log" 2>&1 \
		|| die "apt-get install ${need_pkgs[*]} failed; see $WORK/apt.log"
fi
KAMAILIO=${KAMAILIO:-$(command -v kamailio || echo /usr/sbin/kamailio)}
export KAMAILIO

# --- ports must be free -----------------------------------------------------
busy() { ss -Hlnup "sport = :$1" 2>/dev/null | grep -q . || ss -Hlntp "sport = :$1" 2>/dev/null | grep -q .; }
for p in "$JPBX_PORT" "$KAM_SIP_PORT" "$KAM_CEIL_PORT" 5080 "$PROBE_PORT"; do
	busy "$p" && die "port $p on loopback is in use; stop whatever listens there first"
done

# --- process handling -------------------------------------------------------
JPBX_PID=""
KAM_PID=""
SEARCH_PID=""
stop_pid() { # pid name
	local pid=$1 i
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
	kill "$pid" 2>/dev/null
	for i in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
	if kill -0 "$pid" 2>/dev/null; then log "$2 ($pid) did not stop; killing it"; kill -9 "$pid" 2>/dev/null; fi
	wait "$pid" 2>/dev/null
	return 0
}
cleanup() {
	stop_pid "$SEARCH_PID" run.sh
	stop_pid "$JPBX_PID" jpbx
	stop_pid "$KAM_PID" kamailio
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# one OPTIONS with the kit's scenario; success = 200 within 3 s
probe() { # port dir
	mkdir -p "$2"
	( cd "$2" && timeout 10 sipp "127.0.0.1:$1" -sf "$KIT/scenarios/options.xml" -s uac \
		-i 127.0.0.1 -p "$PROBE_PORT" -t u1 -m 1 -nostdin -timeout 3s -timeout_error \
		-trace_err -error_file err.log >screen.txt 2>&1 )
}

JPBX_RUNS=0
start_jpbx() {
	JPBX_RUNS=$((JPBX_RUNS + 1))
	local dir="$WORK/jpbx-$JPBX_RUNS" opts="${JPBX_JAVA_OPTS:-}" deadline
	mkdir -p "$dir"
	cp -r "$ROOT/bench/etc" "$dir/etc"   # the server may write run/, data/, log/ beside its config
	# the control socket goes under java.io.tmpdir; keep it inside the work dir
	# unless that path would exceed the 108-byte limit of a Unix socket path
	if [ $(( ${#dir} + 32 )) -lt 100 ]; then
		mkdir -p "$dir/tmp"; opts="$opts -Djava.io.tmpdir=$dir/tmp"
	fi
	if [ "${PROFILE:-0}" = 1 ] && [ "$JPBX_RUNS" = 1 ]; then
		opts="$opts -XX:StartFlightRecording=filename=$dir/jpbx.jfr,settings=profile,dumponexit=true"
	fi
	( cd "$dir" && JPBX_JAVA_OPTS="$opts" exec "$ROOT/jpbx" run --config-dir "$dir/etc" >"$dir/jpbx.log" 2>&1 ) &
	JPBX_PID=$!
	deadline=$(( $(date +%s) + START_TIMEOUT ))
	until probe "$JPBX_PORT" "$dir/probe"; do
		if ! kill -0 "$JPBX_PID" 2>/dev/null; then
			log "jpbx exited during start; last lines of $dir/jpbx.log:"; tail -n 20 "$dir/jpbx.log" >&2
			JPBX_PID=""; return 1
		fi
		if [ "$(date +%s)" -ge "$deadline" ]; then
			log "jpbx did not answer OPTIONS on 127.0.0.1:$JPBX_PORT within ${START_TIMEOUT}s"
			tail -n 5 "$dir/probe/err.log" "$dir/jpbx.log" >&2 2>/dev/null
			return 1
		fi
		sleep 1
	done
	log "jpbx answers OPTIONS on 127.0.0.1:$JPBX_PORT (pid $JPBX_PID, $dir)"
}

start_kamailio() {
	local dir="$WORK/kamailio" i
	mkdir -p "$dir"
	RUNDIR="$dir" SIP_PORT="$KAM_SIP_PORT" CEIL_PORT="$KAM_CEIL_PORT" "$KIT/kamailio/start.sh" >"$dir/kamailio.log" 2>&1 &
	KAM_PID=$!
	for i in $(seq 1 20); do
		probe "$KAM_CEIL_PORT" "$dir/probe" && { log "kamailio answers on 127.0.0.1:$KAM_CEIL_PORT (pid $KAM_PID)"; return 0; }
		kill -0 "$KAM_PID" 2>/dev/null || break
		sleep 0.5
	done
	log "kamailio did not start; last lines of $dir/kamailio.log:"; tail -n 20 "$dir/kamailio.log" >&2
	return 1
}

# search TARGET LABEL -> sets LINE to run.sh's result line (or says why there is none)
LINE=""
search() {
	local target=$1 label=$2 out="$WORK/search-$2.txt"
	if [ $(( $(date +%s) - T0 )) -ge "$TOTAL_BUDGET" ]; then
		log "time budget of ${TOTAL_BUDGET}s used up; skipping the $label search"
		LINE="options $target max_rate=NA (skipped: time budget)"; return
	fi
	log "rate search on $target ($label); steps on stderr"
	( KEEP="${KEEP:-0}" WORKDIR="$WORK/steps-$label" exec timeout "$SEARCH_TIMEOUT" "$KIT/run.sh" "$target" options ) \
		>"$out" 2> >(tee "$WORK/search-$label.log" >&2) &
	SEARCH_PID=$!
	wait "$SEARCH_PID"
	SEARCH_PID=""
	LINE=$(grep '^options ' "$out" | tail -n 1)
	[ -n "$LINE" ] || LINE="options $target max_rate=NA (search did not finish within ${SEARCH_TIMEOUT}s)"
	log "$label: $LINE"
}

rate_of() { sed -n 's/.*max_rate=\([0-9][0-9]*\)\/s.*/\1/p' <<<"$1"; }

log "work dir $WORK; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
log "kit $KIT; RATE_START=$RATE_START RATE_MAX=$RATE_MAX SETTLE_SECS=$SETTLE_SECS REPEAT=$REPEAT"

start_kamailio || exit 2
JPBX_LINES=()
KAM_LINES=()
for r in $(seq 1 "$REPEAT"); do
	stop_pid "$JPBX_PID" jpbx; JPBX_PID=""
	start_jpbx || exit 2
	search "127.0.0.1:$JPBX_PORT" "jpbx-$r"; JPBX_LINES+=("$LINE")
	[ -n "$JPBX_PID" ] && log "jpbx memory after the search: $("$KIT/tools/rss.sh" "$JPBX_PID" 2>/dev/null)"
	stop_pid "$JPBX_PID" jpbx; JPBX_PID=""
	search "127.0.0.1:$KAM_CEIL_PORT" "kamailio-$r"; KAM_LINES+=("$LINE")
done

echo "== OPTIONS max rate, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, kit run.sh, RATE_START=$RATE_START"
best_j=0; best_k=0
for i in "${!JPBX_LINES[@]}"; do
	echo "jpbx     ${JPBX_LINES[$i]}"
	echo "kamailio ${KAM_LINES[$i]}   (stateless sl_send_reply)"
	j=$(rate_of "${JPBX_LINES[$i]}"); k=$(rate_of "${KAM_LINES[$i]}")
	[ -n "$j" ] && [ "$j" -gt "$best_j" ] && best_j=$j
	[ -n "$k" ] && [ "$k" -gt "$best_k" ] && best_k=$k
done
if [ "$best_k" -gt 0 ]; then
	awk -v j="$best_j" -v k="$best_k" 'BEGIN {
		r = j / k
		printf "ratio jpbx/kamailio-stateless = %d/%d = %.2f (target >= 0.90: %s)\n", j, k, r, (r >= 0.9 ? "met" : "MISSED") }'
else
	echo "ratio jpbx/kamailio-stateless = n/a (no Kamailio result)"
fi
echo "logs: $WORK"
