# Cluster mode for one machine, sourced by ./delineo (uses its say/die, start_* functions and CHILD_PIDS).
#
#   ./delineo cluster up [--replicas N] [--port P] [--bind ADDR] [--keycloak-port N] [--db-port N] [--s3-port N]
#                        [--data-dir DIR]
#
# One PostgreSQL, one Keycloak, s3proxy as the S3 server and N portal replicas on internal ports P+1 … P+N, with
# Debian's haproxy in front on port P (round robin over the replicas that pass the readiness check).
# Everything lives under <data-dir>/cluster; Ctrl-C stops it all.

S3PROXY_VERSION=2.6.0
S3PROXY_HOME="$CACHE_DIR/s3proxy-$S3PROXY_VERSION"
# development credentials of the local S3 server (like the demo logins: for this machine only)
CLUSTER_S3_BUCKET=delineo
CLUSTER_S3_ACCESS_KEY=delineo
CLUSTER_S3_SECRET_KEY=delineo-dev-secret

ensure_haproxy() {
  command -v haproxy >/dev/null && return
  say "installing haproxy (Debian package)…"
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends haproxy > /dev/null \
    || die "could not install haproxy"
}

fetch_s3proxy() {
  [ -f "$S3PROXY_HOME/s3proxy-$S3PROXY_VERSION.jar" ] && return
  say "fetching s3proxy $S3PROXY_VERSION and its libraries from Maven Central (once; cached in $CACHE_DIR)…"
  (cd "$ROOT" && mvn -B -q -f deploy/s3proxy/pom.xml dependency:copy-dependencies -DoutputDirectory="$S3PROXY_HOME") \
    || die "could not fetch org.gaul:s3proxy:$S3PROXY_VERSION"
}

# s3proxy over a folder (jclouds' filesystem blob store), then the bucket, created through the S3 API itself
start_s3proxy() { # port data-dir log
  local port=$1 dir=$2 log=$3
  mkdir -p "$dir/blobs"
  # objects are plain files under blobs/<bucket>/<key>
  cat > "$dir/s3proxy.properties" <<EOF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$CLUSTER_S3_ACCESS_KEY
s3proxy.credential=$CLUSTER_S3_SECRET_KEY
jclouds.provider=filesystem-nio2
jclouds.identity=$CLUSTER_S3_ACCESS_KEY
jclouds.credential=$CLUSTER_S3_SECRET_KEY
jclouds.filesystem.basedir=$dir/blobs
EOF
  # without a configuration logback logs every request at DEBUG
  cat > "$dir/logback.xml" <<'EOF'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss} %-5level [%logger{0}] %msg%n</pattern></encoder>
  </appender>
  <root level="INFO"><appender-ref ref="out"/></root>
  <logger name="org.gaul.shaded" level="WARN"/>
</configuration>
EOF
  java -Dlogback.configurationFile="$dir/logback.xml" -cp "$S3PROXY_HOME/*" org.gaul.s3proxy.Main \
    --properties "$dir/s3proxy.properties" > "$log" 2>&1 < /dev/null &
  CHILD_PIDS+=($!)
  local pid=$! start=$SECONDS
  # any HTTP answer (403 without credentials) means it listens
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/")" != 000 ]; do
    kill -0 "$pid" 2>/dev/null || { tail -n 20 "$log" >&2; die "s3proxy exited during start-up; log: $log"; }
    (( SECONDS - start > 120 )) && die "s3proxy did not answer on port $port within 120 s; log: $log"
    sleep 0.3
  done
  local status
  # SigV4 as S3 wants it: the hash of the (empty) body in x-amz-content-sha256
  status=$(curl -s -o "$dir/create-bucket.xml" -w '%{http_code}' -X PUT \
    --aws-sigv4 "aws:amz:us-east-1:s3" --user "$CLUSTER_S3_ACCESS_KEY:$CLUSTER_S3_SECRET_KEY" \
    -H "x-amz-content-sha256: $(printf '' | sha256sum | cut -d' ' -f1)" \
    "http://127.0.0.1:$port/$CLUSTER_S3_BUCKET")
  case $status in
    200) ;;
    409) grep -q BucketAlreadyOwnedByYou "$dir/create-bucket.xml" \
           || die "bucket $CLUSTER_S3_BUCKET: $(cat "$dir/create-bucket.xml")" ;;
    *) die "s3proxy refused to create bucket $CLUSTER_S3_BUCKET (HTTP $status): $(cat "$dir/create-bucket.xml")" ;;
  esac
}

