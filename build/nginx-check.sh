#!/usr/bin/env bash
# Runs docs/deploy/nginx-campaignbot.conf for real in front of a running bot (build/publish-check.sh
# starts one with DirectLine__TrustedUserHeader=X-Forwarded-User) and checks that the sign-on's
# account, never the browser's own X-Forwarded-User, reaches it. The shipped file is used as it is,
# but for plain HTTP on a free port, a stand-in for the sign-on service (a cookie sso=<account>
# names the account) and the bot's port.
#   build/nginx-check.sh <bot port> [work folder]
set -euo pipefail
cd "$(dirname "$0")/.."
bot_port=$1
work=${2:-$(mktemp -d)}
mkdir -p "$work/nginx"
fail() { echo "nginx-check: $*" >&2; exit 1; }
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
nginx_port=$(free_port)
sso_port=$(free_port)

node -e '
  require("http").createServer((req, res) => {
    const account = /(?:^|; )sso=([^;]+)/.exec(req.headers.cookie || "");
    res.writeHead(account ? 200 : 401, account ? { "X-Sso-User": account[1] } : {});
    res.end();
  }).listen(+process.argv[1], "127.0.0.1");' "$sso_port" &
sso_pid=$!

node -e '
  const fs = require("fs");
  let conf = fs.readFileSync("docs/deploy/nginx-campaignbot.conf", "utf8")
    .replace(/server \{\s*listen 80;[\s\S]*?\n\}\n/, "")
    .replace("listen 443 ssl;", "listen 127.0.0.1:" + process.argv[1] + ";")
    .replace(/^\s*ssl_certificate.*$/gm, "")
    .replace("https://sso.intranet.example/validate", "http://127.0.0.1:" + process.argv[2] + "/validate")
    .replace("server 127.0.0.1:3978;", "server 127.0.0.1:" + process.argv[3] + ";");
  fs.writeFileSync(process.argv[4] + "/campaignbot.conf", conf);' "$nginx_port" "$sso_port" "$bot_port" "$work/nginx"
cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
user root;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  include $work/nginx/campaignbot.conf;
}
CONF
nginx -t -q -p "$work/nginx" -c "$work/nginx/nginx.conf" || fail "the example does not load"
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
nginx_pid=$!
trap 'kill $nginx_pid $sso_pid 2>/dev/null || true; wait $nginx_pid $sso_pid 2>/dev/null || true' EXIT
base="http://127.0.0.1:$nginx_port"
for _ in $(seq 1 40); do curl -s -o /dev/null "$base/" && break; sleep 0.25; done

session_user() { curl -s -X POST "$@" "$base/webchat/session" | node -e 'let d="";process.stdin.on("data",c=>d+=c).on("end",()=>{try{console.log(JSON.parse(d).userId||"")}catch{console.log("")}})'; }
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'X-Forwarded-User: sample-coordinator' "$base/webchat/session")
[[ "$code" == 302 ]] || fail "without sign-on, a browser's own X-Forwarded-User got $code (expected 302 to the sign-on page)"
user=$(session_user -H 'Cookie: sso=sample-zonghe' -H 'X-Forwarded-User: sample-coordinator')
[[ "$user" == sample-zonghe ]] || fail "signed in as sample-zonghe with a forged X-Forwarded-User, the bot saw '$user'"
user=$(session_user -H 'Cookie: sso=sample-zonghe' -H 'X_Forwarded_User: sample-coordinator')
[[ "$user" == sample-zonghe ]] || fail "with X_Forwarded_User, the bot saw '$user'"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Forwarded-User: sample-coordinator' -H 'Content-Type: application/json' -d '{}' "$base/api/wecom")
[[ "$code" != 5* ]] || fail "/api/wecom through nginx answered $code"
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Cookie: sso=sample-zonghe' "$base/healthz")
[[ "$code" == 404 ]] || fail "/healthz is reachable through nginx ($code)"
echo "nginx example: sign-on enforced, the browser's X-Forwarded-User (and X_Forwarded_User) replaced by the sign-on's account, /healthz not proxied"
