#!/bin/sh
# Start a local PostgreSQL for the ledger's tests and print its DSN (postgresql://…).
#
# Installs nothing: it expects Debian's `postgresql` package (pg_createcluster, pg_ctlcluster).
# Idempotent: creates the cluster, role and database only when missing, starts the server only
# when it is down. Safe to run as root: the server runs as the `postgres` system user.
# Environment: CLAIMLEDGER_PG_PORT (default 5432), CLAIMLEDGER_PG_DB (default claimledger).
set -eu

PORT="${CLAIMLEDGER_PG_PORT:-5432}"
DB="${CLAIMLEDGER_PG_DB:-claimledger}"
ROLE="claimledger"
PASSWORD="claimledger"

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "start-postgres: Debian's postgresql package is not installed (apt-get install postgresql)" >&2
  exit 1
fi

VERSION="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
CLUSTER="main"

# A PID names a live process when it exists and is not a zombie waiting to be reaped.
alive() {
  [ -r "/proc/$1/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status"
}

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/sh -c "$*"
  else
    sh -c "$*"
  fi
}

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$VERSION $CLUSTER"; then
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >/dev/null
fi
PORT="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $3}')"

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}' | grep -q online; then
  # A server killed uncleanly (a container snapshot, kill -9) leaves its socket lock behind, and
  # pg_ctl refuses to start while it exists; drop it when the PID it names is gone.
  LOCK="/var/run/postgresql/.s.PGSQL.$PORT.lock"
  if [ -f "$LOCK" ] && ! alive "$(head -n 1 "$LOCK")"; then
    rm -f "$LOCK" "/var/run/postgresql/.s.PGSQL.$PORT"
  fi
  mkdir -p /var/run/postgresql 2>/dev/null && chown postgres:postgres /var/run/postgresql 2>/dev/null || true
  # Only the DSN may reach stdout: pg_ctlcluster prints notes ("Removed stale pid file.") that
  # would end up in the caller's $(...), and the server must not hold the caller's pipe open.
  pg_ctlcluster "$VERSION" "$CLUSTER" start </dev/null >&2
fi

# Wait until it accepts connections (at most ~30 s).
i=0
until as_postgres "psql -p $PORT -h /var/run/postgresql -Atqc 'select 1'" >/dev/null 2>&1; do
  i=$((i + 1))
  if [ "$i" -gt 60 ]; then
    echo "start-postgres: the server did not come up on port $PORT" >&2
    exit 1
  fi
  sleep 0.5
done

as_postgres "psql -p $PORT -h /var/run/postgresql -Atqc \"select 1 from pg_roles where rolname='$ROLE'\"" | grep -q 1 \
  || as_postgres "psql -p $PORT -h /var/run/postgresql -qc \"create role $ROLE login password '$PASSWORD' createdb\""
as_postgres "psql -p $PORT -h /var/run/postgresql -Atqc \"select 1 from pg_database where datname='$DB'\"" | grep -q 1 \
  || as_postgres "createdb -p $PORT -h /var/run/postgresql -O $ROLE $DB"

echo "postgresql://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
