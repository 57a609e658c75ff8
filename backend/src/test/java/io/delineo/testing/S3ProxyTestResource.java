package io.delineo.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the portal's storage at a fresh bucket of the test JVM's s3proxy ({@link S3ProxyServer}). */
public class S3ProxyTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        S3ProxyServer server = S3ProxyServer.shared();
        return Map.of(
                "delineo.storage.kind", "s3",
                "delineo.storage.s3.endpoint", server.endpoint().toString(),
                "delineo.storage.s3.bucket", S3ProxyServer.newBucketName(),
                "delineo.storage.s3.access-key", S3ProxyServer.ACCESS_KEY,
                "delineo.storage.s3.secret-key", S3ProxyServer.SECRET_KEY,
                "delineo.storage.s3.path-style", "true");
    }

    @Override
    public void stop() {
        // the server is shared by the JVM's tests and stops with it
    }
}
