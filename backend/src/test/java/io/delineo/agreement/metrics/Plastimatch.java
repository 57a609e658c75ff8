package io.delineo.agreement.metrics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the plastimatch command-line tool (Debian package {@code plastimatch}) and parses its output. */
public final class Plastimatch {
    private static final Pattern LINE = Pattern.compile("^\\s*([A-Za-z][^:=]*?)\\s*[:=]\\s*(-?[0-9.eE+-]+)\\s*$");
    private static final Pattern COM = Pattern.compile("^(ref|cmp)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*$");

    private Plastimatch() {}

    /** The plastimatch executable on PATH; fails (does not skip) when it is missing. */
    public static Path executable() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path p = Path.of(dir, "plastimatch");
                if (Files.isExecutable(p)) return p;
            }
        }
        throw new AssertionError("plastimatch is not installed (not on PATH). It is the reference for Dice and Hausdorff "
                + "in these tests: run ./delineo test, or apt-get install -y plastimatch");
    }

    /**
     * {@code plastimatch dice --all ref cmp}: keys as printed ("TP", "DICE", "Hausdorff distance",
     * "Percent (0.95) Hausdorff distance (boundary)", …) plus "COM ref x" … "COM cmp z".
     */
    public static Map<String, Double> dice(Path reference, Path compared) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(executable().toString(), "dice", "--all", reference.toString(), compared.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new AssertionError("plastimatch dice failed (exit " + (p.isAlive() ? "timeout" : p.exitValue()) + "):\n" + out);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String line : out.split("\\R")) {
            Matcher com = COM.matcher(line);
            if (com.matches()) {
                for (int a = 0; a < 3; a++) values.put("COM " + com.group(1) + " " + "xyz".charAt(a), Double.parseDouble(com.group(2 + a)));
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (m.matches()) values.put(m.group(1).trim(), Double.parseDouble(m.group(2)));
        }
        for (String key : new String[]{"TP", "FP", "FN", "DICE", "Hausdorff distance", "Hausdorff distance (boundary)"}) {
            if (!values.containsKey(key)) throw new AssertionError("plastimatch output lacks '" + key + "':\n" + out);
        }
        return values;
    }
}
