package io.delineo.contour.lidc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.delineo.contour.raster.PolygonRasterizer;
import io.delineo.imaging.BitMask;

import java.util.ArrayList;
import java.util.List;

/**
 * The LIDC-IDRI demo cases carried by the project: annotation XML from {@code backend/demo-data/lidc-idri} and the
 * per-image geometry extracted once by {@code src/test/resources/lidc-idri/extract_slice_geometry.py}.
 */
public final class LidcFixtures {
    public static final String CASE_1 = "LIDC-IDRI-0001", CASE_2 = "LIDC-IDRI-0002", CASE_3 = "LIDC-IDRI-0003";
    private static JsonNode geometry;

    private LidcFixtures() {}

    public static Path dataRoot() {
        for (Path p : new Path[]{Path.of("demo-data", "lidc-idri"), Path.of("backend", "demo-data", "lidc-idri")}) {
            if (Files.isDirectory(p)) return p;
        }
        throw new IllegalStateException("LIDC-IDRI demo data not found under " + Path.of("").toAbsolutePath()
                + " (expected demo-data/lidc-idri in the backend module)");
    }

    private static synchronized JsonNode geometry() {
        if (geometry == null) {
            try (InputStream in = LidcFixtures.class.getResourceAsStream("/lidc-idri/slice-geometry.json")) {
                if (in == null) throw new IllegalStateException("test resource lidc-idri/slice-geometry.json is missing");
                geometry = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return geometry;
    }

    private static JsonNode caseNode(String caseId) {
        JsonNode c = geometry().path("cases").path(caseId);
        if (c.isMissingNode()) throw new IllegalArgumentException("no fixture for case " + caseId);
        return c;
    }

    public static List<SliceGeometry> slices(String caseId) {
        List<SliceGeometry> out = new ArrayList<>();
        for (JsonNode img : caseNode(caseId).path("images")) {
            out.add(new SliceGeometry(img.path("sopInstanceUid").asText(), doubles(img.path("imagePositionPatient")),
                    doubles(img.path("imageOrientationPatient")), img.path("pixelSpacing").get(0).asDouble(),
                    img.path("pixelSpacing").get(1).asDouble(), img.path("rows").asInt(), img.path("columns").asInt()));
        }
        return out;
    }

    public static SliceStack stack(String caseId) { return SliceStack.of(slices(caseId)); }

    public static Path annotationXml(String caseId) {
        return dataRoot().resolve(caseNode(caseId).path("annotationXml").asText());
    }

    public static LidcReadMessage message(String caseId) {
        try {
            return LidcXmlReader.read(annotationXml(caseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The readers' nodules grouped into lesions (see {@link LidcLesionMatcher}). */
    public static LidcLesionMatcher.Result match(String caseId) {
        SliceStack stack = stack(caseId);
        return LidcLesionMatcher.match(message(caseId), new LidcContourConverter(stack),
                new PolygonRasterizer(stack.grid()));
    }

    /** The four readers' masks of the lesion every reader contoured (cases 0001 and 0003), in session order. */
    public static List<BitMask> fourReaderMasks(String caseId) {
        LidcLesionMatcher.MatchedLesion lesion = match(caseId).lesions().get(0);
        if (!lesion.inAllSessions(4)) throw new IllegalStateException(caseId + ": first lesion is not in all 4 sessions");
        return lesion.masks();
    }

    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int n = 0; n < d.length; n++) d[n] = array.get(n).asDouble();
        return d;
    }
}
