#!/usr/bin/env bash
# register.sh — REGISTER (digest auth) max rate: jpbx against Kamailio as an
# authenticating registrar, in the same run.
#
# In one sitting, on loopback only:
#   1. generates a jpbx config under bench/work/: pjsip.conf (UDP on
#      127.0.0.1:5062, no overload shedding) and, with the kit's
#      tools/gen-users.sh, a pjsip_wizard.conf with USERS users u10000.. and
#      password "secret" (template: accepts_registrations, accepts_auth,
#      aor/max_contacts=1, aor/remove_existing=yes, inbound_auth/username and
#      inbound_auth/password); the kit's users.csv is the SIPp injection file;
#   2. starts jpbx (./jpbx run) on a fresh copy of that config (so with an
#      empty contacts.db) and waits until one REGISTER with digest gets its 200;
#   3. runs the kit's ../shared/bench/run.sh 127.0.0.1:5062 reg-auth;
#   4. stops jpbx, starts Kamailio with the kit (../shared/bench/kamailio/start.sh:
#      registrar on 5070, digest auth with one password for every user, usrloc
#      in memory) and runs the same search against 127.0.0.1:5070;
#   5. prints both result lines and the ratio jpbx/Kamailio (target >= 1.0).
# With REPEAT=N, steps 2-4 alternate N times; jpbx is restarted before each of
# its searches (the kit's rule) and Kamailio before each of its searches too.
# Everything it started is stopped on exit (by PID, trap).  It writes only
# under bench/work/ (ignored by git), apart from ./jpbx building
# target/jpbx.jar when that is missing, and stdout.  Installs sip-tester and
# kamailio with apt-get when they are missing (needs root).
#
# Time bound: each search is killed after SEARCH_TIMEOUT s (default 300), a
# server start (jpbx including a first build) is given START_TIMEOUT s
# (default 150), and a search is not begun once TOTAL_BUDGET s (default 780)
# have passed.  With the defaults (REPEAT=1) a run takes 5-8 minutes and never
# more than 15 (2 x 150 + 2 x 300 s plus a few seconds of start/stop).  With
# REPEAT=N it is bounded by TOTAL_BUDGET + SEARCH_TIMEOUT + 2 x START_TIMEOUT
# (about 25 minutes).
#
# Environment (all optional):
#   REPEAT          searches per server, alternating jpbx / Kamailio (default 1)
#   RATE_START      first rate of every search (default 800)
#   RATE_MAX        cap of the search (default 40000)
#   SETTLE_SECS     pause between steps (default 5, as in BASELINE.md)
#   USERS           users configured in jpbx and used by SIPp (default 10000)
#   JPBX_PORT       default 5062; KAM_SIP_PORT default 5070 (KAM_CEIL_PORT 5071
#                   is opened by the kit's Kamailio too, and must be free)
#   PROFILE=1       record a JFR profile of jpbx during its first search
#                   (bench/work/register-*/jpbx-1/jpbx.jfr)
#   JPBX_JAVA_OPTS  extra JVM options passed by ./jpbx
#   JPBX_SERVER_JVM_OPTS  replaces the launcher's server JVM options
#                   (default -XX:+UseSerialGC -Xms64m -Xmx1g ...)
#   BENCH_KIT       the kit (default ../shared/bench relative to the repo)
#   KEEP=1          keep the SIPp files of every step (run.sh's KEEP)
#   WARMUP_CALLS    registrations sent to each server, right after its start and
#                   before its search (default 2 x USERS; 0 = none), at
#   WARMUP_RATE     per second (default 600).  A JVM compiles its hot code during
#                   the first seconds of traffic (about 5 s of C2 compiler CPU on this
#                   machine kind), and the kit's search never returns above a
#                   failed step, so a cold first step can decide the result.  Both
#                   servers get the same warm-up, which also means the search
#                   measures refreshes of existing bindings, as a running PBX sees.
#                   Its result is printed, not judged.
# Other run.sh knobs (STEP_SECS, MAX_STEPS, ...) pass through unchanged.
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KIT=${BENCH_KIT:-$(cd "$ROOT/../shared/bench" 2>/dev/null && pwd)}
REPEAT=${REPEAT:-1}
USERS=${USERS:-10000}
JPBX_PORT=${JPBX_PORT:-5062}
KAM_SIP_PORT=${KAM_SIP_PORT:-5070}
KAM_CEIL_PORT=${KAM_CEIL_PORT:-5071}
SEARCH_TIMEOUT=${SEARCH_TIMEOUT:-300}
START_TIMEOUT=${START_TIMEOUT:-150}
TOTAL_BUDGET=${TOTAL_BUDGET:-780}
export RATE_START=${RATE_START:-800}
export RATE_MAX=${RATE_MAX:-40000}
export SETTLE_SECS=${SETTLE_SECS:-5}
PROBE_PORT=5081   # the searches use 5080 (run.sh's LOCAL_PORT)
WARMUP_CALLS=${WARMUP_CALLS:-$((USERS * 2))}
WARMUP_RATE=${WARMUP_RATE:-600}
T0=$(date +%s)

