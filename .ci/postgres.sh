#!/usr/bin/env bash
# Finds or starts PostgreSQL and prints a DATABASE_URL on stdout.
#
# The private cluster runs with fsync=off: for throw-away development and
# test data only; never use that setting on a server whose data matter.
#
# Order: $DATABASE_URL if set; a server already answering on 127.0.0.1:5432;
# a private cluster created with initdb from the installed binaries (under
# .data/ in the checkout, or, when run as root, under /tmp keyed by the
# checkout path with .data/cluster linking to it, because initdb must run
# as an unprivileged user that cannot reach a checkout under /root); when
# the binaries are missing and we are root, Debian's postgresql package is
# installed first. Everything else goes to stderr.
set -euo pipefail

say() { echo "postgres.sh: $*" >&2; }

if [ -n "${DATABASE_URL:-}" ]; then
  echo "$DATABASE_URL"
  exit 0
fi

answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 2
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

if answers 127.0.0.1 5432; then
  say "using the server on 127.0.0.1:5432"
  echo "postgres://${PGUSER:-postgres}:${PGPASSWORD:-}@127.0.0.1:5432/${PGDATABASE:-postgres}?sslmode=disable"
  exit 0
fi

find_bindir() {
  local d
  if command -v pg_config >/dev/null 2>&1; then
    d=$(pg_config --bindir 2>/dev/null || true)
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return 0
  fi
  return 1
}

bindir=$(find_bindir || true)
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "PostgreSQL binaries not found; installing Debian's postgresql package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    bindir=$(find_bindir || true)
  fi
fi
if [ -z "$bindir" ]; then
  say "no PostgreSQL found. Set DATABASE_URL, start a server on 127.0.0.1:5432,"
  say "or install the PostgreSQL server (Debian/Ubuntu: apt-get install postgresql)."
  exit 1
fi

top=$(cd "$(dirname "$0")/.." && pwd)
key=$(printf '%s' "$top" | cksum | cut -d' ' -f1)
port=$((20000 + key % 10000))
runas=()
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id "$user" >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin "$user"
  data="/tmp/awards-pg-$key"
  mkdir -p "$top/.data"
  ln -sfn "$data" "$top/.data/cluster"
  runas=(runuser -u "$user" --)
else
  data="$top/.data/cluster"
fi

if [ ! -f "$data/PG_VERSION" ]; then
  say "creating a private cluster in $data"
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres: "$data" && chmod 700 "$data"
  "${runas[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null 2>&1 \
    || "${runas[@]}" "$bindir/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C >&2
fi

if ! "${runas[@]}" "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1; then
  say "starting the private cluster on 127.0.0.1:$port"
  "${runas[@]}" "$bindir/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >&2 \
    || { say "the cluster did not start; its log is $data/server.log"; tail -20 "$data/server.log" >&2; exit 1; }
fi
echo "postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
