# Shared by the load scripts: start `sanad serve` on the load folder's database and sign in a supervisor.
# Sets PID (the server), TOKEN (API bearer) and SESSION (browser cookie). Needs BIN and WORK.
start_server() {
  export SANAD_DATA_DIR="$WORK/data" SANAD_MASTER_KEY=$(cat "$WORK/key.txt")
  "$BIN" users create --username load-sup --role supervisor --centre SD01 --centre SD11 --centre SD12 --password-stdin <<<"load-test-password-123" >/dev/null 2>&1 || true
  TOKEN=$("$BIN" users token --username load-sup | tail -n 1)
  "$BIN" serve --port 8111 > "$WORK/server.log" 2>&1 &
  PID=$!
  for i in $(seq 1 120); do curl -sf http://127.0.0.1:8111/health >/dev/null && break; sleep 1; done
  # A browser session: the sign-in form's CSRF cookie and field, then the session cookie.
  curl -s -c "$WORK/jar.txt" http://127.0.0.1:8111/signin -o "$WORK/signin.html"
  local csrf
  csrf=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/signin.html" | head -1 | sed 's/.*value="//; s/"//')
  curl -s -b "$WORK/jar.txt" -c "$WORK/jar.txt" -o /dev/null -H "Origin: http://127.0.0.1:8111" \
    --data-urlencode "username=load-sup" --data-urlencode "password=load-test-password-123" --data-urlencode "_csrf=$csrf" \
    http://127.0.0.1:8111/signin
  SESSION=$(awk '$6=="sanad_session"{print $7}' "$WORK/jar.txt")
  [ -n "$SESSION" ] || { echo "no session"; kill $PID; exit 1; }
}