WORK="$ROOT/bench/work/register-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK"
log() { echo "[register.sh $(date +%H:%M:%S)] $*" >&2; }
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

# --- configuration ----------------------------------------------------------
# users.csv (SIPp) and pjsip_wizard.conf (jpbx) from the kit's generator
"$KIT/tools/gen-users.sh" "$WORK/users" "$USERS" 10000 secret 2>/dev/null || die "gen-users.sh failed"
export USERS_CSV="$WORK/users/users.csv"
mkdir -p "$WORK/etc"
cp "$WORK/users/pjsip_wizard.conf" "$WORK/etc/pjsip_wizard.conf"
# u9999 (not in users.csv) is the readiness probe's user, so the probe's binding
# never collides with the searched users (Kamailio's max_contacts=1 rejects a
# second contact instead of replacing it)
printf '\n[u9999](bench-user)\ninbound_auth/username=u9999\n' >>"$WORK/etc/pjsip_wizard.conf"
cat >"$WORK/etc/pjsip.conf" <<EOF
; generated by bench/register.sh: registrar benchmark, $USERS wizard users in pjsip_wizard.conf
; (the benchmark kit's tools/gen-users.sh: accepts_registrations, accepts_auth,
; aor/max_contacts=1, aor/remove_existing=yes, inbound_auth/username+password).
; Nothing throttles load: no ACL, no overload shedding.
[global]
type=global
taskprocessor_overload_trigger=none
user_agent=bench-jpbx

[system]
type=system

[transport-udp]
type=transport
protocol=udp
bind=127.0.0.1:$JPBX_PORT
EOF
# one user for the readiness probe
{ echo SEQUENTIAL; echo "u9999;[authentication username=u9999 password=secret]"; } >"$WORK/probe-user.csv"

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

# one registration with the kit's scenario (u9999); success = 200 within 3 s
probe() { # port dir
	mkdir -p "$2"
	( cd "$2" && timeout 10 sipp "127.0.0.1:$1" -sf "$KIT/scenarios/reg-auth.xml" -inf "$WORK/probe-user.csv" \
		-i 127.0.0.1 -p "$PROBE_PORT" -t u1 -m 1 -nostdin -timeout 3s -timeout_error \
		-trace_err -error_file err.log >screen.txt 2>&1 )
}

JPBX_RUNS=0
start_jpbx() {
	JPBX_RUNS=$((JPBX_RUNS + 1))
	local dir="$WORK/jpbx-$JPBX_RUNS" opts="${JPBX_JAVA_OPTS:-}" deadline
	mkdir -p "$dir"
	cp -r "$WORK/etc" "$dir/etc"   # fresh copy: the server keeps contacts.db under etc/.jpbx/data
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
			log "jpbx did not answer REGISTER on 127.0.0.1:$JPBX_PORT within ${START_TIMEOUT}s"
			tail -n 5 "$dir/probe/err.log" "$dir/jpbx.log" >&2 2>/dev/null
			return 1
		fi
		sleep 1
	done
	log "jpbx registers u9999 on 127.0.0.1:$JPBX_PORT (pid $JPBX_PID, $dir)"
}

