// Contour save latency under N concurrent simulated readers (issue: reader studies / contour storage).
//
//   node bench/contours/save-latency.mjs --portal http://localhost:28080 --keycloak http://localhost:28180 \
//        [--readers 20] [--saves 40] [--think 0]
//
// Needs a running stack (./delineo up --port 28080 --keycloak-port 28180 --db-port 25433 --data-dir /tmp/bench-data)
// with the demo CT loaded. It uses the Keycloak master admin (kcadmin/kcadmin, development only) to create the
// simulated readers reader-sim-01.. and a public password-grant client `delineo-bench`, both only in that stack.
// Each reader autosaves a realistic read (one lesion, 12 contours of 64 points on real slices) with If-Match, one save
// after another, all readers at once; the script reports p50 / p95 / max of the PUT round trip.

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const PORTAL = arg('portal', 'http://localhost:28080');
const KC = arg('keycloak', 'http://localhost:28180');
const READERS = Number(arg('readers', 20));
const SAVES = Number(arg('saves', 40));
// pause between one reader's saves (ms); 0 = back to back (stress); the viewer autosaves 1.5 s after the last edit
const THINK = Number(arg('think', 0));

async function json(url, init = {}) {
  const r = await fetch(url, init);
  if (!r.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${r.status} ${await r.text()}`);
  return r.status === 204 || r.status === 201 && !r.headers.get('content-type') ? null : r.json();
}

async function adminToken() {
  const body = new URLSearchParams({ grant_type: 'password', client_id: 'admin-cli', username: 'kcadmin', password: 'kcadmin' });
  return (await json(`${KC}/realms/master/protocol/openid-connect/token`, { method: 'POST', body })).access_token;
}

async function ensureSetup(admin) {
  const h = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };
  const clients = await json(`${KC}/admin/realms/delineo/clients?clientId=delineo-bench`, { headers: h });
  if (clients.length === 0) {
    await fetch(`${KC}/admin/realms/delineo/clients`, { method: 'POST', headers: h, body: JSON.stringify({
      clientId: 'delineo-bench', publicClient: true, directAccessGrantsEnabled: true, standardFlowEnabled: false,
      protocolMappers: [{ name: 'aud', protocol: 'openid-connect', protocolMapper: 'oidc-audience-mapper',
        config: { 'included.client.audience': 'delineo-api', 'access.token.claim': 'true' } }] }) });
  }
  // parallel password grants on a busy machine can trip Keycloak's brute-force detection: start clean
  await fetch(`${KC}/admin/realms/delineo/attack-detection/brute-force/users`, { method: 'DELETE', headers: h });
  const role = await json(`${KC}/admin/realms/delineo/roles/reader`, { headers: h });
  for (let n = 1; n <= READERS; n++) {
    const name = `reader-sim-${String(n).padStart(2, '0')}`;
    const found = await json(`${KC}/admin/realms/delineo/users?username=${name}&exact=true`, { headers: h });
    if (found.length > 0) continue;
    await fetch(`${KC}/admin/realms/delineo/users`, { method: 'POST', headers: h, body: JSON.stringify({
      username: name, enabled: true, emailVerified: true, firstName: 'Sim', lastName: `Reader ${n}`,
      email: `${name}@delineo.example`, credentials: [{ type: 'password', value: name, temporary: false }] }) });
    const [user] = await json(`${KC}/admin/realms/delineo/users?username=${name}&exact=true`, { headers: h });
    await fetch(`${KC}/admin/realms/delineo/users/${user.id}/role-mappings/realm`, { method: 'POST', headers: h,
      body: JSON.stringify([role]) });
  }
}

async function token(user, password = user) {
  const body = new URLSearchParams({ grant_type: 'password', client_id: 'delineo-bench', username: user, password });
  return (await json(`${KC}/realms/delineo/protocol/openid-connect/token`, { method: 'POST', body })).access_token;
}

const api = (t) => (path, init = {}) => json(PORTAL + path, { ...init,
  headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers } });

function patient(meta, col, row) {
  const v = (tag) => meta[tag].Value.map(Number);
  const ipp = v('00200032'), iop = v('00200037'), ps = v('00280030');
  return [0, 1, 2].map((a) => ipp[a] + col * ps[1] * iop[a] + row * ps[0] * iop[3 + a]);
}

function read(metas) {
  const contours = metas.slice(30, 42).map((m, s) => ({
    sopInstanceUid: m['00080018'].Value[0],
    points: Array.from({ length: 64 }, (_, i) => {
      const a = (2 * Math.PI * i) / 64, r = 18 + 4 * Math.sin(s);
      return patient(m, 300 + r * Math.cos(a), 260 + r * Math.sin(a));
    }),
  }));
  return { lesions: [{ id: 'bench-lesion', label: 'primary tumour', contours }] };
}

const percentile = (xs, p) => xs[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];

async function main() {
  const admin = await adminToken();
  await ensureSetup(admin);
  const pi = api(await token('pi'));
  const [study] = await pi('/dicom-web/studies?PatientID=Pancreas-CT-CB_001');
  const studyUid = study['0020000D'].Value[0];
  const [series] = await pi(`/dicom-web/studies/${studyUid}/series`);
  const seriesUid = series['0020000E'].Value[0];
  const metas = (await pi(`/dicom-web/studies/${studyUid}/series/${seriesUid}/metadata`))
    .sort((a, b) => a['00200032'].Value[2] - b['00200032'].Value[2]);
  const readers = Array.from({ length: READERS }, (_, n) => `reader-sim-${String(n + 1).padStart(2, '0')}`);
  const s = await pi('/api/reader-studies', { method: 'POST', body: JSON.stringify({ name: `bench ${Date.now()}`,
    lesionLabels: ['primary tumour'], phases: ['CT_PORTAL_VENOUS'], readers }) });
  const c = await pi(`/api/reader-studies/${s.id}/cases`, { method: 'POST',
    body: JSON.stringify({ studyInstanceUid: studyUid, series: { CT_PORTAL_VENOUS: seriesUid } }) });
  await pi(`/api/reader-studies/${s.id}/status`, { method: 'POST', body: JSON.stringify({ status: 'OPEN' }) });
  const body = JSON.stringify(read(metas));
  console.log(`case ${c.id}: ${READERS} readers × ${SAVES} saves, think ${THINK} ms, body ${(body.length / 1024).toFixed(1)} KiB`);

  const tokens = [];
  for (const r of readers) tokens.push(await token(r)); // one at a time: each grant hashes a password
  const latencies = [];
  const started = performance.now();
  await Promise.all(tokens.map(async (t) => {
    let version = 0;
    for (let n = 0; n < SAVES; n++) {
      const t0 = performance.now();
      const r = await fetch(`${PORTAL}/api/cases/${c.id}/my-read`, { method: 'PUT', body,
        headers: { Authorization: `Bearer ${t}`, 'Content-Type': 'application/json', 'If-Match': `"${version}"` } });
      if (!r.ok) throw new Error(`save failed: ${r.status} ${await r.text()}`);
      version = Number(JSON.parse(r.headers.get('etag')));
      await r.arrayBuffer(); // consume the body so the connection is reused
      latencies.push(performance.now() - t0);
      if (THINK > 0) await new Promise((done) => setTimeout(done, THINK * (0.5 + Math.random())));
    }
  }));
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(`saves: ${latencies.length} in ${wall.toFixed(1)} s (${(latencies.length / wall).toFixed(0)}/s)`);
  console.log(`latency ms: p50 ${percentile(latencies, 50).toFixed(1)}  p95 ${percentile(latencies, 95).toFixed(1)}  `
    + `max ${latencies[latencies.length - 1].toFixed(1)}`);
}

main().catch((e) => { console.error(e.message); process.exit(1); });
