package io.delineo.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a Python script with Debian's /usr/bin/python3 (numpy, scipy, scikit-learn from python3-sklearn, which
 * ./delineo test installs), passes JSON on stdin and reads JSON from stdout. Fails, never skips, when the oracle is
 * missing: a statistics check that silently did not run is worse than a red build.
 */
final class PythonOracle {
    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PythonOracle() { }

    static JsonNode run(String script, Object input) {
        if (!Files.isExecutable(Path.of(PYTHON)))
            throw new AssertionError("required test oracle missing: " + PYTHON + " (Debian python3 with python3-sklearn; ./delineo test installs it)");
        // numpy for every script; each script imports the scipy / scikit-learn modules it uses (imports are slow)
        String prelude = """
                import sys, json
                import numpy as np
                data = json.load(sys.stdin)
                """;
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", prelude + script).start();
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
                try {
                    return p.getErrorStream().readAllBytes();
                } catch (IOException e) {
                    return e.toString().getBytes(StandardCharsets.UTF_8);
                }
            });
            try (OutputStream in = p.getOutputStream()) {
                JSON.writeValue(in, input);
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("python oracle did not finish");
            }
            String stderr = new String(err.get(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0)
                throw new AssertionError("python oracle failed (exit " + p.exitValue() + "; the statistics oracles need Debian"
                        + " python3-numpy, python3-scipy and python3-sklearn, which ./delineo test installs): " + stderr);
            return JSON.readTree(out);
        } catch (IOException | InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("could not run the python oracle: " + e, e);
        }
    }

    static double[] doubles(JsonNode node) {
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) out[i] = node.get(i).asDouble();
        return out;
    }
}
