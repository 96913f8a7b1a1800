# Sourced by benchmarks/nodes-bench.sh and deploy/postgres-restore-drill.sh: a throw-away PostgreSQL (Debian's
# binaries, never a container), the keys every node of the postgres profile shares made for the run, and nodes of
# the profile started from app/target/aura-scheduler.jar. Everything is stopped and deleted on exit.
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 3; }
as_user=()
if [ "$(id -u)" = 0 ]; then as_user=(runuser -u postgres --); fi
dir=$(mktemp -d -t aura-postgres.XXXXXX)
chmod 755 "$dir"
[ ${#as_user[@]} -eq 0 ] || chown postgres "$dir"
nodes=()
cleanup() {
  for pid in "${nodes[@]}"; do kill "$pid" 2> /dev/null || true; done
  "${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
port=25432
while (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; do port=$((port + 1)); done
"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U aura -A trust -E UTF8 --no-locale > "$dir/initdb.log" 2>&1
# the package's durability defaults (fsync, synchronous_commit on): what a deployment runs
"${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=200" start > /dev/null
psql=("${as_user[@]}" "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U aura)

# what every node shares (ADR 0053), made for this run only
export AURA_MASTER_KEY AURA_JWT_PRIVATE_KEY AURA_JWT_PUBLIC_KEY
AURA_MASTER_KEY=$(openssl rand -base64 32)
openssl ecparam -name prime256v1 -genkey -noout -out "$dir/jwt.pem" 2> /dev/null
AURA_JWT_PRIVATE_KEY=$(openssl pkcs8 -topk8 -nocrypt -in "$dir/jwt.pem" -outform DER | base64 -w0)
AURA_JWT_PUBLIC_KEY=$(openssl ec -in "$dir/jwt.pem" -pubout -outform DER 2> /dev/null | base64 -w0)
export AURA_ADMIN_PASSWORD=admin-password-$$ SPRING_DATASOURCE_USERNAME=aura AURA_SECURE_COOKIE=false

start_node() { # $1 database (its keys in $1_keys), $2 port
  mkdir -p "$dir/node-$2"
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/$1" \
    AURA_KEY_STORE_URL="jdbc:postgresql://127.0.0.1:$port/${1}_keys?user=aura" \
    "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Daxoniq.update-checker.disabled=true \
    -jar app/target/aura-scheduler.jar --spring.profiles.active=postgres --server.port="$2" \
    --aura.data-dir="$dir/node-$2" --logging.level.aura.requests=warn > "$dir/node-$2.log" 2>&1 &
  nodes+=($!)
  until curl -sf "localhost:$2/actuator/health" > /dev/null; do
    kill -0 "${nodes[-1]}" 2> /dev/null || { tail -40 "$dir/node-$2.log" >&2; exit 4; }
    sleep 0.5
  done
}

stop_nodes() {
  for pid in "${nodes[@]}"; do kill "$pid" 2> /dev/null || true; wait "$pid" 2> /dev/null || true; done
  nodes=()
}
