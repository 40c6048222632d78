-- The runtime role (spring.datasource.username) works the read side; the migration role owns it. Reading the
-- events needs the grants command-service's migration gives its reader role.
GRANT USAGE ON SCHEMA query_model TO "${runtime_role}";
GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON ALL TABLES IN SCHEMA query_model TO "${runtime_role}";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA query_model TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA query_model
    GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO "${runtime_role}";
ALTER DEFAULT PRIVILEGES IN SCHEMA query_model GRANT USAGE, SELECT ON SEQUENCES TO "${runtime_role}";