# the environment a replica needs to use the cluster's S3 bucket (the storage configuration contract)
s3_env() { # s3-port
  printf '%s\n' DELINEO_STORAGE=s3 "DELINEO_S3_ENDPOINT=http://127.0.0.1:$1" "DELINEO_S3_BUCKET=$CLUSTER_S3_BUCKET" \
    DELINEO_S3_REGION=us-east-1 "DELINEO_S3_ACCESS_KEY=$CLUSTER_S3_ACCESS_KEY" \
    "DELINEO_S3_SECRET_KEY=$CLUSTER_S3_SECRET_KEY" DELINEO_S3_PATH_STYLE=true
}

# haproxy.cfg: round robin, keep-alive to clients and replicas, health checks on the readiness path, and
# timeouts that let a multi-GB STOW upload or a whole-series WADO download run for minutes
write_haproxy_config() { # file bind-addr port replica-port…
  local file=$1 bind=$2 port=$3
  shift 3
  {
    cat <<EOF
global
    maxconn 4096

defaults
    mode http
    option http-keep-alive
    option forwardfor
    # a replica that refuses the connection or closes it without an answer (stopped, killed, restarting) is
    # skipped: the request is sent again to the next one. A STOW sent twice stores once (content-addressed).
    option redispatch
    retries 2
    retry-on conn-failure empty-response response-timeout
    timeout connect 5s
    timeout http-request 30s
    timeout http-keep-alive 30s
    timeout queue 60s
    timeout client 15m
    timeout server 15m

frontend portal
    bind $bind:$port
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk GET $HEALTH_PATH
    http-check expect status 200
    default-server inter 2s fall 2 rise 2
EOF
    local i=1 p
    for p in "$@"; do
      echo "    server replica-$i 127.0.0.1:$p check"
      i=$((i + 1))
    done
  } > "$file"
  haproxy -c -q -f "$file" || die "generated haproxy configuration $file does not validate"
}

start_haproxy() { # config log port
  haproxy -db -f "$1" > "$2" 2>&1 < /dev/null &
  CHILD_PIDS+=($!)
  wait_for_url "http://127.0.0.1:$3$HEALTH_PATH" 60 "$!" haproxy "$2"
}

# starts N replicas side by side, then waits for each to be ready
start_replicas() { # first-port count db-port kc-port data-root storage [extra env…]
  local first=$1 count=$2 db=$3 kc=$4 root=$5 storage=$6 i port dir pids=() env=()
  shift 6
  if [ "$storage" = s3 ]; then
    mapfile -t env < <(s3_env "$CLUSTER_S3_PORT")
  else
    env=(DELINEO_STORAGE=local)
  fi
  # the embedded PostgreSQL allows 200 connections; Keycloak and a plain ./delineo up portal need the rest
  local pool=$(( 120 / count ))
  (( pool > 32 )) && pool=32
  (( pool < 4 )) && pool=4
  # one audit chain, one key: every replica signs with the same key (each data folder would otherwise generate its own)
  local key_file="$root/audit-key.txt"
  if [ -z "${DELINEO_AUDIT_KEY:-}" ] && [ ! -s "$key_file" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 > "$key_file")
  fi
  env+=("DELINEO_AUDIT_KEY=${DELINEO_AUDIT_KEY:-$(cat "$key_file")}")
  env+=("QUARKUS_DATASOURCE_JDBC_MAX_SIZE=$pool" "$@")
  for (( i=1; i<=count; i++ )); do
    port=$((first + i - 1))
    # with S3 every replica has its own local folder (nothing in it is shared); with local storage they share one
    if [ "$storage" = s3 ]; then dir="$root/replica-$i"; else dir="$root/shared"; fi
    mkdir -p "$dir"
    # the name its job items record as run_by (study_job_item)
    launch_portal "$port" "$db" "$kc" "$dir" "$root/logs/replica-$i.log" 127.0.0.1 "${env[@]}" \
      "DELINEO_JOBS_REPLICA_NAME=replica-$i"
    pids+=($!)
  done
  REPLICA_PIDS=("${pids[@]}")
  # replicas start side by side and migrate in turns: on a busy machine this takes longer than one portal
  for (( i=1; i<=count; i++ )); do
    wait_for_url "http://localhost:$((first + i - 1))$HEALTH_PATH" "${DELINEO_START_TIMEOUT:-600}" \
      "${pids[$((i - 1))]}" "Replica $i" "$root/logs/replica-$i.log"
  done
}

