#!/usr/bin/env bash
# Publishes the bot as docs/DEPLOY.md says (self-contained, linux-x64 and linux-arm64) and checks
# what would be installed:
#   linux-x64   started as published: Production, the defaults built into the binary, its data in
#               a temporary folder, a free loopback port; /healthz answers, and Direct Line answers
#               本周到期 for a person signed in through the sign-on header (DirectLine__TrustedUserHeader,
#               as the nginx example sets it).
#   linux-arm64 cannot run here: `file` must find the main binary and SQLite's native library
#               (libe_sqlite3.so) built for aarch64.
# Both must carry the Web Chat bundle npm built (wwwroot/lib/webchat.js).
# Run alone: build/publish-check.sh [output folder to keep]; .ci/run calls it. Prints the seconds each step took.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-$(mktemp -d)}
keep_output=${1:+yes}
work=$(mktemp -d)
bot_pid=""
cleanup() {
  if [[ -n "$bot_pid" ]]; then kill "$bot_pid" 2>/dev/null || true; wait "$bot_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  [[ -n "$keep_output" ]] || rm -rf "$out"
}
trap cleanup EXIT

fail() { echo "publish-check: $*" >&2; exit 1; }

if ! command -v file >/dev/null; then
  echo "installing: file"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends file >/dev/null 2>&1 \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends file >/dev/null; }
fi

for rid in linux-x64 linux-arm64; do
  started=$SECONDS
  dotnet publish Bot -c Release -r "$rid" --self-contained -o "$out/$rid" --nologo -v quiet -p:TreatWarningsAsErrors=true >"$work/publish-$rid.log" 2>&1 \
    || { cat "$work/publish-$rid.log" >&2; fail "dotnet publish for $rid failed"; }
  [[ -s "$out/$rid/wwwroot/lib/webchat.js" ]] || fail "$rid: the Web Chat bundle (wwwroot/lib/webchat.js) is not in the output"
  [[ -s "$out/$rid/appsettings.json" && -s "$out/$rid/calendar/chinese-days.json" ]] || fail "$rid: appsettings.json or the holiday calendar is missing"
  echo "published $rid in $((SECONDS - started)) s → $out/$rid ($(du -sh "$out/$rid" | cut -f1))"
done

# linux-arm64: the architecture of what would run.
started=$SECONDS
for binary in Bot libe_sqlite3.so; do
  kind=$(file -b "$out/linux-arm64/$binary")
  [[ "$kind" == *"ARM aarch64"* ]] || fail "linux-arm64/$binary is not aarch64: $kind"
  echo "linux-arm64/$binary: ${kind%%,*}, ARM aarch64"
done
kind=$(file -b "$out/linux-x64/libe_sqlite3.so")
[[ "$kind" == *"x86-64"* ]] || fail "linux-x64/libe_sqlite3.so is not x86-64: $kind"

# linux-x64: start it as published, from an empty folder that becomes its data.
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
base="http://127.0.0.1:$port"
(cd "$work" && exec env -i PATH="$PATH" HOME="$work" ASPNETCORE_ENVIRONMENT=Production \
   DirectLine__TrustedUserHeader=X-Forwarded-User "$out/linux-x64/Bot" --urls "$base") >"$work/bot.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 120); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$bot_pid" 2>/dev/null || { cat "$work/bot.log" >&2; fail "the published bot exited"; }
  sleep 0.5
done
curl -fsS "$base/healthz" >/dev/null || { cat "$work/bot.log" >&2; fail "/healthz did not answer"; }
[[ -f "$work/data/campaignbot.db" ]] || fail "the ledger is not in the data folder the docs name (data/campaignbot.db under the working directory)"

json() { node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{const v=JSON.parse(d);console.log(eval(process.argv[1]))})' "$1"; }
session=$(curl -fsS -X POST -H "X-Forwarded-User: sample-zonghe" "$base/webchat/session")
token=$(json v.token <<<"$session")
conversation=$(json v.conversationId <<<"$session")
curl -fsS -X POST -H "Authorization: Bearer $token" "$base/v3/directline/conversations" -H 'Content-Type: application/json' -d '{}' >/dev/null
sent=$(curl -fsS -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  "$base/v3/directline/conversations/$conversation/activities" -d '{"type":"message","from":{"id":"sample-zonghe"},"text":"本周到期"}')
id=$(json v.id <<<"$sent")
answer=""
for _ in $(seq 1 40); do
  answer=$(curl -fsS -H "Authorization: Bearer $token" "$base/v3/directline/conversations/$conversation/activities" \
    | json "v.activities.filter(a => a.replyToId === '$id' && a.from.role === 'bot').map(a => (a.text || '') + JSON.stringify(a.attachments || [])).join(' ')")
  [[ -n "$answer" ]] && break
  sleep 0.25
done
[[ "$answer" == *T0* ]] || { cat "$work/bot.log" >&2; fail "no Direct Line answer listing tasks to 本周到期: '${answer:0:300}'"; }
echo "linux-x64 served /healthz and answered 本周到期 over Direct Line: ${answer:0:60}…"

# The nginx example (docs/deploy/nginx-campaignbot.conf) in front of it, with a stand-in for the
# sign-on service: a browser's own X-Forwarded-User never reaches the bot.
if command -v nginx >/dev/null; then
  build/nginx-check.sh "$port" "$work"
else
  echo "nginx not installed: the nginx example was not checked" >&2
fi
echo "checks in $((SECONDS - started)) s"
