#!/usr/bin/env bash
# Starts and stops the real XMPP peers the interop tests talk to, on 127.0.0.1 only, each with its
# own configuration (kept in this directory) and data under $STARLING_INTEROP_DIR.
#   interop/peers.sh start   # prosody on 25222/25223, ejabberd on 35222/35223; accounts alice and bob on
#                            # localhost (salted SCRAM keys stored) and plain.localhost (plaintext stored,
#                            # so that every SCRAM variant the peer implements is offered)
#                            # and PostgreSQL on 55432 (user/password/database starling) for the store suites
#   interop/peers.sh stop    # stops them by PID
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
run="${STARLING_INTEROP_DIR:-/tmp/starling-interop}"

certificate() {
  mkdir -p "$run/certs"
  # one certificate for both virtual hosts: localhost (SCRAM keys stored) and plain.localhost (plaintext stored)
  if [ ! -f "$run/certs/localhost.crt" ] || ! openssl x509 -in "$run/certs/localhost.crt" -noout -text | grep -q plain.localhost; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost,DNS:plain.localhost" \
      -keyout "$run/certs/localhost.key" -out "$run/certs/localhost.crt" 2>/dev/null
    cat "$run/certs/localhost.key" "$run/certs/localhost.crt" > "$run/certs/localhost.pem"
    chmod 600 "$run/certs/localhost.key" "$run/certs/localhost.pem"
  fi
}

wait_port() {
  for _ in $(seq 1 60); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "nothing listens on 127.0.0.1:$1" >&2
  return 1
}

start_prosody() {
  command -v prosody >/dev/null || { echo "prosody is not installed (apt-get install -y prosody)" >&2; return 1; }
  mkdir -p "$run/prosody/data"
  sed "s#@RUN@#$run#g" "$here/prosody/prosody.cfg.lua" > "$run/prosody/prosody.cfg.lua"
  for host in localhost plain.localhost; do
    for user in alice bob; do
      prosodyctl --config "$run/prosody/prosody.cfg.lua" register "$user" "$host" "secret-$user" >/dev/null
    done
  done
  prosody --config "$run/prosody/prosody.cfg.lua" > "$run/prosody/stdout.log" 2>&1 &
  echo $! > "$run/prosody/run.pid"
  wait_port 25222
}

ejabberdctl_() {
  ejabberdctl --config-dir "$run/ejabberd" --ctl-config "$run/ejabberd/ejabberdctl.cfg" --config "$run/ejabberd/ejabberd.yml" \
    --spool "$run/ejabberd/db" \
    --logs "$run/ejabberd/logs" --node starling-ejabberd@localhost "$@"
}

start_ejabberd() {
  command -v ejabberdctl >/dev/null || { echo "ejabberd is not installed (apt-get install -y ejabberd)" >&2; return 1; }
  mkdir -p "$run/ejabberd/db" "$run/ejabberd/logs"
  sed "s#@RUN@/certs/localhost.pem#$run/ejabberd/localhost.pem#g" "$here/ejabberd/ejabberd.yml" > "$run/ejabberd/ejabberd.yml"
  cp "$run/certs/localhost.pem" "$run/ejabberd/localhost.pem"
  sed "s#@RUN@#$run#g" "$here/ejabberd/ejabberdctl.cfg" > "$run/ejabberd/ejabberdctl.cfg"
  echo '{lookup, [file, native]}.' > "$run/ejabberd/inetrc"
  if [ "$(id -u)" = 0 ] && id ejabberd >/dev/null 2>&1; then
    chown -R ejabberd "$run/ejabberd"   # ejabberdctl runs ejabberd as its own user when started by root
    chmod o+x "$run"
  fi
  ejabberdctl_ start
  ejabberdctl_ started
  for host in localhost plain.localhost; do
    for user in alice bob; do
      ejabberdctl_ register "$user" "$host" "secret-$user" >/dev/null || true
    done
  done
  pgrep -f -- "starling-ejabberd@localhost" | head -1 > "$run/ejabberd/run.pid"
  pgrep -x epmd | head -1 > "$run/ejabberd/epmd.pid"
  wait_port 35222
}

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"

as_postgres() {
  # PostgreSQL refuses to run as root: as root, run it as the package's postgres user
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  [ -n "$pg_bin" ] || { echo "postgresql is not installed (apt-get install -y postgresql)" >&2; return 1; }
  mkdir -p "$run/postgres"
  if [ "$(id -u)" = 0 ]; then chown postgres "$run/postgres"; chmod o+x "$run"; fi
  if [ ! -f "$run/postgres/data/PG_VERSION" ]; then
    echo starling > "$run/postgres/pwfile"
    [ "$(id -u)" != 0 ] || chown postgres "$run/postgres/pwfile"
    as_postgres "$pg_bin/initdb" -D "$run/postgres/data" -U starling --pwfile="$run/postgres/pwfile" \
      --auth-host=scram-sha-256 --auth-local=trust >/dev/null
  fi
  as_postgres "$pg_bin/pg_ctl" -D "$run/postgres/data" -l "$run/postgres/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=55432 -c unix_socket_directories=$run/postgres" start >/dev/null
  head -1 "$run/postgres/data/postmaster.pid" > "$run/postgres/run.pid"
  as_postgres "$pg_bin/psql" -h "$run/postgres" -p 55432 -U starling -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'starling'" | grep -q 1 \
    || as_postgres "$pg_bin/createdb" -h "$run/postgres" -p 55432 -U starling starling
}

stop_pid() {
  if [ -f "$1" ]; then
    kill "$(cat "$1")" 2>/dev/null || true
    rm -f "$1"
  fi
}

case "${1:-}" in
  start)
    certificate
    start_prosody
    start_ejabberd
    start_postgres
    echo "peers ready in $run"
    ;;
  stop)
    stop_pid "$run/prosody/run.pid"
    if [ -f "$run/ejabberd/run.pid" ]; then
      ejabberdctl_ stop >/dev/null 2>&1 || true
      sleep 2
      stop_pid "$run/ejabberd/run.pid"
    fi
    stop_pid "$run/ejabberd/epmd.pid"   # the epmd ejabberdctl started for the node
    if [ -f "$run/postgres/run.pid" ]; then   # SIGINT: PostgreSQL's fast shutdown
      kill -INT "$(cat "$run/postgres/run.pid")" 2>/dev/null || true
      rm -f "$run/postgres/run.pid"
    fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
