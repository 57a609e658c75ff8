package io.delineo.grading.model;

import io.delineo.testing.DemoCase;
import io.delineo.grading.inference.OnnxRuntimeEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRegistryTest {
    static final Path RADIOMICS = DemoCase.MODELS.resolve("pnen-radiomics-demo");
    static final Path IMAGE = DemoCase.MODELS.resolve("pnen-roi-image-demo");
    final OnnxRuntimeEngine engine = new OnnxRuntimeEngine();
    final ModelRegistry registry = new ModelRegistry(engine);

    @AfterEach
    void close() { engine.close(); }

    static String card(Path dir) throws IOException { return Files.readString(dir.resolve("model-card.json")); }

    static byte[] onnx(Path dir) throws IOException { return Files.readAllBytes(dir.resolve("model.onnx")); }

    @Test
    void loadsBothShippedDemoModels() {
        ModelRegistry.LoadReport r = registry.loadAll(DemoCase.MODELS);
        assertThat(r.refused()).isEmpty();
        assertThat(r.loaded()).extracting(RegisteredModel::key)
                .containsExactly("pnen-radiomics-demo@1.0.0", "pnen-roi-image-demo@1.0.0");
        for (RegisteredModel m : r.loaded()) {
            assertThat(m.card().researchUseOnly()).isTrue();
            assertThat(m.card().trainingData().nature()).isEqualTo(DataNature.SYNTHETIC);
        }
        RegisteredModel img = registry.require("pnen-roi-image-demo", "1.0.0");
        assertThat(img.signature().inputs().get(0).shape()).containsExactly(-1, 2, 32, 32, 32);
        assertThat(img.card().classLabels()).containsExactly("G1", "G2", "G3");
    }

    @Test
    void shaMismatchAndMalformedOnnxAreRefusedWithReasons() throws IOException {
        byte[] bytes = onnx(RADIOMICS);
        byte[] tampered = bytes.clone();
        tampered[tampered.length - 5] ^= 1; // a weight bit: still a valid model
        UploadValidation v = registry.validateUpload(tampered, card(RADIOMICS));
        assertThat(v.accepted()).isFalse();
        assertThat(v.problems()).anyMatch(p -> p.startsWith("sha256 mismatch"));
        UploadValidation junk = registry.validateUpload("not an onnx model".getBytes(), card(RADIOMICS));
        assertThat(junk.problems()).anyMatch(p -> p.contains("not a loadable ONNX model"));
        assertThat(registry.models()).isEmpty(); // nothing half-registered
        assertThatThrownBy(() -> registry.register(tampered, card(RADIOMICS))).isInstanceOf(ModelRejectedException.class)
                .hasMessageContaining("sha256 mismatch");
    }

    @Test
    void cardThatContradictsTheGraphIsRefused() throws IOException {
        byte[] bytes = onnx(RADIOMICS);
        String wrongName = card(RADIOMICS).replace("\"tensorName\" : \"input\"", "\"tensorName\" : \"features\"");
        assertThat(registry.validateUpload(bytes, wrongName).problems())
                .anyMatch(p -> p.contains("card input \"features\" but the graph's input is \"input\""));
        // three labels on a two-output graph: the task must change too for the card to parse
        String threeLabels = card(RADIOMICS).replace("\"task\" : \"G1 vs G2/G3\"", "\"task\" : \"G1/G2/G3\"")
                .replace("\"classLabels\" : [ \"G1\", \"G2/G3\" ]", "\"classLabels\" : [ \"G1\", \"G2\", \"G3\" ]")
                .replaceAll("\"casesPerClass\" : \\{[^}]*}", "\"casesPerClass\" : {\"G1\": 1}");
        assertThat(registry.validateUpload(bytes, threeLabels).problems())
                .anyMatch(p -> p.contains("output \"output\" dimension 1 is 2 but the card implies 3"));
        byte[] image = onnx(IMAGE);
        assertThat(registry.validateUpload(image, card(RADIOMICS)).problems())
                .anyMatch(p -> p.contains("rank 5"));
    }

    @Test
    void registeredModelsAreImmutable(@TempDir Path tmp) throws IOException {
        RegisteredModel first = registry.registerFolder(RADIOMICS);
        assertThat(registry.registerFolder(RADIOMICS)).isSameAs(first); // same bytes: idempotent
        // same id and version, other (valid) bytes and a card that matches them
        byte[] other = onnx(RADIOMICS).clone();
        other[other.length - 5] ^= 1;
        String otherCard = card(RADIOMICS).replace(first.sha256(), Sha256.hex(other));
        UploadValidation v = registry.validateUpload(other, otherCard);
        assertThat(v.problems()).singleElement().asString().contains("already registered with other bytes");
        Path dir = Files.createDirectories(tmp.resolve("wrong-name"));
        Files.write(dir.resolve("model.onnx"), onnx(RADIOMICS));
        Files.writeString(dir.resolve("model-card.json"), card(RADIOMICS));
        assertThatThrownBy(() -> new ModelRegistry(engine).registerFolder(dir))
                .hasMessageContaining("folder \"wrong-name\" does not match the card id \"pnen-radiomics-demo\"");
    }

    @Test
    void cardParserNamesTheProblem() throws IOException {
        String ok = card(IMAGE);
        assertThat(ModelCardJson.parse(ModelCardJson.write(ModelCardJson.parse(ok)))).isEqualTo(ModelCardJson.parse(ok));
        assertThatThrownBy(() -> ModelCardJson.parse(ok.replace("\"task\": \"G1/G2/G3\"", "\"task\": \"G1 vs G3\"")))
                .hasMessageContaining("unknown task \"G1 vs G3\"");
        assertThatThrownBy(() -> ModelCardJson.parse(ok.replace("\"G3\"\n  ],", "\"G4\"\n  ],")))
                .hasMessageContaining("\"classLabels\"");
        assertThatThrownBy(() -> ModelCardJson.parse(ok.replace("\"intendedUse\":", "\"intendedUseX\":")))
                .hasMessageContaining("unknown field \"intendedUseX\"");
        assertThatThrownBy(() -> ModelCardJson.parse(ok.replace("\"spacingMm\": 2.0,", "")))
                .hasMessageContaining("missing required field \"input.spacingMm\"");
        String radiomics = card(RADIOMICS);
        assertThatThrownBy(() -> ModelCardJson.parse(radiomics.replace("\"value\" : 25", "\"value\" : 20")))
                .hasMessageContaining("\"input.featureSettingsSha256\" is");
        assertThatThrownBy(() -> ModelCardJson.parse("{\"id\": 3")).hasMessageContaining("not valid JSON");
    }
}
