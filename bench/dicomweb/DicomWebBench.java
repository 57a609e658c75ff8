import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DICOMweb benchmark: Delineo's portal against Orthanc + DICOMweb plugin, same data, same run, interleaved.
 * Dependency-free (JDK 17 java.net.http), run with the single-file launcher:
 *
 * <pre>
 * java bench/dicomweb/DicomWebBench.java --delineo http://localhost:28080 --keycloak http://localhost:28180 \
 *      --orthanc http://localhost:28042 --demo backend/demo-data/pancreatic-ct --sets /tmp/bench-dw/sets \
 *      --reps 3 --out bench/dicomweb/results/raw.tsv
 * </pre>
 *
 * Every measurement is repeated {@code --reps} times after one warm-up round; the raw values of every repetition go
 * to {@code --out} (TSV) and the medians are printed as a Markdown table. STOW uses sets of UID-rewritten copies
 * written by make_stow_sets.py (one fresh set per server and measurement, so every upload stores new objects).
 */
public class DicomWebBench {
    static final String FRAME_ACCEPT = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";
    static final String DICOM_ACCEPT = "multipart/related; type=\"application/dicom\"; transfer-syntax=*";
    static final String QIDO_ACCEPT = "application/dicom+json";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        Bench b = new Bench(opt);
        b.run();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("reps", "3", "frame-passes", "4", "series-fetches", "3",
                "qido-requests", "200", "qido-warmup", "50", "only", "stow,wado,qido", "servers", "delineo,orthanc"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("bad argument " + args[i]);
            opt.put(args[i].substring(2), args[++i]);
        }
        for (String required : List.of("delineo", "keycloak", "orthanc", "demo", "sets", "out")) {
            if (!opt.containsKey(required)) throw new IllegalArgumentException("missing --" + required);
        }
        return opt;
    }
}

/** One DICOMweb server as seen by the bench: base URL and how requests are authorised. */
final class Server {
    final String name;
    final String base;
    private final Tokens tokens;
    /** CPU time of the server's processes; null when their pids were not given */
    final CpuMeter cpu;

    Server(String name, String base, Tokens tokens, CpuMeter cpu) {
        this.name = name;
        this.base = base.replaceAll("/$", "");
        this.tokens = tokens;
        this.cpu = cpu;
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5));
        if (tokens != null) r.header("Authorization", "Bearer " + tokens.current());
        return r;
    }

    /** Refreshes the token between measurements so no refresh falls inside a timed section. */
    void freshen() throws Exception {
        if (tokens != null) tokens.refreshIfOlderThan(Duration.ofSeconds(120));
    }
}

/** Keycloak client-credentials tokens for the delineo-cli service account. */
final class Tokens {
    private final HttpClient http;
    private final String tokenUrl;
    private final String clientId;
    private final String secret;
    private volatile String token;
    private volatile long fetchedAt;

    Tokens(HttpClient http, String keycloak, String clientId, String secret) {
        this.http = http;
        this.tokenUrl = keycloak.replaceAll("/$", "") + "/realms/delineo/protocol/openid-connect/token";
        this.clientId = clientId;
        this.secret = secret;
    }

    String current() {
        if (token == null) throw new IllegalStateException("no token yet");
        return token;
    }

    void refreshIfOlderThan(Duration age) throws Exception {
        if (token != null && System.nanoTime() - fetchedAt < age.toNanos()) return;
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("token request to " + tokenUrl + " failed: " + r.statusCode() + " " + r.body());
        }
        token = m.group(1);
        fetchedAt = System.nanoTime();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

/** Small statistics over measured values. */
final class Stats {
    private Stats() {
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) return Double.NaN;
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}

/** Runs tasks 0..n-1 on {@code clients} threads that each take the next task; returns the wall time in seconds. */
final class Load {
    interface Task {
        void run(int index) throws Exception;
    }

    private Load() {
    }

    static double run(int n, int clients, Task task) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < n) task.run(i);
                    return null;
                }));
            }
            for (Future<?> f : futures) f.get();
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }
}

