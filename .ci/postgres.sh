#!/usr/bin/env bash
# Install (if missing) and start Debian's PostgreSQL on the loopback interface for the storage tests,
# then print the URL to export as BACKCARE_TEST_POSTGRES_URL. Idempotent: safe to run repeatedly.
# Progress goes to standard error; standard output carries only the URL.
#
#   export BACKCARE_TEST_POSTGRES_URL="$(bash .ci/postgres.sh)"
set -euo pipefail

DB_NAME="${BACKCARE_PG_DATABASE:-backcare_test}"
DB_PASSWORD="${BACKCARE_PG_PASSWORD:-postgres}"

log() { echo "postgres.sh: $*" >&2; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
        log "must run as root (or with sudo) to install and start PostgreSQL"; exit 1
    fi
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
    log "installing Debian's postgresql package"
    $SUDO apt-get update -qq >&2
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi

VERSION="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if [ -z "$VERSION" ]; then log "no PostgreSQL server found under /usr/lib/postgresql"; exit 1; fi
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$VERSION main"; then
    log "creating cluster $VERSION/main"
    $SUDO pg_createcluster "$VERSION" main >&2
fi

# Listen on loopback only, whatever the cluster's configuration said.
CONF="/etc/postgresql/$VERSION/main/postgresql.conf"
if ! grep -qE "^listen_addresses *= *'127.0.0.1'" "$CONF"; then
    echo "listen_addresses = '127.0.0.1'" | $SUDO tee -a "$CONF" >/dev/null
    if pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}' | grep -q online; then
        $SUDO pg_ctlcluster --skip-systemctl-redirect "$VERSION" main restart >&2
    fi
fi

PORT="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $3}')"
STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" '$1==v && $2=="main" {print $4}')"
if [ "$STATUS" != "online" ]; then
    log "starting cluster $VERSION/main on 127.0.0.1:$PORT"
    $SUDO pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start >&2
fi

for _ in $(seq 1 60); do
    if pg_isready -q -h 127.0.0.1 -p "$PORT"; then break; fi
    sleep 0.5
done
if ! pg_isready -q -h 127.0.0.1 -p "$PORT"; then log "PostgreSQL did not become ready on 127.0.0.1:$PORT"; exit 1; fi

psql_admin() { $SUDO su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 -p $PORT $*"; }
psql_admin "-c \"ALTER ROLE postgres PASSWORD '$DB_PASSWORD'\"" >&2
if ! psql_admin "-tAc \"SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'\"" | grep -q 1; then
    log "creating database $DB_NAME"
    psql_admin "-c \"CREATE DATABASE $DB_NAME\"" >&2
fi

echo "postgresql+psycopg://postgres:${DB_PASSWORD}@127.0.0.1:${PORT}/${DB_NAME}"