# in the foreground until something needs all to stop: a shared service (PostgreSQL, Keycloak, s3proxy, haproxy)
# or the last replica; a single replica that stops is reported and haproxy sends its requests to the others
watch_cluster() { # log-dir
  local pid i reported=() alive
  while true; do
    alive=0
    for pid in "${CHILD_PIDS[@]}"; do
      if [[ " ${REPLICA_PIDS[*]} " == *" $pid "* ]]; then continue; fi
      if ! kill -0 "$pid" 2>/dev/null; then
        say "a shared component stopped unexpectedly; see $1. Stopping the rest."
        exit 1
      fi
    done
    for i in "${!REPLICA_PIDS[@]}"; do
      if kill -0 "${REPLICA_PIDS[$i]}" 2>/dev/null; then
        alive=$((alive + 1))
      elif [ -z "${reported[$i]:-}" ]; then
        say "replica $((i + 1)) stopped (see $1/replica-$((i + 1)).log); haproxy sends its requests to the others"
        reported[$i]=1
      fi
    done
    if (( alive == 0 )); then
      say "no replica is left; stopping the rest"
      exit 1
    fi
    sleep 2
  done
}

cmd_cluster() {
  [ "${1:-}" = up ] || die "usage: ./delineo cluster up [--replicas N] [--port P] [--bind ADDR] (see --help)"
  shift
  local replicas=2 port=${DELINEO_PORT:-8080} bind=127.0.0.1 kc=${DELINEO_KEYCLOAK_PORT:-8180}
  local db=${DELINEO_DB_PORT:-5433} s3=9000 data=${DELINEO_DATA_DIR:-$ROOT/data} storage=${DELINEO_STORAGE:-s3}
  while [ $# -gt 0 ]; do
    case $1 in
      --replicas) replicas=$2; shift 2 ;;
      --port) port=$2; shift 2 ;;
      --bind) bind=$2; shift 2 ;;
      --keycloak-port) kc=$2; shift 2 ;;
      --db-port) db=$2; shift 2 ;;
      --s3-port) s3=$2; shift 2 ;;
      --data-dir) data=$2; shift 2 ;;
      -h|--help) sed -n '3,9p' "$ROOT/scripts/cluster.sh" | sed 's/^# \{0,1\}//'; exit 0 ;;
      *) die "unknown option $1 (see ./delineo cluster up --help)" ;;
    esac
  done
  # 30 × 4 pooled connections still fit the embedded PostgreSQL (and a 2-core machine runs out far earlier)
  [[ $replicas =~ ^[1-9][0-9]?$ ]] && (( replicas <= 30 )) || die "--replicas must be a number from 1 to 30"
  case $storage in s3|local) ;; *) die "DELINEO_STORAGE must be s3 or local" ;; esac
  local i
  require_free_port "$port" haproxy --port
  require_free_port "$kc" Keycloak --keycloak-port
  require_free_port "$((kc + 820))" "Keycloak management" --keycloak-port
  require_free_port "$db" PostgreSQL --db-port
  [ "$storage" = s3 ] && require_free_port "$s3" s3proxy --s3-port
  for (( i=1; i<=replicas; i++ )); do require_free_port "$((port + i))" "replica $i" --port; done
  mkdir -p "$data/cluster/logs"
  local root
  root=$(cd "$data/cluster" && pwd)
  # the browser reaches the portal (and Keycloak sends it back) at haproxy's address
  local host=localhost
  case $bind in 0.0.0.0|127.0.0.1|localhost|::) ;; *) host=$bind ;; esac

  ensure_haproxy
  build_portal
  fetch_keycloak
  [ "$storage" = s3 ] && fetch_s3proxy
  trap 'stop_children; exit 130' INT
  trap 'stop_children; exit 143' TERM
  trap 'stop_children' EXIT
  say "starting PostgreSQL on port $db (data: $root/postgres)…"
  start_postgres "$db" "$root/postgres" "$root/logs/postgres.log"
  CLUSTER_S3_PORT=$s3
  if [ "$storage" = s3 ]; then
    say "starting s3proxy on port $s3 (bucket $CLUSTER_S3_BUCKET; objects in $root/s3/blobs)…"
    start_s3proxy "$s3" "$root/s3" "$root/logs/s3proxy.log"
  fi
  say "starting Keycloak on port $kc…"
  start_keycloak "$kc" "$db" "$root/logs/keycloak.log"
  allow_portal_origin "$kc" "$port" "$host"
  say "starting $replicas portal replicas on ports $((port + 1))–$((port + replicas)) (storage: $storage)…"
  start_replicas "$((port + 1))" "$replicas" "$db" "$kc" "$root" "$storage"
  local replica_ports=()
  for (( i=1; i<=replicas; i++ )); do replica_ports+=($((port + i))); done
  write_haproxy_config "$root/haproxy.cfg" "$bind" "$port" "${replica_ports[@]}"
  say "starting haproxy on $bind:$port…"
  start_haproxy "$root/haproxy.cfg" "$root/logs/haproxy.log" "$port"
  cat <<EOF

  Delineo cluster is running:  http://$host:$port/   (haproxy, round robin over $replicas replicas)

  Demo logins (development only; each password is the user name):
    reader1, reader2, reader3   readers    pi   principal investigator    board   tumour board    admin
  Keycloak admin console:  http://localhost:$kc/admin/  ($KC_ADMIN_USER / $KC_ADMIN_PASSWORD)
  Replicas:  $(printf 'http://localhost:%s/ ' "${replica_ports[@]}")