/** The measurements. */
final class Bench {
    private final Map<String, String> opt;
    /** replaced before every measurement: Orthanc closes idle connections after 1 s (Keep-Alive: timeout=1), and
     *  a POST sent on such a connection fails, so no measurement starts on a pooled connection */
    private HttpClient http = newClient();
    private final Server delineo;
    private final Server orthanc;
    private final List<Path> demoFiles;
    private final int reps;
    private final PrintStream raw;
    /** (metric, server) -> one value per repetition */
    private final Map<String, List<Double>> results = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private int nextSet;

    Bench(Map<String, String> opt) throws IOException {
        this.opt = opt;
        Tokens tokens = new Tokens(newClient(), opt.get("keycloak"), opt.getOrDefault("client-id", "delineo-cli"),
                opt.getOrDefault("client-secret", "delineo-cli-dev-secret"));
        this.delineo = new Server("Delineo", opt.get("delineo"), tokens, CpuMeter.of(opt.get("delineo-pids")));
        this.orthanc = new Server("Orthanc", opt.get("orthanc"), null, CpuMeter.of(opt.get("orthanc-pids")));
        this.demoFiles = dicomFiles(Path.of(opt.get("demo")));
        this.reps = Integer.parseInt(opt.get("reps"));
        Path out = Path.of(opt.get("out"));
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        this.raw = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8);
        raw.println("section\tmetric\tserver\trepetition\tvalue\tunit\tloadavg");
    }

    void run() throws Exception {
        delineo.freshen();
        Series demo = demoSeries();
        ensureOrthancHasDemo(demo);
        log("demo series: study %s series %s, %d instances in both servers", demo.study, demo.series, demo.sops.size());
        List<String> only = Arrays.asList(opt.get("only").split(","));
        log("load before: %s", loadavg());
        if (only.contains("stow")) stow();
        if (only.contains("wado")) wado(demo);
        if (only.contains("qido")) qido(demo);
        log("load after: %s", loadavg());
        printTable();
        raw.close();
    }

    // ---------------------------------------------------------------------------------------------------------
    // STOW-RS

    private void stow() throws Exception {
        Path sets = Path.of(opt.get("sets"));
        for (int rep = 0; rep <= reps; rep++) {
            String[] modes = {"one per request, sequential", "one per request, 4 clients", "all parts in 1 request"};
            int[] clients = {1, 4, 0};
            for (int m = 0; m < modes.length; m++) {
                List<Path> dicomWebSet = dicomFiles(sets.resolve(String.format("set-%03d", nextSet++)));
                List<Path> nativeSet = clients[m] > 0 ? dicomFiles(sets.resolve(String.format("set-%03d", nextSet++))) : null;
                List<byte[]> bodies = read(dicomWebSet);
                List<Server> order = order(rep);
                for (Server s : order) {
                    prepare(s);
                    int c = clients[m];
                    Timed t = timed(s, () -> c > 0 ? stowEach(s, bodies, c) : stowOnce(s, bodies));
                    record("STOW", "STOW-RS " + modes[m], s.name, rep, bodies.size() / t.seconds, "instances/s");
                    recordCpu("STOW", "STOW-RS " + modes[m], s.name, rep, t.cpuMillis / bodies.size(), "instance");
                }
                if (nativeSet != null && order.contains(orthanc)) {
                    List<byte[]> nativeBodies = read(nativeSet);
                    prepare(orthanc);
                    int c = clients[m];
                    Timed t = timed(orthanc, () -> Load.run(nativeBodies.size(), c, i -> postNative(nativeBodies.get(i))));
                    record("STOW", "STOW-RS " + modes[m], NATIVE, rep, nativeBodies.size() / t.seconds, "instances/s");
                    recordCpu("STOW", "STOW-RS " + modes[m], NATIVE, rep, t.cpuMillis / nativeBodies.size(), "instance");
                }
            }
        }
    }

    private double stowEach(Server s, List<byte[]> bodies, int clients) throws Exception {
        List<Multipart> requests = bodies.stream().map(b -> Multipart.of(List.of(b))).toList();
        return Load.run(requests.size(), clients, i -> postStow(s, requests.get(i), 1));
    }

    private double stowOnce(Server s, List<byte[]> bodies) throws Exception {
        Multipart all = Multipart.of(bodies);
        long start = System.nanoTime();
        postStow(s, all, bodies.size());
        return (System.nanoTime() - start) / 1e9;
    }

    private void postStow(Server s, Multipart body, int expected) throws Exception {
        HttpResponse<String> r = http.send(s.request("/dicom-web/studies").header("Content-Type", body.contentType())
                .header("Accept", "application/dicom+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes)).build(), HttpResponse.BodyHandlers.ofString());
        // ReferencedSOPInstanceUID once per instance; FailureReason (0008,1197) only in failed items
        int listed = count(r.body(), "00081155");
        if (r.statusCode() != 200 || r.body().contains("00081197") || listed != expected) {
            throw new IllegalStateException(s.name + " STOW answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
    }

    private void postNative(byte[] dicom) throws Exception {
        HttpResponse<String> r = http.send(orthanc.request("/instances").header("Content-Type", "application/dicom")
                .POST(HttpRequest.BodyPublishers.ofByteArray(dicom)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.body().contains("\"Success\"")) {
            throw new IllegalStateException("Orthanc POST /instances answered " + r.statusCode() + ": " + abbreviate(r.body()));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // WADO-RS

    private void wado(Series demo) throws Exception {
        int passes = Integer.parseInt(opt.get("frame-passes"));
        int fetches = Integer.parseInt(opt.get("series-fetches"));
        for (int rep = 0; rep <= reps; rep++) {
            List<Server> order = order(rep);
            for (int clients : new int[]{1, 4, 8}) {
                for (Server s : order) {
                    prepare(s);
                    int n = passes * demo.sops.size();
                    int c = clients;
                    Timed t = timed(s, () -> Load.run(n, c, i -> getFrame(s, demo, demo.sops.get(i % demo.sops.size()))));
                    String metric = "WADO-RS frames/1 of all 79, " + clients + " client" + (clients > 1 ? "s" : "");
                    record("WADO", metric, s.name, rep, n / t.seconds, "frames/s");
                    recordCpu("WADO", metric, s.name, rep, t.cpuMillis / n, "frame");
                }
            }
            for (Server s : order) {
                prepare(s);
                AtomicLong bytes = new AtomicLong();
                Timed t = timed(s, () -> Load.run(fetches, 1, i -> bytes.addAndGet(getSeries(s, demo))));
                String metric = "WADO-RS whole series (79 instances), 1 client";
                record("WADO", metric, s.name, rep, bytes.get() / 1e6 / t.seconds, "MB/s");
                recordCpu("WADO", metric, s.name, rep, t.cpuMillis / (bytes.get() / 1e6), "MB");
            }
        }
    }

    private void getFrame(Server s, Series demo, String sop) throws Exception {
        String path = "/dicom-web/studies/" + demo.study + "/series/" + demo.series + "/instances/" + sop + "/frames/1";
        HttpResponse<byte[]> r = http.send(s.request(path).header("Accept", DicomWebBench.FRAME_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        // one 512x512x16-bit frame plus the multipart framing
        if (r.statusCode() != 200 || r.body().length < 512 * 512 * 2) {
            throw new IllegalStateException(s.name + " frame " + path + " answered " + r.statusCode() + ", "
                    + r.body().length + " bytes");
        }
    }

    private long getSeries(Server s, Series demo) throws Exception {
        String path = "/dicom-web/studies/" + demo.study + "/series/" + demo.series;
        HttpResponse<InputStream> r = http.send(s.request(path).header("Accept", DicomWebBench.DICOM_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long n;
        try (InputStream in = r.body()) {
            n = drain(in);
        }
        if (r.statusCode() != 200 || n < 79L * 512 * 512 * 2) {
            throw new IllegalStateException(s.name + " series retrieval answered " + r.statusCode() + ", " + n + " bytes");
        }
        return n;
    }

    // ---------------------------------------------------------------------------------------------------------
    // QIDO-RS

    private void qido(Series demo) throws Exception {
        int n = Integer.parseInt(opt.get("qido-requests"));
        int warmup = Integer.parseInt(opt.get("qido-warmup"));
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("QIDO studies?PatientID=" + demo.patientId, new String[]{"/dicom-web/studies?PatientID="
                + URLEncoder.encode(demo.patientId, StandardCharsets.UTF_8), "0020000D", "1"});
        queries.put("QIDO series of the study", new String[]{"/dicom-web/studies/" + demo.study + "/series",
                "0020000E", "1"});
        queries.put("QIDO instances of the series", new String[]{"/dicom-web/studies/" + demo.study + "/series/"
                + demo.series + "/instances", "00080018", String.valueOf(demo.sops.size())});
        for (int rep = 0; rep <= reps; rep++) {
            List<Server> order = order(rep);
            for (Map.Entry<String, String[]> q : queries.entrySet()) {
                for (Server s : order) {
                    prepare(s);
                    String[] spec = q.getValue();
                    int expected = Integer.parseInt(spec[2]);
                    for (int i = 0; i < (rep == 0 ? warmup : warmup / 5); i++) qidoOnce(s, spec[0], spec[1], expected);
                    List<Double> ms = new ArrayList<>();
                    Timed all = timed(s, () -> {
                        for (int i = 0; i < n; i++) {
                            long t0 = System.nanoTime();
                            qidoOnce(s, spec[0], spec[1], expected);
                            ms.add((System.nanoTime() - t0) / 1e6);
                        }
                        return 0.0;
                    });
                    recordCpu("QIDO", q.getKey(), s.name, rep, all.cpuMillis / n, "request");
                    record("QIDO", q.getKey() + " p50", s.name, rep, Stats.percentile(ms, 50), "ms");
                    record("QIDO", q.getKey() + " p95", s.name, rep, Stats.percentile(ms, 95), "ms");
                    record("QIDO", q.getKey() + " max", s.name, rep, Stats.max(ms), "ms");
                }
            }
        }
    }

    private String qidoOnce(Server s, String path, String countTag, int expected) throws Exception {
        HttpResponse<String> r = http.send(s.request(path).header("Accept", DicomWebBench.QIDO_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int found = count(r.body(), countTag);
        if (r.statusCode() != 200 || found != expected) {
            throw new IllegalStateException(s.name + " " + path + " answered " + r.statusCode() + " with " + found
                    + " results, expected " + expected + ": " + abbreviate(r.body()));
        }
        return r.body();
    }

    // ---------------------------------------------------------------------------------------------------------
    // set-up: the demo series must be in both servers with the same UIDs

    private record Series(String patientId, String study, String series, List<String> sops) {
    }

    private Series demoSeries() throws Exception {
        String patientId = opt.getOrDefault("patient-id", "Pancreas-CT-CB_001");
        String studies = qidoBody(delineo, "/dicom-web/studies?PatientID=" + URLEncoder.encode(patientId, StandardCharsets.UTF_8));
        String study = firstValue(studies, "0020000D");
        String series = firstValue(qidoBody(delineo, "/dicom-web/studies/" + study + "/series"), "0020000E");
        List<String> sops = values(qidoBody(delineo, "/dicom-web/studies/" + study + "/series/" + series
                + "/instances"), "00080018");
        if (sops.size() != demoFiles.size()) {
            throw new IllegalStateException("Delineo holds " + sops.size() + " demo instances, the demo folder "
                    + demoFiles.size() + "; did the portal load DELINEO_DEMO_DATA?");
        }
        return new Series(patientId, study, series, sops);
    }

    private void ensureOrthancHasDemo(Series demo) throws Exception {
        String path = "/dicom-web/studies/" + demo.study + "/series/" + demo.series + "/instances";
        HttpResponse<String> r = http.send(orthanc.request(path).header("Accept", DicomWebBench.QIDO_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && count(r.body(), "00080018") == demo.sops.size()) return;
        log("loading the demo series into Orthanc (POST /instances, not measured)");
        for (Path f : demoFiles) postNative(Files.readAllBytes(f));
    }

    private String qidoBody(Server s, String path) throws Exception {
        HttpResponse<String> r = http.send(s.request(path).header("Accept", DicomWebBench.QIDO_ACCEPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(s.name + " " + path + " answered " + r.statusCode());
        return r.body();
    }

    // ---------------------------------------------------------------------------------------------------------
    // helpers

    static final String NATIVE = "Orthanc native POST /instances";

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Before a measurement: a token that will not expire during it, and no pooled (possibly stale) connections. */
    private void prepare(Server s) throws Exception {
        s.freshen();
        http = newClient();
    }

    private record Timed(double seconds, double cpuMillis) {
    }

    /** Runs a measurement that returns its wall time in seconds, and meters the server's CPU time around it. */
    private static Timed timed(Server s, java.util.concurrent.Callable<Double> work) throws Exception {
        double before = s.cpu == null ? Double.NaN : s.cpu.millis();
        double seconds = work.call();
        double after = s.cpu == null ? Double.NaN : s.cpu.millis();
        return new Timed(seconds, after - before);
    }

    private void recordCpu(String section, String metric, String server, int rep, double millisPerOp, String op) {
        if (!Double.isNaN(millisPerOp)) record(section, metric, server, rep, millisPerOp, "server CPU ms/" + op);
    }

    /** The servers to measure, alternating which goes first so a slow phase of the machine does not always hit one. */
    private List<Server> order(int rep) {
        List<String> names = Arrays.asList(opt.get("servers").toLowerCase().split(","));
        List<Server> all = rep % 2 == 0 ? List.of(delineo, orthanc) : List.of(orthanc, delineo);
        return all.stream().filter(s -> names.contains(s.name.toLowerCase())).toList();
    }

    private void record(String section, String metric, String server, int rep, double value, String unit) {
        String load = loadavg();
        raw.printf("%s\t%s\t%s\t%d\t%.4f\t%s\t%s%n", section, metric, server, rep, value, unit, load);
        log("%s | %-58s | %-30s | %s %8.2f %s   (load %s)", section, metric, server,
                rep == 0 ? "warm-up" : "rep " + rep, value, unit, load);
        if (rep == 0) return; // warm-up rounds are logged, not counted
        results.computeIfAbsent(metric + "\u0000" + unit + "\u0000" + server, k -> new ArrayList<>()).add(value);
        units.putIfAbsent(metric + "\u0000" + unit, unit);
    }

    private void printTable() {
        for (boolean cpuRows : new boolean[]{false, true}) {
            System.out.println();
            System.out.println(cpuRows ? "Server CPU time per operation (Delineo: portal JVM + its PostgreSQL; Orthanc: its process)"
                    : "Throughput and latency");
            System.out.println();
            System.out.println("| measurement | unit | Delineo | Orthanc DICOMweb | Delineo / Orthanc | " + NATIVE + " |");
            System.out.println("|---|---|---:|---:|---:|---:|");
            for (Map.Entry<String, String> e : units.entrySet()) {
                if (e.getValue().startsWith("server CPU") != cpuRows) continue;
                String key = e.getKey();
                double d = medianOf(key, "Delineo");
                double o = medianOf(key, "Orthanc");
                double nat = medianOf(key, NATIVE);
                System.out.printf("| %s | %s | %s | %s | %.2f | %s |%n", key.substring(0, key.indexOf('\u0000')),
                        e.getValue(), fmt(d), fmt(o), d / o, Double.isNaN(nat) ? "" : fmt(nat));
            }
        }
        System.out.println();
        // issue 14's scaling target: 8 clients at least 1.6x the frame rate of one client (no serialisation)
        String one = "WADO-RS frames/1 of all 79, 1 client\u0000frames/s", eight = "WADO-RS frames/1 of all 79, 8 clients\u0000frames/s";
        if (units.containsKey(one) && units.containsKey(eight)) {
            System.out.printf("Frame rate with 8 clients / 1 client: Delineo %.2f, Orthanc %.2f%n",
                    medianOf(eight, "Delineo") / medianOf(one, "Delineo"), medianOf(eight, "Orthanc") / medianOf(one, "Orthanc"));
            System.out.println();
        }
        System.out.println("(medians of " + reps + " repetitions after one warm-up round; ratio > 1 means Delineo has "
                + "the larger number: better for rates, worse for latencies and CPU time)");
    }

    private double medianOf(String key, String server) {
        List<Double> v = results.get(key + "\u0000" + server);
        return v == null ? Double.NaN : Stats.median(v);
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format("%.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }

    static String loadavg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static void log(String format, Object... args) {
        System.err.printf("[%tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }

    static List<Path> dicomFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".dcm")).sorted().toList();
            if (files.isEmpty()) throw new IllegalStateException("no .dcm files in " + dir);
            return files;
        }
    }

    static List<byte[]> read(List<Path> files) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) out.add(Files.readAllBytes(f));
        return out;
    }

    static long drain(InputStream in) throws IOException {
        byte[] buf = new byte[256 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) n += r;
        return n;
    }

    static int count(String json, String tag) {
        Matcher m = Pattern.compile("\"" + tag + "\"\\s*:").matcher(json);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    /** The first value of every occurrence of a string attribute in DICOM JSON (any key order, any whitespace). */
    static List<String> values(String json, String tag) {
        Matcher m = Pattern.compile("\"" + tag + "\"\\s*:\\s*\\{[^{}]*?\"Value\"\\s*:\\s*\\[\\s*\"([^\"]+)\"").matcher(json);
        List<String> out = new ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    static String firstValue(String json, String tag) {
        List<String> v = values(json, tag);
        if (v.isEmpty()) throw new IllegalStateException("no " + tag + " in " + abbreviate(json));
        return v.get(0);
    }

    static String abbreviate(String s) {
        return s.length() > 400 ? s.substring(0, 400) + "…" : s;
    }
}

/** A multipart/related; type="application/dicom" body, built once before the timed section. */
final class Multipart {
    final byte[] bytes;
    final String boundary;

    private Multipart(byte[] bytes, String boundary) {
        this.bytes = bytes;
        this.boundary = boundary;
    }

    static Multipart of(List<byte[]> parts) {
        String boundary = "bench-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream(parts.stream().mapToInt(p -> p.length + 100).sum());
        for (byte[] p : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(p);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return new Multipart(out.toByteArray(), boundary);
    }

    String contentType() {
        return "multipart/related; type=\"application/dicom\"; boundary=" + boundary;
    }
}

/**
 * CPU time (user + system) of server processes from /proc: the given root pids, their live children (PostgreSQL
 * backends are children of the postmaster) and the children they already reaped. Resolution: one clock tick.
 */
final class CpuMeter {
    private final List<Long> roots;
    private final double millisPerTick;

    private CpuMeter(List<Long> roots, double millisPerTick) {
        this.roots = roots;
        this.millisPerTick = millisPerTick;
    }

    /** From a comma-separated pid list; null for none. Clock ticks from BENCH_CLK_TCK (getconf CLK_TCK), else 100. */
    static CpuMeter of(String pids) {
        if (pids == null || pids.isBlank()) return null;
        List<Long> roots = Arrays.stream(pids.split(",")).map(String::trim).map(Long::parseLong).toList();
        double ticks = Double.parseDouble(System.getenv().getOrDefault("BENCH_CLK_TCK", "100"));
        return new CpuMeter(roots, 1000.0 / ticks);
    }

    double millis() throws IOException {
        long ticks = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                long[] f = stat(p.resolve("stat"));
                if (f == null) continue;
                long pid = Long.parseLong(name);
                boolean root = roots.contains(pid);
                if (root) ticks += f[1] + f[2] + f[3] + f[4];
                else if (roots.contains(f[0])) ticks += f[1] + f[2];
            }
        }
        return ticks * millisPerTick;
    }

    /** ppid, utime, stime, cutime, cstime; null if the process is gone. */
    private static long[] stat(Path statFile) {
        String s;
        try {
            s = Files.readString(statFile);
        } catch (IOException e) {
            return null;
        }
        // the command name is in parentheses and may contain spaces: fields count from after the last ')'
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return new long[]{Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
                Long.parseLong(f[14])};
    }
}
