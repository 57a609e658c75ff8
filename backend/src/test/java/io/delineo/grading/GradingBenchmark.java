package io.delineo.grading;

import io.delineo.grading.inference.GradingPredictor;
import io.delineo.grading.inference.InputTensor;
import io.delineo.grading.inference.OnnxRuntimeEngine;
import io.delineo.grading.inference.RadiomicsTensor;
import io.delineo.grading.inference.RoiImageTensor;
import io.delineo.grading.model.ModelRegistry;
import io.delineo.grading.model.RadiomicsInputSpec;
import io.delineo.grading.model.RegisteredModel;
import io.delineo.grading.model.RoiImageInputSpec;
import io.delineo.imaging.BitMask;
import io.delineo.testing.DemoCase;
import io.delineo.imaging.Volume;
import io.delineo.radiomics.RadiomicsExtractor;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Latency of the grading kernels (not run in CI; see bench/grading/README.md). Demo CT 512x512x79 with a 20 mL
 * spherical ROI; one ONNX Runtime thread per session.
 */
class GradingBenchmark {
    @Test
    void latency() throws Exception {
        Volume ct = DemoCase.demoCt();
        BitMask roi = DemoCase.sphere(ct.grid(), 256, 256, 40, 20);
        try (OnnxRuntimeEngine engine = new OnnxRuntimeEngine()) {
            ModelRegistry registry = new ModelRegistry(engine);
            registry.loadAll(DemoCase.MODELS);
            GradingPredictor predictor = new GradingPredictor(registry);
            RegisteredModel rad = registry.require("pnen-radiomics-demo", "1.0.0");
            RegisteredModel img = registry.require("pnen-roi-image-demo", "1.0.0");
            RadiomicsInputSpec rs = (RadiomicsInputSpec) rad.card().input();
            RoiImageInputSpec is = (RoiImageInputSpec) img.card().input();
            InputTensor rx = RadiomicsTensor.build(rs, new RadiomicsExtractor().extract(ct, roi::get, rs.settings()));
            InputTensor ix = RoiImageTensor.build(is, Map.of("CT_PORTAL_VENOUS", ct), roi);
            System.out.printf("ROI %.2f mL (%d voxels)%n", roi.cardinality() * ct.grid().voxelVolumeMm3() / 1000, roi.cardinality());
            System.out.printf("ONNX inference only, radiomics model [1,%d]: median %.3f ms (200 runs after 50 warm-up)%n",
                    rs.features().size(), median(() -> engine.run(rad.sha256(), "input", rx.data(), rx.shape(), "output"), 50, 200));
            System.out.printf("ONNX inference only, roi-image model [1,2,32,32,32]: median %.3f ms (200 runs after 50 warm-up)%n",
                    median(() -> engine.run(img.sha256(), "image", ix.data(), ix.shape(), "probabilities"), 50, 200));
            System.out.printf("roi-image crop+resample+window (tensor assembly): median %.3f ms%n",
                    median(() -> RoiImageTensor.build(is, Map.of("CT_PORTAL_VENOUS", ct), roi), 5, 30));
            System.out.printf("roi-image end-to-end (assembly + inference): median %.3f ms%n",
                    median(() -> predictor.predictRoiImage(img, Map.of("CT_PORTAL_VENOUS", ct), roi), 5, 30));
            System.out.printf("radiomics end-to-end (feature extraction with the card's settings + inference): median %.1f ms (7 runs after 2)%n",
                    median(() -> predictor.predictRadiomics(rad, ct, roi), 2, 7));
        }
    }

    static double median(Supplier<?> task, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) task.get();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return runs % 2 == 1 ? ms[runs / 2] : (ms[runs / 2 - 1] + ms[runs / 2]) / 2;
    }
}
