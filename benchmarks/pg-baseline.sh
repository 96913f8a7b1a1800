#!/usr/bin/env bash
# The PostgreSQL baseline of `./aura bench-http` (issue 15): the standard way to forbid double booking in SQL,
# an exclusion constraint, driven by pgbench.
#
#   benchmarks/pg-baseline.sh [clients,...]      e.g. benchmarks/pg-baseline.sh 1,16
#
# A throw-away PostgreSQL (initdb + pg_ctl in a temp dir, loopback TCP port, run as an unprivileged user; stopped
# and deleted on exit) with
#   booking(resource_id int, slot tstzrange, EXCLUDE USING gist (resource_id WITH =, slot WITH &&))
# and, per client count, one pgbench run of PG_BASELINE_SECONDS (10) seconds, each client inserting random
# 30-minute slots (15-minute grid, 30 days) on 1,000 resources into an emptied table. A refused insert (the
# exclusion constraint) is a decided request like an accepted one: book() catches the violation and answers false.
#
# stdout: one line per client count, "clients:inserts-per-second" (e.g. "16:7504.3"); everything else on stderr.
# Exits non-zero when PostgreSQL cannot be installed or started (the caller then prints "no baseline").
# Installs Debian's postgresql with apt when it is missing, like the browser tests install chromium.
set -euo pipefail

clients_list=${1:-1,16}
seconds=${PG_BASELINE_SECONDS:-10}

pg_bin() { # the newest /usr/lib/postgresql/<version>/bin holding initdb, pg_ctl and pgbench
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/pgbench" ] && echo "$dir"
}

bin=$(pg_bin) || {
  echo "installing Debian's postgresql for the baseline" >&2
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo -n"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q --no-install-recommends postgresql > /dev/null \
    || { $sudo apt-get update -q > /dev/null \
         && $sudo apt-get install -y -q --no-install-recommends postgresql > /dev/null; } \
    || { echo "pg-baseline: could not install postgresql" >&2; exit 3; }
  # (the package may create and start its own cluster on port 5432; ours is separate and does not use it)
  bin=$(pg_bin) || { echo "pg-baseline: postgresql installed but no initdb/pg_ctl/pgbench found" >&2; exit 3; }
}

# PostgreSQL refuses to run as root: run it, and pgbench, as an unprivileged user then
as_user=()
if [ "$(id -u)" = 0 ]; then
  user=postgres
  id "$user" > /dev/null 2>&1 || user=nobody
  as_user=(runuser -u "$user" --)
fi

dir=$(mktemp -d -t aura-pg-baseline.XXXXXX)
chmod 755 "$dir"
[ ${#as_user[@]} -eq 0 ] || chown "$user" "$dir"
bench=""
cleanup() {
  [ -z "$bench" ] || kill "$bench" 2> /dev/null || true
  "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=15432
while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done

"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U bench -A trust -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 4; }
# the package's defaults otherwise (fsync and synchronous_commit on); enough connections for the largest run
connections=100
for c in ${clients_list//,/ }; do [ "$c" -lt $((connections - 10)) ] || connections=$((c + 10)); done
"${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=$connections" \
  start > /dev/null \
  || { cat "$dir/server.log" >&2; exit 4; }

psql=("${as_user[@]}" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U bench -d postgres)
"${psql[@]}" > /dev/null <<'SQL'
CREATE EXTENSION btree_gist;
CREATE TABLE booking (
  resource_id int NOT NULL,
  slot tstzrange NOT NULL,
  EXCLUDE USING gist (resource_id WITH =, slot WITH &&)
);
-- One request: true when booked, false when refused. INSERT ... ON CONFLICT DO NOTHING does not apply to exclusion
-- constraints, and pgbench (15) aborts a client on any error but serialization and deadlock failures, so the refusal
-- is caught here. Two concurrent inserts of overlapping slots can each wait on the other's uncommitted row, and one of
-- them gets deadlock_detected, which is the same answer (the other one is booked).
CREATE FUNCTION book(r int, s timestamptz) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO booking VALUES (r, tstzrange(s, s + interval '30 minutes'));
  RETURN true;
EXCEPTION WHEN exclusion_violation OR deadlock_detected THEN
  RETURN false;
END $$;
SQL

cat > "$dir/book.sql" <<'SQL'
\set r random(1, 1000)
\set q random(0, 2879)
SELECT book(:r, timestamptz '2030-01-07 00:00+00' + :q * interval '15 minutes');
SQL
chmod 644 "$dir/book.sql"

for c in ${clients_list//,/ }; do
  "${psql[@]}" -c 'TRUNCATE booking' > /dev/null
  threads=$((c < 2 ? c : 2))
  # in the background and waited for: bash runs the INT/TERM trap (and so stops the server) at once during a wait,
  # but only after a foreground child ends
  "${as_user[@]}" "$bin/pgbench" -h 127.0.0.1 -p "$port" -U bench -n -c "$c" -j "$threads" -T "$seconds" \
    -f "$dir/book.sql" postgres > "$dir/pgbench.out" 2> "$dir/pgbench.err" &
  bench=$!
  wait "$bench" || { cat "$dir/pgbench.err" >&2; exit 5; }
  bench=""
  out=$(cat "$dir/pgbench.out")
  tps=$(sed -n 's/^tps = \([0-9.]*\) (without initial connection time)$/\1/p' <<< "$out")
  done_tx=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*$/\1/p' <<< "$out")
  failed=$(sed -n 's/^number of failed transactions: \([0-9]*\).*$/\1/p' <<< "$out")
  [ -n "$tps" ] || { echo "$out" >&2; cat "$dir/pgbench.err" >&2; exit 5; }
  booked=$("${psql[@]}" -At -c 'SELECT count(*) FROM booking')
  printf 'PostgreSQL baseline, %d client(s), %d s: %.1f inserts/s (%d booked, %d refused, %s failed)\n' \
    "$c" "$seconds" "$tps" "$booked" "$((done_tx - booked))" "${failed:-0}" >&2
  echo "$c:$tps"
done
