package io.delineo.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * {@code ./delineo import <dir>}: sends every DICOM file under a folder to the running portal's STOW-RS endpoint
 * (the same ingest path as browser uploads), signed in as the {@code delineo-cli} service account, and prints one
 * line per file. Exit status 0 when every file was stored (or was already), 1 otherwise.
 */
public final class ImportCommand {
    private static final String BOUNDARY = "delineo-import-boundary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportCommand() {
    }

    public static void main(String[] args) throws Exception {
        String portal = "http://localhost:8080", keycloak = "http://localhost:8180/realms/delineo";
        Path dir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--portal" -> portal = args[++i];
                case "--keycloak" -> keycloak = args[++i];
                default -> dir = Path.of(args[i]);
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            System.err.println("usage: ./delineo import <dir> [--port N] [--keycloak-port N]");
            System.exit(2);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String secret = System.getenv().getOrDefault("DELINEO_CLI_SECRET", "delineo-cli-dev-secret");
        String token = token(http, keycloak, secret);
        Path root = dir;
        List<Path> files = candidates(root);
        if (files.isEmpty()) {
            System.out.println("no DICOM files found under " + dir);
            return;
        }
        AtomicInteger stored = new AtomicInteger(), already = new AtomicInteger(), refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        String target = portal.replaceAll("/$", "") + "/dicom-web/studies";
        List<Future<String>> lines = files.stream().map(f -> pool.submit(() -> {
            String result = send(http, target, token, f);
            if (result.startsWith("stored")) stored.incrementAndGet();
            else if (result.startsWith("already")) already.incrementAndGet();
            else refused.incrementAndGet();
            return result + "  " + root.relativize(f);
        })).toList();
        for (Future<String> line : lines) System.out.println(line.get());
        pool.shutdown();
        System.out.printf("%d file(s): %d stored, %d already stored, %d refused%n", files.size(), stored.get(),
                already.get(), refused.get());
        if (refused.get() > 0) System.exit(1);
    }

    /** Regular files that look like DICOM: "DICM" at offset 128, or a .dcm name. */
    static List<Path> candidates(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(ImportCommand::looksLikeDicom).sorted().toList();
        }
    }

    private static boolean looksLikeDicom(Path f) {
        if (f.getFileName().toString().toLowerCase().endsWith(".dcm")) return true;
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    private static String token(HttpClient http, String realm, String secret) throws Exception {
        String form = "grant_type=client_credentials&client_id=delineo-cli&client_secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            System.err.println("Keycloak is not reachable at " + realm + " (" + e.getMessage() + "); is ./delineo up running?");
            System.exit(1);
            return null;
        }
        if (r.statusCode() != 200) {
            System.err.println("Keycloak refused the delineo-cli service account: HTTP " + r.statusCode() + " " + r.body());
            System.exit(1);
        }
        return JSON.readTree(r.body()).get("access_token").asText();
    }

    private static String send(HttpClient http, String target, String token, Path file) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            body.writeBytes(Files.readAllBytes(file));
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(target))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY)
                    .header("Accept", "application/dicom+json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200 && r.statusCode() != 202 && r.statusCode() != 409) {
                return "refused (HTTP " + r.statusCode() + "): " + r.body();
            }
            JsonNode json = JSON.readTree(r.body());
            JsonNode ok = json.path("00081199").path("Value").path(0);
            if (!ok.isMissingNode()) {
                String message = ok.path("00091001").path("Value").path(0).asText("");
                return message.contains("already") ? "already stored" : "stored";
            }
            return "refused: " + json.path("00081198").path("Value").path(0).path("00091001").path("Value").path(0)
                    .asText("no reason given");
        } catch (IOException e) {
            return "refused: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "refused: interrupted";
        }
    }
}
