#!/usr/bin/env bash
# npm run test:container: builds the Dockerfile for real and checks the image from outside, on a
# machine with no Docker engine and no container registry (as root; .ci/run runs it beside the
# suite's Node 24 pass):
#
#   1. scripts/container/make-base-image.sh makes node:24-slim locally (cached after the first run);
#   2. buildah builds the Dockerfile with --pull=never, as `docker build` would;
#   3. the image's own configuration (user, working directory, environment, CMD, HEALTHCHECK) is
#      read from the image and the CMD started in its root file system the way a container engine
#      does: its own PID and mount namespaces (the server is PID 1, as under `docker run`), as the
#      image's user, with the image's environment and the -e variables and read-only -v scenario
#      mount of the README's `docker run` line, on the host network at 127.0.0.1:<free port>;
#   4. from outside: GET /health, one API call, a party from the mounted folder, the admin API
#      refusing a request without its token and answering with it, the dashboard page; the
#      HEALTHCHECK command run in the container (buildah run); the server runs as non-root; SIGTERM
#      stops it with exit 0 within 5 s. The image size is printed.
#
# KRAVMOCK_CONTAINER_CONTEXT builds another folder (default: this repository); KRAVMOCK_KEEP_IMAGE=1
# keeps localhost/kravmock:test afterwards.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
context=${KRAVMOCK_CONTAINER_CONTEXT:-$root}
readonly image=localhost/kravmock:test
passed=0
work=$(mktemp -d /var/tmp/kravmock-container-test.XXXXXX)
ctr=
server_pid=
node_pid=

say() { printf 'test-container: %s\n' "$*"; }
fail() {
  say "FAIL: $*"
  echo "container: $passed passed, 1 failed"
  exit 1
}
ok() {
  passed=$((passed + 1))
  say "ok: $*"
}
seconds_since() { echo $(($(date +%s) - $1)); }
cleanup() {
  if [ -n "$node_pid" ] && kill -0 "$node_pid" 2>/dev/null; then kill -KILL "$node_pid" 2>/dev/null || true; fi
  if [ -n "$server_pid" ]; then wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$ctr" ]; then buildah rm "$ctr" >/dev/null 2>&1 || true; fi
  if [ "${KRAVMOCK_KEEP_IMAGE:-0}" != 1 ]; then buildah rmi "$image" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[ "$(id -u)" = 0 ] || fail "must run as root (buildah with chroot isolation, namespaces)"
for tool in buildah unshare chroot curl node npm; do
  command -v "$tool" >/dev/null || fail "$tool is missing"
done

# 1. The base image.
started=$(date +%s)
bash "$root/scripts/container/make-base-image.sh"
say "base image ready in $(seconds_since "$started") s"

# 2. The build. The build stages' `npm ci` reaches the npm registry through the host's network; when
# the host's npm trusts an extra CA (a TLS-intercepting proxy), it goes in as the npm_ca secret.
secret=()
ca=$(npm config get cafile 2>/dev/null || true)
[ -n "$ca" ] && [ "$ca" != null ] && [ -r "$ca" ] || ca=${NODE_EXTRA_CA_CERTS:-}
if [ -n "$ca" ] && [ -r "$ca" ]; then secret=(--secret "id=npm_ca,src=$ca"); fi
started=$(date +%s)
if ! buildah bud --isolation chroot --format docker --pull=never --jobs 2 "${secret[@]}" \
  -f "$context/Dockerfile" -t "$image" "$context" >"$work/build.log" 2>&1; then
  tail -n 40 "$work/build.log"
  fail "buildah bud failed (log above)"
fi
ok "built $image from $context/Dockerfile in $(seconds_since "$started") s, size $(buildah images --format '{{.Size}}' "$image")"

# 3. The image's configuration, as a container engine reads it.
buildah inspect --type image "$image" >"$work/image.json"
node - "$work/image.json" "$work" <<'EOF'
const [, , file, dir] = process.argv;
const fs = require('node:fs');
const config = JSON.parse(fs.readFileSync(file, 'utf8')).Docker.config;
const out = (name, list) => fs.writeFileSync(`${dir}/${name}`, list.map((s) => `${s}\0`).join(''));
out('user', [config.User ?? '']);
out('workdir', [config.WorkingDir || '/']);
out('env', config.Env ?? []);
out('cmd', [...(config.Entrypoint ?? []), ...(config.Cmd ?? [])]);
const test = config.Healthcheck?.Test ?? [];
out('health', test[0] === 'CMD' ? test.slice(1) : test[0] === 'CMD-SHELL' ? ['/bin/sh', '-c', test[1]] : []);
out('ports', Object.keys(config.ExposedPorts ?? {}));
out('stopsignal', [config.StopSignal ?? '']);
EOF
mapfile -d '' -t user_ <"$work/user"
mapfile -d '' -t workdir_ <"$work/workdir"
mapfile -d '' -t image_env <"$work/env"
mapfile -d '' -t cmd <"$work/cmd"
mapfile -d '' -t health <"$work/health"
mapfile -d '' -t ports <"$work/ports"
mapfile -d '' -t stopsignal_ <"$work/stopsignal"
user=${user_[0]}
workdir=${workdir_[0]}
[ "${ports[*]}" = 8080/tcp ] || fail "the image exposes '${ports[*]}', expected 8080/tcp"
[ "${stopsignal_[0]}" = SIGTERM ] || fail "the image's stop signal is '${stopsignal_[0]}', expected SIGTERM"
[ "${#health[@]}" -gt 0 ] || fail "the image has no HEALTHCHECK"
[ "${#cmd[@]}" -gt 0 ] || fail "the image has no CMD"
case "$user" in '' | root | 0 | 0:* | root:*) fail "the image runs as root (USER '$user')" ;; esac
ok "image config: USER $user, EXPOSE 8080/tcp, STOPSIGNAL SIGTERM, HEALTHCHECK ${health[*]:0:2} …, CMD ${cmd[*]}"

