package io.delineo.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Orthanc with its DICOMweb plugin as a real DICOMweb client for tests: own storage in a temporary folder,
 * HTTP on a free loopback port, and one DICOMweb server entry pointing at the portal with a bearer token. Closing it
 * stops the process.
 */
public final class OrthancProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    public static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");

    private final Process process;
    private final Path dir;
    private final HttpClient http = HttpClient.newHttpClient();
    public final String url;

    private OrthancProcess(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.url = "http://127.0.0.1:" + port;
    }

    /** Starts Orthanc with a DICOMweb server {@code serverName} at {@code dicomWebUrl}, waiting until it answers. */
    public static OrthancProcess start(String serverName, String dicomWebUrl, String bearerToken) throws IOException {
        Path dir = Files.createTempDirectory("delineo-orthanc");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String config = """
                {
                  "Name": "delineo-test-orthanc",
                  "StorageDirectory": "%1$s/storage",
                  "IndexDirectory": "%1$s/index",
                  "HttpPort": %2$d,
                  "RemoteAccessAllowed": false,
                  "AuthenticationEnabled": false,
                  "DicomServerEnabled": false,
                  "HttpCompressionEnabled": false,
                  "Plugins": ["%3$s"],
                  "DicomWeb": {
                    "Enable": true,
                    "Root": "/dicom-web/",
                    "EnableWado": false,
                    "Servers": {
                      "%4$s": { "Url": "%5$s", "HttpHeaders": { "Authorization": "Bearer %6$s" } }
                    }
                  }
                }
                """.formatted(dir, port, DICOMWEB_PLUGIN, serverName, dicomWebUrl, bearerToken);
        Path configFile = dir.resolve("orthanc.json");
        Files.writeString(configFile, config);
        Process p = new ProcessBuilder(BINARY.toString(), configFile.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("orthanc.log").toFile()).start();
        OrthancProcess orthanc = new OrthancProcess(p, dir, port);
        try {
            Await.until("Orthanc answers on port " + port, () -> p.isAlive() && orthanc.answers());
        } catch (AssertionError e) {
            String log = orthanc.log();
            orthanc.close();
            throw new AssertionError(e.getMessage() + "; Orthanc's log:\n" + log, e);
        }
        return orthanc;
    }

    private boolean answers() {
        try {
            return get("/system").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    public HttpResponse<byte[]> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("orthanc.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
