-- docker-compose only: the portal's login (development credentials). It owns nothing; the migrations, run as the
-- owner delineo, grant it ordinary rights and, on audit_event, only SELECT and INSERT.
-- A volume created before this file existed: docker compose exec postgres psql -U delineo -c
--   "CREATE ROLE delineo_app LOGIN PASSWORD 'delineo_app'"
CREATE ROLE delineo_app LOGIN PASSWORD 'delineo_app';
