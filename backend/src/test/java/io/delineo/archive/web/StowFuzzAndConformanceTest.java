package io.delineo.archive.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.delineo.testing.ArchiveConsistency;
import io.delineo.testing.DicomWebClient;
import io.delineo.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conformance file, then thousands of corrupted copies, through STOW-RS: no 5xx, every refusal explained,
 * every stored object retrievable byte for byte, and afterwards no partial rows and no stray files.
 */
@QuarkusTest
class StowFuzzAndConformanceTest {
    static final Path CONFORMANCE = Path.of("src/test/resources/dicom/pydicom-test-files/test_files");
    static final long SEED = 20261127L;
    static final int MUTANTS = 3000;
    static final int PER_REQUEST = 25;

    @Inject
    AgroalDataSource ds;
    @ConfigProperty(name = "delineo.data-dir")
    String dataDir;

    static List<Path> conformanceFiles() throws IOException {
        try (Stream<Path> s = Files.walk(CONFORMANCE)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().endsWith(".txt") && !p.toString().endsWith(".json")
                            && !p.toString().endsWith(".dump") && !p.toString().endsWith(".gz"))
                    .sorted().toList();
        }
    }

    record Outcome(boolean stored, String sop, String message, String retrieveUrl) {
    }

    /** Sends objects in one STOW request and returns each one's outcome, in order. */
    List<Outcome> stow(List<byte[]> objects) throws Exception {
        Response r = DicomWebClient.stow(TestTokens.admin(), objects, null);
        assertThat(r.statusCode()).as("STOW answered " + r.statusCode() + ": " + r.asString()).isIn(200, 202, 409);
        JsonNode body = StowTest.body(r);
        List<Outcome> out = new ArrayList<>();
        for (JsonNode n : StowTest.items(body, "00081199")) {
            out.add(new Outcome(true, n.has("00081155") && n.get("00081155").has("Value")
                    ? StowTest.value(n, "00081155") : null, StowTest.value(n, "00091001"), StowTest.value(n, "00081190")));
        }
        for (JsonNode n : StowTest.items(body, "00081198")) {
            String message = StowTest.value(n, "00091001");
            assertThat(message).as("every refusal says why").isNotBlank();
            assertThat(n.get("00081197").get("Value").get(0).asInt()).isIn(0x0110, 0x0111, 0xA700, 0xC000);
            out.add(new Outcome(false, null, message, null));
        }
        assertThat(out).hasSize(objects.size());
        return out;
    }

    @Test
    void everyConformanceFileIsStoredOrRefusedWithAReason() throws Exception {
        Map<String, String> refused = new LinkedHashMap<>();
        int stored = 0;
        for (Path f : conformanceFiles()) {
            Outcome o = stow(List.of(Files.readAllBytes(f))).get(0);
            if (o.stored()) stored++;
            else refused.put(CONFORMANCE.relativize(f).toString(), o.message());
        }
        System.out.printf("conformance files through STOW: %d stored, %d refused%n", stored, refused.size());
        refused.forEach((f, why) -> System.out.printf("  refused %s: %s%n", f, why));
        // the set holds the same image in several encodings under one SOP Instance UID (refused as a different
        // object after the first), DICOMDIRs and fragments without SOP Instance UID, pydicom's deliberately
        // inconsistent meta headers and truncated files; nothing else may be refused
        assertThat(refused).containsKeys("MR_truncated.dcm", "rtplan_truncated.dcm", "dicomdirtests/DICOMDIR");
        assertThat(refused.get("MR_truncated.dcm")).contains("exceeds");
        assertThat(refused.values()).allMatch(why -> why.contains("is already stored; send it as a replacement")
                || why.equals("missing SOPInstanceUID") || why.contains("differs from the data set's")
                || why.startsWith("not a readable DICOM object"));
        assertThat(stored).isGreaterThanOrEqualTo(110);
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
    }

    @Test
    void corruptedCopiesNeverBreakTheArchive() throws Exception {
        System.out.println("STOW fuzz seed " + SEED);
        Random random = new Random(SEED);
        List<byte[]> originals = new ArrayList<>();
        for (Path f : conformanceFiles()) {
            byte[] b = Files.readAllBytes(f);
            if (b.length < 600_000) originals.add(b);
        }
        originals.addAll(io.delineo.testing.SyntheticDicom.newSeries(2));
        int stored = 0, refused = 0;
        List<String> storedUrls = new ArrayList<>();
        List<byte[]> batch = new ArrayList<>();
        for (int n = 0; n < MUTANTS; n++) {
            // fresh UIDs first, so that mutants which still parse are stored rather than refused as duplicates
            batch.add(mutate(withFreshUids(originals.get(random.nextInt(originals.size()))), random));
            if (batch.size() == PER_REQUEST || n == MUTANTS - 1) {
                for (Outcome o : stow(batch)) {
                    if (o.stored()) {
                        stored++;
                        storedUrls.add(o.retrieveUrl());
                    } else {
                        refused++;
                    }
                }
                batch.clear();
            }
        }
        System.out.printf("STOW fuzz: %d mutants, %d stored, %d refused%n", MUTANTS, stored, refused);
        assertThat(stored + refused).isEqualTo(MUTANTS);
        assertThat(refused).as("corruption is detected").isGreaterThan(MUTANTS / 10);
        assertThat(stored).as("mutants that still parse are stored").isGreaterThan(MUTANTS / 10);
        ArchiveConsistency.assertConsistent(ds, Path.of(dataDir, "archive"));
        retrieveEverything(storedUrls);
        // the server is still up and answering
        given().auth().oauth2(TestTokens.pi()).get("/dicom-web/studies?limit=1").then().statusCode(200);
    }

    /**
     * Whatever was stored can be retrieved without a server error: the instance, its metadata, every frame (as
     * stored and decompressed) and the pixel bulk data. Undecodable content is a 4xx with a reason, never a 5xx.
     */
    static void retrieveEverything(List<String> retrieveUrls) {
        int requests = 0;
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (String url : retrieveUrls) {
            // a fresh token per instance: the walk outlasts a token's lifetime on a loaded machine
            String token = TestTokens.pi();
            String path = url.substring(url.indexOf("/dicom-web/"));
            Response metadata = given().auth().oauth2(token).get(path + "/metadata");
            JsonNode item;
            try {
                item = new com.fasterxml.jackson.databind.ObjectMapper().readTree(metadata.asString()).get(0);
            } catch (Exception e) {
                throw new AssertionError("metadata of " + path + " is not JSON: " + metadata.asString(), e);
            }
            int frames = item.has("00280008") && item.get("00280008").has("Value")
                    ? Math.max(1, Math.min(4, item.get("00280008").get("Value").get(0).asInt())) : 1;
            List<String> paths = new ArrayList<>(List.of(path, path + "/bulkdata/7FE00010"));
            for (int f = 1; f <= frames; f++) paths.add(path + "/frames/" + f);
            requests++;
            statuses.merge("metadata " + metadata.statusCode(), 1, Integer::sum);
            if (metadata.statusCode() >= 500) serverErrors.add(path + "/metadata: " + metadata.asString());
            for (String p : paths) {
                for (String accept : List.of("", "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*")) {
                    var request = given().auth().oauth2(token);
                    if (!accept.isEmpty()) request = request.accept(accept);
                    Response r = request.get(p);
                    requests++;
                    String kind = p.equals(path) ? "instance" : p.contains("/bulkdata/") ? "bulkdata" : "frame";
                    statuses.merge(kind + (accept.isEmpty() ? "" : " as stored") + " " + r.statusCode(), 1,
                            Integer::sum);
                    if (r.statusCode() >= 500) serverErrors.add(p + " (" + accept + "): " + r.asString());
                    if (r.statusCode() >= 400) {
                        assertThat(r.asString()).as("a refusal at " + p + " (" + r.statusCode() + ") says why")
                                .contains("message");
                    }
                }
            }
        }
        System.out.printf("STOW fuzz retrieval: %d instances, %d requests, %d server errors; statuses %s%n",
                retrieveUrls.size(), requests, serverErrors.size(), statuses);
        assertThat(serverErrors).as("no stored object gives a server error on retrieval").isEmpty();
    }

    static byte[] withFreshUids(byte[] object) {
        try {
            io.delineo.dicom.DicomFile f = io.delineo.dicom.io.DicomReader.read(object);
            for (int tag : new int[]{io.delineo.dicom.Tags.SOPInstanceUID, io.delineo.dicom.Tags.SeriesInstanceUID,
                    io.delineo.dicom.Tags.StudyInstanceUID}) {
                f.dataset().setString(tag, io.delineo.dicom.VR.UI, io.delineo.dicom.UidGenerator.newUid());
            }
            return io.delineo.dicom.io.DicomWriter.toBytes(
                    io.delineo.dicom.DicomFile.of(f.dataset(), f.transferSyntax()));
        } catch (RuntimeException unreadable) {
            return object;
        }
    }

    static byte[] mutate(byte[] original, Random r) {
        byte[] b = original.clone();
        switch (r.nextInt(5)) {
            case 0 -> { // flip a few bytes
                for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) b[r.nextInt(b.length)] ^= (byte) (1 + r.nextInt(255));
            }
            case 1 -> b = Arrays.copyOf(b, r.nextInt(b.length)); // truncate
            case 2 -> { // a huge or odd length somewhere (likely a length field after the preamble)
                int at = 132 + r.nextInt(Math.max(1, Math.min(b.length - 136, 2048)));
                if (at + 4 <= b.length) {
                    ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN)
                            .putInt(r.nextBoolean() ? 0x7ffffff1 : r.nextInt(1 << 20) | 1);
                }
            }
            case 3 -> { // insert random bytes
                int at = r.nextInt(b.length);
                byte[] junk = new byte[1 + r.nextInt(64)];
                r.nextBytes(junk);
                byte[] out = new byte[b.length + junk.length];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(b, at, out, at + junk.length, b.length - at);
                b = out;
            }
            default -> { // scramble a whole region
                int at = r.nextInt(b.length);
                int len = Math.min(b.length - at, 1 + r.nextInt(256));
                byte[] junk = new byte[len];
                r.nextBytes(junk);
                System.arraycopy(junk, 0, b, at, len);
            }
        }
        return b;
    }
}
