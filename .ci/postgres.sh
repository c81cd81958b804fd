#!/usr/bin/env bash
# Sourced by .ci/run (or by hand: `source .ci/postgres.sh` then `go test ./...`): a throwaway
# PostgreSQL cluster for the PostgreSQL half of the store's conformance suite. It installs
# Debian's postgresql package when no server is found, initialises a cluster in a temporary
# folder as an unprivileged user (postgres refuses to run as root), starts it on a loopback
# port, exports ARMSWATCH_TEST_POSTGRES, and stops it and removes the folder at exit.

pg_bin_dir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    if [ -x "$d/postgres" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
      echo "$d"
    fi
  done | sort -V | tail -n 1
}

pg_start() {
  local bin
  bin="$(pg_bin_dir)"
  if [ -z "$bin" ]; then
    if command -v apt-get >/dev/null 2>&1; then
      apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
      bin="$(pg_bin_dir)"
    fi
    if [ -z "$bin" ]; then
      echo "ci: PostgreSQL is required for the store's PostgreSQL tests (install Debian's postgresql package)" >&2
      return 1
    fi
  fi
  PG_CI_DIR="$(mktemp -d /tmp/armswatch-pg.XXXXXX)"
  local run=()
  PG_CI_USER="$(id -un)"
  if [ "$(id -u)" = 0 ]; then
    # root cannot run postgres: the cluster belongs to nobody.
    PG_CI_USER=nobody
    chown "$PG_CI_USER" "$PG_CI_DIR"
    chmod 700 "$PG_CI_DIR"
    run=(runuser -u "$PG_CI_USER" --)
  fi
  PG_CI_RUN=("${run[@]}")
  PG_CI_BIN="$bin"
  trap pg_stop EXIT
  "${run[@]}" "$bin/initdb" -D "$PG_CI_DIR/data" -U armswatch -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # A random loopback port; another one if it is taken. fsync off: the cluster is thrown away.
  local try
  for try in 1 2 3 4 5; do
    PG_CI_PORT="${PG_CI_PORT:-$(( 20000 + RANDOM % 20000 ))}"
    if "${run[@]}" "$bin/pg_ctl" -D "$PG_CI_DIR/data" -l "$PG_CI_DIR/log" -w -t 60 start \
      -o "-c listen_addresses=127.0.0.1 -p $PG_CI_PORT -k $PG_CI_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      break
    fi
    if [ "$try" = 5 ]; then
      cat "$PG_CI_DIR/log" >&2
      return 1
    fi
    unset PG_CI_PORT
  done
  export ARMSWATCH_TEST_POSTGRES="postgres://armswatch@127.0.0.1:$PG_CI_PORT/postgres?sslmode=disable"
  echo "ci: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_CI_PORT ($PG_CI_DIR)"
}

pg_stop() {
  if [ -n "${PG_CI_DIR:-}" ] && [ -d "$PG_CI_DIR/data" ]; then
    "${PG_CI_RUN[@]}" "$PG_CI_BIN/pg_ctl" -D "$PG_CI_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_CI_DIR"
  fi
}
