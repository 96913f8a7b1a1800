#!/usr/bin/env bash
# The PostgreSQL restore drill (docs/operations.md "Backups per store"): a node of the postgres profile books on a
# throw-away PostgreSQL; pg_dump while it runs; the dump restored into an empty database (and its key store beside
# it); a node started on the restored copy must show every booking, verify the audit chain and take new bookings.
#
#   deploy/postgres-restore-drill.sh          (needs app/target/aura-scheduler.jar: ./mvnw -DskipTests install)
set -euo pipefail
cd "$(dirname "$0")/.."
source benchmarks/postgres-node.sh
"${psql[@]}" -d postgres -c "CREATE DATABASE live" -c "CREATE DATABASE live_keys" > /dev/null
start_node live 18091
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
token=$(curl -sf -H 'Content-Type: application/json' localhost:18091/api/auth/token \
  -d "{\"username\":\"admin\",\"password\":\"$AURA_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
room=$(api localhost:18091/api/resources -d '{"name":"Drill room","capacity":6,"timeZone":"UTC"}' \
  | sed 's/.*"id":"\([^"]*\)".*/\1/')
day=$(date -u -d '+3 days' +%Y-%m-%d)
for h in 08 09 10 11 12 13 14 15; do
  api localhost:18091/events/create -d "{\"title\":\"drill $h\",\"resourceId\":\"$room\",\"start\":\"${day}T$h:00:00Z\",\"end\":\"${day}T$h:45:00Z\",\"description\":\"kept through a restore\"}" > /dev/null
done
before=$(api "localhost:18091/dashboard/calendar?resourceId=$room&from=${day}T00:00:00Z&to=${day}T23:59:00Z")
events=$("${psql[@]}" -d live -tA -c "SELECT COUNT(*) FROM domainevententry")

# the backup, taken while the node runs
for db in live live_keys; do "${as_user[@]}" "$bin/pg_dump" -h 127.0.0.1 -p "$port" -U aura -Fc -d "$db" -f "$dir/$db.dump"; done
stop_nodes
# the restore: empty databases, the dumps put in
"${psql[@]}" -d postgres -c "CREATE DATABASE restored" -c "CREATE DATABASE restored_keys" > /dev/null
"${as_user[@]}" "$bin/pg_restore" -h 127.0.0.1 -p "$port" -U aura --no-owner -d restored "$dir/live.dump"
"${as_user[@]}" "$bin/pg_restore" -h 127.0.0.1 -p "$port" -U aura --no-owner -d restored_keys "$dir/live_keys.dump"
restored=$("${psql[@]}" -d restored -tA -c "SELECT COUNT(*) FROM domainevententry")
start_node restored 18092
token=$(curl -sf -H 'Content-Type: application/json' localhost:18092/api/auth/token \
  -d "{\"username\":\"admin\",\"password\":\"$AURA_ADMIN_PASSWORD\"}" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
after=$(api "localhost:18092/dashboard/calendar?resourceId=$room&from=${day}T00:00:00Z&to=${day}T23:59:00Z")
verify=$(api localhost:18092/api/audit/verify)
next=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  localhost:18092/events/create -d "{\"title\":\"after the restore\",\"resourceId\":\"$room\",\"start\":\"${day}T16:00:00Z\",\"end\":\"${day}T16:30:00Z\"}")
echo "events stored before the backup: $events; in the restored database: $restored"
echo "calendar before == after the restore: $([ "$before" = "$after" ] && echo yes || echo NO)"
echo "audit chain on the restored copy: $verify"
echo "a new booking on the restored copy: HTTP $next"
[ "$before" = "$after" ] && [ "$next" = 201 ] && echo "$verify" | grep -q '"valid":true'
