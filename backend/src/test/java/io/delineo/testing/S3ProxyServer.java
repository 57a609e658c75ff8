package io.delineo.testing;

import io.delineo.storage.S3Settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A real S3 server for tests: s3proxy 2.6.0 (its self-contained jar, copied to target/s3proxy by the build) in its
 * own process on a free loopback port, keeping objects in a temporary folder. One server per test JVM, started on
 * first use; each test takes its own bucket.
 */
public final class S3ProxyServer {
    public static final String ACCESS_KEY = "delineo-test";
    public static final String SECRET_KEY = "delineo-test-secret";
    private static S3ProxyServer shared;

    private final Process process;
    private final URI endpoint;
    private final Path dir;

    private S3ProxyServer(Process process, URI endpoint, Path dir) {
        this.process = process;
        this.endpoint = endpoint;
        this.dir = dir;
    }

    /** The JVM's server, started when first asked for. */
    public static synchronized S3ProxyServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    public URI endpoint() { return endpoint; }

    /** Where the server keeps bucket {@code bucket}'s objects (filesystem backend: one file per key). */
    public Path bucketFolder(String bucket) { return dir.resolve("data").resolve(bucket); }

    /** Settings for a fresh bucket on this server, working files under {@code workDir}. */
    public S3Settings settings(Path workDir) {
        return S3Settings.of(endpoint.toString(), newBucketName(), "us-east-1", ACCESS_KEY, SECRET_KEY, true, workDir);
    }

    public static String newBucketName() {
        return "delineo-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private static S3ProxyServer start() {
        Path jar = Path.of(System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("s3proxy is missing at " + jar + "; the Maven build copies it there "
                    + "(process-test-resources)");
        }
        try {
            Path dir = Files.createTempDirectory("delineo-s3proxy");
            Files.createDirectories(dir.resolve("data"));
            int port = freePort();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                    "s3proxy.endpoint=" + endpoint,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    "jclouds.filesystem.basedir=" + dir.resolve("data"), ""));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process p = new ProcessBuilder(java.toString(), "-Xmx256m", "-jar", jar.toString(),
                    "--properties", dir.resolve("s3proxy.properties").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("s3proxy.log").toFile()).start();
            S3ProxyServer server = new S3ProxyServer(p, endpoint, dir);
            server.awaitAnswer();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("s3proxy did not start", e);
        }
    }

    /** Waits until the server answers HTTP at all (it refuses the unsigned request, which is fine). */
    private void awaitAnswer() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("s3proxy exited with " + process.exitValue() + "; see " + dir.resolve("s3proxy.log"));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
                c.setConnectTimeout(1000);
                c.setReadTimeout(2000);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("s3proxy did not answer within 3 minutes; see " + dir.resolve("s3proxy.log"));
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while s3proxy started", e);
                }
            }
        }
    }

    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A loopback port nothing listens on right now. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