EOF
  [ "$storage" = s3 ] && echo "  S3:        http://127.0.0.1:$s3/$CLUSTER_S3_BUCKET  ($CLUSTER_S3_ACCESS_KEY / $CLUSTER_S3_SECRET_KEY)"
  cat <<EOF

  Data:  $root   (postgres/, $([ "$storage" = s3 ] && echo "s3/blobs/, replica-N/" || echo "shared/"))
  Logs:  $root/logs/{haproxy,replica-N,keycloak,postgres,s3proxy}.log
  Stop with Ctrl-C.

EOF
  watch_cluster "$root/logs"
}

# ---------------------------------------------------------------------------------------------------
# multi-process test (a step of ./delineo test): two replicas on the test stack's PostgreSQL and Keycloak and
# one s3proxy, haproxy in front; store through replica 1, read through replica 2 and through haproxy, start a
# radiomics feature job on the LIDC demo study through replica 1, kill -9 replica 1 while the job has cases left,
# read through haproxy again and follow the job through replica 2 to DONE (every case item succeeded, one result
# per ROI: nothing lost or duplicated).
cluster_test() { # first-free-port db-port kc-port run-dir
  local first=$1 db=$2 kc=$3 run=$4 storage=${DELINEO_CLUSTER_TEST_STORAGE:-s3}
  local lb=$first s3=$((first + 1)) r1=$((first + 2)) r2=$((first + 3)) root="$run/cluster"
  for p in "$lb" "$s3" "$r1" "$r2"; do require_free_port "$p" "cluster test" DELINEO_CLUSTER_TEST_PORT; done
  mkdir -p "$root/logs"
  # every portal runs job items: with the test stack's portal stopped (its tests are done), the two replicas are
  # the only ones left to run the job's cases
  if [ -n "${STACK_PORTAL_PID:-}" ] && kill -0 "$STACK_PORTAL_PID" 2>/dev/null; then
    say "cluster test: stopping the test stack's portal, so that only the replicas run job items…"
    kill -TERM "$STACK_PORTAL_PID"
    local _
    for _ in $(seq 1 60); do kill -0 "$STACK_PORTAL_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$STACK_PORTAL_PID" 2>/dev/null && die "the test stack's portal did not stop within 30 s"
  fi
  CLUSTER_S3_PORT=$s3
  if [ "$storage" = s3 ]; then
    fetch_s3proxy
    start_s3proxy "$s3" "$root/s3" "$root/logs/s3proxy.log"
    # the replicas run feature items of the demo studies, whose images the test stack's portal keeps on local disk
    say "cluster test: copying the test stack's file store to the bucket…"
    env $(s3_env "$s3") java -cp "$APP_DIR/app/*:$APP_DIR/lib/main/*" io.delineo.storage.StorageMigrateCommand \
      --data-dir "$run" --to-s3 > "$root/logs/storage-migrate.log" 2>&1 \
      || { tail -n 20 "$root/logs/storage-migrate.log" >&2; die "could not copy the test stack's files to s3proxy"; }
  else
    # the replicas share one folder: a copy of the test stack's files (without its database and logs)
    mkdir -p "$root/shared"
    local f
    for f in "$run"/*; do
      case ${f##*/} in postgres|logs|cluster) ;; *) cp -a "$f" "$root/shared/" ;; esac
    done
  fi
  say "cluster test: two replicas (storage: $storage) on ports $r1 and $r2, haproxy on $lb…"
  # the test stack's portal has loaded the demo data into this database already. One job thread each, so the job's
  # cases spread over the replicas; a 1 s heartbeat, so the case of the killed replica is revived within seconds
  start_replicas "$r1" 2 "$db" "$kc" "$root" "$storage" DELINEO_DEMO_DATA= DELINEO_JOBS_THREADS=1 \
    DELINEO_JOBS_HEARTBEAT_INTERVAL=1S
  local replica1_pid=${REPLICA_PIDS[0]}
  write_haproxy_config "$root/haproxy.cfg" 127.0.0.1 "$lb" "$r1" "$r2"
  start_haproxy "$root/haproxy.cfg" "$root/logs/haproxy.log" "$lb"
  /usr/bin/python3 "$ROOT/scripts/cluster_check.py" --keycloak "http://localhost:$kc/realms/delineo" \
    --dicom "$ROOT/backend/demo-data/pancreatic-ct" --write "http://localhost:$r1" --read "http://localhost:$r2" \
    --balancer "http://localhost:$lb" --kill-pid "$replica1_pid" --s3-dir "$root/s3/blobs" --storage "$storage" --db-port "$db"
}
