#!/bin/bash
# Runs once, when the postgres container initialises an empty data volume (/docker-entrypoint-initdb.d), as the
# superuser POSTGRES_USER. It creates the logins the services use, so that no service ever connects as a login that
# can rewrite history (README, "Running with Docker"):
#   ledger_owner        owns the event store (schema event_store); command-service runs its migrations with it
#   ledger_query_owner  owns the read side (schema query_model); query-service runs its migrations with it
#   ledger_app          command-service's runtime login: reads and appends events, never updates or deletes them
#   ledger_reader       query-service's runtime login: reads the events, writes only query_model
# The grants on the tables come from the migrations (Flyway placeholders runtime_role and reader_role).
set -euo pipefail

for variable in DATABASE_OWNER_PASSWORD DATABASE_QUERY_OWNER_PASSWORD DATABASE_RUNTIME_PASSWORD DATABASE_READER_PASSWORD; do
    if [ -z "${!variable:-}" ]; then
        echo "create-logins.sh: $variable is not set (see .env.example)" >&2
        exit 1
    fi
done

# The passwords travel as psql variables and are quoted by psql (:'name'), never pasted into the SQL text.
psql --no-psqlrc --set ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set database="$POSTGRES_DB" \
    --set owner_password="$DATABASE_OWNER_PASSWORD" \
    --set query_owner_password="$DATABASE_QUERY_OWNER_PASSWORD" \
    --set runtime_password="$DATABASE_RUNTIME_PASSWORD" \
    --set reader_password="$DATABASE_READER_PASSWORD" <<'SQL'
-- NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB are the defaults; spelled out because the services refuse to start
-- as a superuser or a login with BYPASSRLS.
CREATE ROLE ledger_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :'owner_password';
CREATE ROLE ledger_query_owner LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :'query_owner_password';
CREATE ROLE ledger_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :'runtime_password';
CREATE ROLE ledger_reader LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE NOCREATEDB PASSWORD :'reader_password';

-- The owners create their schemas (Flyway does, at the first start). PostgreSQL 17 lets no one else create a schema
-- in the database, nor anything in schema public.
GRANT CREATE ON DATABASE :"database" TO ledger_owner, ledger_query_owner;
SQL
