#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what the tests need (Chromium for Playwright, poppler-utils
# for PDF rendering, python3 for the summary, the npm packages of the test fixtures), runs `dotnet test` on the solution with TRX loggers,
# and ends with the line "N passed, N failed" summed from the TRX counters. Exits non-zero on any failure.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3-minimal)   # sums the TRX counters below
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "Installing ${need_apt[*]} (apt)…"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq >/dev/null 2>&1 && $sudo_cmd apt-get install -y -qq "${need_apt[@]}" >/dev/null; } \
    || { echo "could not install ${need_apt[*]}"; exit 1; }
fi

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
