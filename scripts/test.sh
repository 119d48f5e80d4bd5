#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (Chromium for Playwright, poppler-utils
# for PDF rendering, python3 for the summary, PostgreSQL for the history store's tests, redis-server, the npm packages of the test
# fixtures), starts a throwaway PostgreSQL cluster, runs `dotnet test` on the solution with TRX loggers, and ends with
# the line "N passed, N failed" summed from the TRX counters. Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3-minimal)   # sums the TRX counters below
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || need_apt+=(postgresql)   # the history store's tests (tests/Integration/Store)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)   # for tests of instances sharing state; started per test on a free port
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (apt)…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null; } \
    || { echo "could not install ${need_apt[*]}"; exit 1; }
fi

# PostgreSQL for the history store's tests: a throwaway cluster in a temporary folder on a free loopback port, run by an
# unprivileged user (the postgres user when this script runs as root), stopped and removed on exit. The tests read its
# connection string from FINOPS_TEST_POSTGRES (with CI=true they fail without it).
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
pg_dir=""
pg_as=()
stop_postgres() {
  if [ -n "$pg_dir" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
    rm -rf "$pg_dir"
  fi
}
trap stop_postgres EXIT
pg_dir="$(mktemp -d "${TMPDIR:-/tmp}/finops-pg.XXXXXX")"
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres: "$pg_dir"
  pg_as=(runuser -u postgres --)
fi
chmod 700 "$pg_dir"
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U finops_test --auth=trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; echo "could not create a PostgreSQL cluster"; echo "0 passed, 1 failed"; exit 1; }
pg_started=""
for attempt in 1 2 3; do
  pg_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  if "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
      -o "-h 127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null 2>&1; then
    pg_started=1
    break
  fi
done
[ -n "$pg_started" ] || { tail -n 20 "$pg_dir/server.log"; echo "could not start PostgreSQL"; echo "0 passed, 1 failed"; exit 1; }
export FINOPS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=finops_test;Database=postgres"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') for the store tests on 127.0.0.1:$pg_port"

# npm packages used by test fixtures (OpenID provider, MCP clients); each folder has its own package-lock.json.
for dir in tests/*/node; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.npm-ci-stamp"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || { echo "npm ci failed in $dir"; exit 1; }
    touch "$stamp"
  fi
done

export AWS_EC2_METADATA_DISABLED=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

dotnet build FinOpsDashboard.sln -c Debug -nologo -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
dotnet test FinOpsDashboard.sln -c Debug --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@"
test_rc=$?

read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find(".//{*}Counters")
    if counters is not None:
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
print(passed, failed)
PY
)
trx_count=$(find "$results" -name '*.trx' | wc -l)
if [ "$trx_count" -eq 0 ] || [ -z "${passed:-}" ]; then
  failed=$(( ${failed:-0} > 0 ? failed : 1 ))   # nothing was counted: never report green
fi
if [ "$test_rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then
  failed=1   # a test host crashed or a project failed to run: never report green
fi
echo "$trx_count test assemblies reported."
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-0}" -eq 0 ] && [ "$test_rc" -eq 0 ]