ctr=$(buildah from --pull=never "$image")
mnt=$(buildah mount "$ctr")
case "$mnt" in /?*) ;; *) fail "buildah mount gave no mount point" ;; esac
# Production dependencies only: none of the development tools are in the image.
for dev in typescript vitest eslint supertest tsx playwright-core; do
  [ ! -e "$mnt$workdir/node_modules/$dev" ] || fail "development dependency $dev is in the image"
done
[ -f "$mnt$workdir/dist/server/cli.js" ] || fail "dist/server/cli.js is not in the image"
ok "production dependencies only (no typescript, vitest, eslint, supertest, tsx, playwright-core), dist/ present"

uid=$(awk -F: -v u="${user%%:*}" '$1 == u || $3 == u { print $3; exit }' "$mnt/etc/passwd")
gid=$(awk -F: -v u="${user%%:*}" '$1 == u || $3 == u { print $4; exit }' "$mnt/etc/passwd")
home=$(awk -F: -v u="${user%%:*}" '$1 == u || $3 == u { print $6; exit }' "$mnt/etc/passwd")
{ [ -n "$uid" ] && [ "$uid" != 0 ]; } || fail "user '$user' is not a non-root user of the image's /etc/passwd"

port=$(node -e "const s=require('node:net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")

# The README's `docker run` line with a scenario folder, as printed: its -e variables and its -v
# mount (the folder made here stands in for $PWD/my-scenarios). One difference: instead of -p
# 8080:8080 the server listens on the host network at a free port (KRAVMOCK_PORT).
node - "$root/README.md" "$work" <<'EOF'
const [, , file, dir] = process.argv;
const fs = require('node:fs');
const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => /^docker run .*\/scenarios/.test(l));
if (!line) throw new Error('README.md has no `docker run` line with a /scenarios mount');
const words = [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
const env = [];
const mounts = [];
for (let i = 0; i < words.length; i++) {
  if (words[i] === '-e') env.push(words[++i]);
  else if (words[i] === '-v') mounts.push(words[++i]);
}
if (words.at(-1) !== 'kravmock' || mounts.length !== 1) throw new Error(`unexpected docker run line: ${line}`);
const [, target, mode] = mounts[0].split(':');
fs.writeFileSync(`${dir}/readme-env`, env.map((e) => `${e}\0`).join(''));
fs.writeFileSync(`${dir}/readme-mount`, `${target}\0${mode ?? 'rw'}\0`);
EOF
mapfile -d '' -t readme_env <"$work/readme-env"
mapfile -d '' -t readme_mount <"$work/readme-mount"
mount_target=${readme_mount[0]}
case "$mount_target" in /?*) ;; *) fail "the README mounts the scenarios at '$mount_target', not an absolute path" ;; esac
[ "${readme_mount[1]}" = ro ] || fail "the README mounts the scenarios '${readme_mount[1]}', expected read-only (ro)"
admin_token=
for pair in "${readme_env[@]}"; do
  case "$pair" in KRAVMOCK_ADMIN_TOKEN=*) admin_token=${pair#KRAVMOCK_ADMIN_TOKEN=} ;; esac
done
[ -n "$admin_token" ] || fail "the README's docker run line sets no KRAVMOCK_ADMIN_TOKEN"

mkdir -p "$work/scenarios" "$mnt$mount_target"
cat >"$work/scenarios/restskatt-halvt-betalt.yaml" <<'EOF'
name: restskatt-halvt-betalt
description: An AS with overdue restskatt, half paid by KID, and a payment without KID that stays unplaced.
parties:
  - partIdentifikator: "312438623"
    navn: OVERFØLSOM GLAD TIGER AS
    events:
      - type: claimRaised
        date: -90d
        kravidentifikator: "270000001"
        reskontro: skatteinnkreving
        kravtype: RESTSKATT
        kravgruppe: Skatt
        kravbeskrivelse: Restskatt - 2025
        kravperiode: { beskrivelse: Inntektstår, aar: "2025" }
        kravforfall:
          - kravforfallsIdentifikator: "370000001"
            forfallsdato: -60d
            beloep: 24000
            kidnummer: "0095755263306220219"
      - type: paymentReceived
        date: -20d
        innbetalingsidentifikator: "850000001"
        beloep: 12000
        kidnummer: "0095755263306220219"
        betaler: { navn: Kari Nordmann, kontonummer: "12345678903" }
EOF
chmod -R a+rX "$work/scenarios"

# What a container engine gives the process: HOME from the user's passwd entry, a HOSTNAME, the
# image's environment, then the -e variables.
run_env=(HOME="$home" HOSTNAME=kravmock-test "${image_env[@]}" "${readme_env[@]}" KRAVMOCK_PORT="$port")
started=$(date +%s)
# In a private mount namespace (nothing reaches the host's mounts): /dev, the scenario folder
# read-only, and /proc of the new PID namespace; then the CMD becomes PID 1 there.
# shellcheck disable=SC2016 # expanded by the inner shell
unshare --pid --fork --mount --propagation private --mount-proc="$mnt/proc" /bin/sh -c '
  mnt=$1 uid=$2 gid=$3 workdir=$4 scenarios=$5 target=$6; shift 6
  case "$mnt" in /?*) ;; *) exit 125 ;; esac
  mount --rbind /dev "$mnt/dev" && mount --bind "$scenarios" "$mnt$target" &&
    mount -o remount,bind,ro "$mnt$target" || exit 125
  exec chroot --userspec="$uid:$gid" --groups="$gid" "$mnt" /usr/bin/env -i -C "$workdir" "$@"' \
  sh "$mnt" "$uid" "$gid" "$workdir" "$work/scenarios" "$mount_target" "${run_env[@]}" "${cmd[@]}" \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!