KAM_RUNS=0
start_kamailio() {
	KAM_RUNS=$((KAM_RUNS + 1))
	local dir="$WORK/kamailio-$KAM_RUNS" i
	mkdir -p "$dir"
	RUNDIR="$dir" SIP_PORT="$KAM_SIP_PORT" CEIL_PORT="$KAM_CEIL_PORT" AUTH_PASSWORD=secret \
		"$KIT/kamailio/start.sh" >"$dir/kamailio.log" 2>&1 &
	KAM_PID=$!
	for i in $(seq 1 20); do
		probe "$KAM_SIP_PORT" "$dir/probe" && { log "kamailio registers u9999 on 127.0.0.1:$KAM_SIP_PORT (pid $KAM_PID)"; return 0; }
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
		LINE="reg-auth $target max_rate=NA (skipped: time budget)"; return
	fi
	log "rate search on $target ($label); steps on stderr"
	( KEEP="${KEEP:-0}" WORKDIR="$WORK/steps-$label" exec timeout "$SEARCH_TIMEOUT" "$KIT/run.sh" "$target" reg-auth ) \
		>"$out" 2> >(tee "$WORK/search-$label.log" >&2) &
	SEARCH_PID=$!
	wait "$SEARCH_PID"
	SEARCH_PID=""
	LINE=$(grep '^reg-auth ' "$out" | tail -n 1)
	[ -n "$LINE" ] || LINE="reg-auth $target max_rate=NA (search did not finish within ${SEARCH_TIMEOUT}s)"
	log "$label: $LINE"
}

# warmup TARGET LABEL: WARMUP_CALLS registrations of the kit's scenario at WARMUP_RATE/s
warmup() {
	local target=$1 label=$2 dir="$WORK/warmup-$2" limit
	[ "$WARMUP_CALLS" -gt 0 ] || return 0
	mkdir -p "$dir"
	limit=$(( WARMUP_CALLS / WARMUP_RATE * 2 + 30 ))
	log "warm-up of $label: $WARMUP_CALLS registrations at $WARMUP_RATE/s (at most ${limit}s)"
	( cd "$dir" && timeout "$limit" sipp "$target" -sf "$KIT/scenarios/reg-auth.xml" -inf "$USERS_CSV" \
		-i 127.0.0.1 -p 5080 -r "$WARMUP_RATE" -m "$WARMUP_CALLS" -nostdin -timeout "${limit}s" \
		-trace_stat -stf stat.csv -fd 1000 >screen.txt 2>&1 )
	log "warm-up of $label done: $(tail -n 1 "$dir/stat.csv" 2>/dev/null | awk -F';' '{print "successful=" $16 " failed=" $18 " retransmissions=" $58}')"
}

rate_of() { sed -n 's/.*max_rate=\([0-9][0-9]*\)\/s.*/\1/p' <<<"$1"; }

log "work dir $WORK; load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
log "kit $KIT; USERS=$USERS RATE_START=$RATE_START RATE_MAX=$RATE_MAX SETTLE_SECS=$SETTLE_SECS REPEAT=$REPEAT"

JPBX_LINES=()
KAM_LINES=()
for r in $(seq 1 "$REPEAT"); do
	start_jpbx || exit 2
	warmup "127.0.0.1:$JPBX_PORT" "jpbx-$r"
	search "127.0.0.1:$JPBX_PORT" "jpbx-$r"; JPBX_LINES+=("$LINE")
	[ -n "$JPBX_PID" ] && log "jpbx memory after the search: $("$KIT/tools/rss.sh" "$JPBX_PID" 2>/dev/null)"
	stop_pid "$JPBX_PID" jpbx; JPBX_PID=""
	start_kamailio || exit 2
	warmup "127.0.0.1:$KAM_SIP_PORT" "kamailio-$r"
	search "127.0.0.1:$KAM_SIP_PORT" "kamailio-$r"; KAM_LINES+=("$LINE")
	stop_pid "$KAM_PID" kamailio; KAM_PID=""
done

echo "== REGISTER (digest) max rate, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, kit run.sh reg-auth, $USERS users, RATE_START=$RATE_START, warm-up $WARMUP_CALLS at $WARMUP_RATE/s"
best_j=0; best_k=0
for i in "${!JPBX_LINES[@]}"; do
	echo "jpbx     ${JPBX_LINES[$i]}   (durable bindings, SQLite)"
	echo "kamailio ${KAM_LINES[$i]}   (usrloc in memory)"
	j=$(rate_of "${JPBX_LINES[$i]}"); k=$(rate_of "${KAM_LINES[$i]}")
	[ -n "$j" ] && [ "$j" -gt "$best_j" ] && best_j=$j
	[ -n "$k" ] && [ "$k" -gt "$best_k" ] && best_k=$k
done
if [ "$best_k" -gt 0 ]; then
	awk -v j="$best_j" -v k="$best_k" 'BEGIN {
		r = j / k
		printf "ratio jpbx/kamailio = %d/%d = %.2f (target >= 1.00: %s)\n", j, k, r, (r >= 1.0 ? "met" : "MISSED") }'
else
	echo "ratio jpbx/kamailio = n/a (no Kamailio result)"
fi
echo "logs: $WORK"
