# Shared by the benchmark scripts: build once, start the packaged service on a fresh embedded PostgreSQL.
PORT=${PORT:-8089}
DATA=${DATA:-target/bench-data}
ADMIN_PASSWORD=bench-admin-password

build() {
  mvn -B -q package -DskipTests
  mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
}

start_service() {
  rm -rf "$DATA"
  # the per-address limit on submissions would stop a load generator on one address
  VERTELPUNT_DATA_DIR="$DATA" VERTELPUNT_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_PORT=$PORT VERTELPUNT_RATE_LIMIT_ENABLED=false \
    java -jar target/quarkus-app/quarkus-run.jar > target/bench-service.log 2>&1 &
  SERVICE=$!
  trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" > /dev/null && return 0
    sleep 0.5
  done
  echo "the service did not become ready; see target/bench-service.log" >&2
  exit 1
}

run_main() {
  java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" "$@"
}

machine() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1)"
}
