/** Where the stack under test runs; `./delineo test` sets these. */
function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the browser tests through ./delineo test`);
  return value;
}

export const env = {
  get baseUrl() {
    return required('DELINEO_E2E_BASE_URL');
  },
  get keycloakUrl() {
    return required('DELINEO_E2E_KEYCLOAK_URL');
  },
  get dbPort() {
    return required('DELINEO_E2E_DB_PORT');
  },
  get portalJar() {
    return required('DELINEO_E2E_PORTAL_JAR');
  },
  get demoData() {
    return required('DELINEO_E2E_DEMO_DATA');
  },
  get runDir() {
    return required('DELINEO_E2E_RUN_DIR');
  },
};