# The server's host PID: the child unshare forked, which became the CMD.
for _ in $(seq 1 50); do
  node_pid=$(awk '{ print $1 }' "/proc/$server_pid/task/$server_pid/children" 2>/dev/null || true)
  [ -n "$node_pid" ] && break
  sleep 0.1
done
[ -n "$node_pid" ] || fail "the server process did not start"

until curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null; do
  if ! kill -0 "$server_pid" 2>/dev/null; then
    cat "$work/server.err"
    fail "the server exited before /health answered (stderr above)"
  fi
  [ "$(seconds_since "$started")" -lt 60 ] || {
    tail -n 20 "$work/server.err"
    fail "/health did not answer 2xx within 60 s"
  }
  sleep 0.5
done
ok "started; /health answered after $(seconds_since "$started") s"

# 4. From outside the container.
body=$(curl -sS -w '\n%{http_code} %{content_type}' "http://127.0.0.1:$port/health")
[ "$(tail -n 1 <<<"$body")" = '200 application/json; charset=utf-8' ] || fail "GET /health: $(tail -n 1 <<<"$body")"
node -e 'const b = JSON.parse(process.argv[1]); if (b.status !== "ok") process.exit(1)' "$(head -n 1 <<<"$body")" ||
  fail "GET /health answered $(head -n 1 <<<"$body"), expected {\"status\":\"ok\"}"
ok 'GET /health → 200 {"status":"ok"}'

api_call() { # path: 200 with a JSON body that has the party's open claims
  local out
  out=$(curl -sS -w '\n%{http_code} %{content_type}' "http://127.0.0.1:$port$1")
  [ "$(tail -n 1 <<<"$out")" = '200 application/json; charset=utf-8' ] || fail "GET $1: $(tail -n 1 <<<"$out"): $(head -c 300 <<<"$out")"
  node -e 'const b = JSON.parse(process.argv[1]); if (typeof b !== "object" || b === null || Object.keys(b).length === 0) process.exit(1)' \
    "$(sed '$d' <<<"$out")" || fail "GET $1 did not answer a JSON object"
}
api_call /v1/regnskapssystem/313367002/aapnekrav
ok 'GET /v1/regnskapssystem/313367002/aapnekrav → 200 JSON (built-in party)'
api_call /v1/regnskapssystem/312438623/aapnekrav
ok "GET /v1/regnskapssystem/312438623/aapnekrav → 200 JSON (party of the scenario mounted read-only at $mount_target)"

status=$(curl -sS -o "$work/admin.json" -w '%{http_code}' "http://127.0.0.1:$port/__admin/scenarios")
[ "$status" = 401 ] || fail "GET /__admin/scenarios without the token answered $status, expected 401"
status=$(curl -sS -o "$work/admin.json" -w '%{http_code}' -H "Authorization: Bearer $admin_token" "http://127.0.0.1:$port/__admin/scenarios")
{ [ "$status" = 200 ] && grep -q restskatt-halvt-betalt "$work/admin.json"; } ||
  fail "GET /__admin/scenarios with KRAVMOCK_ADMIN_TOKEN answered $status without the mounted scenario"
ok 'admin API on 0.0.0.0: 401 without the token, 200 with KRAVMOCK_ADMIN_TOKEN (lists the mounted scenario)'

status=$(curl -sS -o "$work/ui.html" -w '%{http_code} %{content_type}' "http://127.0.0.1:$port/__admin/ui/")
{ [ "$status" = '200 text/html; charset=utf-8' ] && grep -qi '<html' "$work/ui.html"; } ||
  fail "GET /__admin/ui/ answered $status: the dashboard's page is not in the image"
ok 'GET /__admin/ui/ → 200 text/html (the dashboard page)'

# The HEALTHCHECK, run in the container as the engine would (same port as the server).
buildah config --env KRAVMOCK_PORT="$port" "$ctr"
buildah run --isolation chroot "$ctr" -- "${health[@]}" || fail "the image's HEALTHCHECK command failed"
ok "HEALTHCHECK command exits 0 in the container"

read -r _ ruid euid suid fsuid < <(grep '^Uid:' "/proc/$node_pid/status")
nspid=$(awk '/^NSpid:/ { print $NF }' "/proc/$node_pid/status")
{ [ "$ruid" = "$uid" ] && [ "$euid" = "$uid" ] && [ "$suid" = "$uid" ] && [ "$fsuid" = "$uid" ]; } ||
  fail "the server runs with uids $ruid/$euid/$suid/$fsuid, expected $uid ($user)"
tr '\0' ' ' <"/proc/$node_pid/cmdline" | grep -q "dist/server/cli.js serve" || fail "PID $node_pid is not the server"
[ "$nspid" = 1 ] || fail "the server is PID $nspid in its namespace, expected 1"
ok "the server runs as $user (uid $uid, non-root), PID 1 in its namespace"

started_ms=$(date +%s%N)
kill -TERM "$node_pid"
for _ in $(seq 1 50); do
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$server_pid" 2>/dev/null; then
  fail "still running 5 s after SIGTERM (PID 1 without a SIGTERM handler ignores it)"
fi
code=0
wait "$server_pid" || code=$?
server_pid=
stop_ms=$((($(date +%s%N) - started_ms) / 1000000))
[ "$code" = 0 ] || {
  tail -n 5 "$work/server.err"
  fail "exit status $code after SIGTERM, expected 0"
}
ok "SIGTERM: exit 0 after $stop_ms ms"

echo "container: $passed passed, 0 failed"
