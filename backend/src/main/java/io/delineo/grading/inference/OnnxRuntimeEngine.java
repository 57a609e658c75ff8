package io.delineo.grading.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one ONNX Runtime environment of the process and a cache of open sessions keyed by model SHA-256 (model bytes
 * are immutable, so the hash identifies a session for ever). {@link OrtSession#run} is thread-safe, so one session
 * serves all threads. Sessions use {@code intraOpThreads} threads each (1 by default: the portal runs cases in
 * parallel, and small models gain nothing from more).
 */
public final class OnnxRuntimeEngine implements AutoCloseable {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final int intraOpThreads;
    private final Map<String, OrtSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public OnnxRuntimeEngine() { this(1); }

    public OnnxRuntimeEngine(int intraOpThreads) {
        if (intraOpThreads < 1) throw new IllegalArgumentException("intraOpThreads must be >= 1, got " + intraOpThreads);
        this.intraOpThreads = intraOpThreads;
    }

    /** Opens the bytes in a throw-away session and reports the graph's inputs and outputs. */
    public ModelSignature inspect(byte[] onnx) {
        try (OrtSession s = open(onnx)) {
            return signature(s);
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime cannot read the session of this model: " + e.getMessage(), e);
        }
    }

    /** Opens and caches a session for {@code key} (the model's SHA-256); a no-op when it is already open. */
    public void load(String key, byte[] onnx) {
        checkOpen();
        sessions.computeIfAbsent(key, k -> open(onnx));
    }

    public boolean isLoaded(String key) { return sessions.containsKey(key); }

    /** Runs the cached session on one float32 tensor and returns the named output, flattened (C order). */
    public float[] run(String key, String inputName, float[] data, long[] shape, String outputName) {
        checkOpen();
        OrtSession s = sessions.get(key);
        if (s == null) throw new IllegalStateException("model " + key + " is not loaded in this engine");
        return run(s, inputName, data, shape, outputName);
    }

    /** Runs the bytes once in a throw-away session (used to probe uploads before they are registered). */
    public float[] runOnce(byte[] onnx, String inputName, float[] data, long[] shape, String outputName) {
        try (OrtSession s = open(onnx)) {
            return run(s, inputName, data, shape, outputName);
        } catch (OrtException e) {
            throw new InvalidModelException("ONNX Runtime failed to close a session: " + e.getMessage(), e);
        }
    }

    private float[] run(OrtSession s, String inputName, float[] data, long[] shape, String outputName) {
        try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
             OrtSession.Result r = s.run(Map.of(inputName, in), Set.of(outputName))) {
            Object v = r.get(outputName).orElseThrow(() -> new InferenceException("the model produced no \""
                    + outputName + "\" output"));
            if (!(v instanceof OnnxTensor t) || t.getInfo().type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                throw new InferenceException("output \"" + outputName + "\" is not a float tensor");
            }
            FloatBuffer b = t.getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        } catch (OrtException e) {
            throw new InferenceException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    private OrtSession open(byte[] onnx) {
        if (onnx == null || onnx.length == 0) throw new InvalidModelException("the model file is empty", null);
        try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
            o.setIntraOpNumThreads(intraOpThreads);
            o.setInterOpNumThreads(1);
            return env.createSession(onnx, o);
        } catch (OrtException e) {
            throw new InvalidModelException("not a loadable ONNX model: " + e.getMessage(), e);
        }
    }

    private static ModelSignature signature(OrtSession s) throws OrtException {
        return new ModelSignature(tensors(s.getInputInfo()), tensors(s.getOutputInfo()));
    }

    private static List<TensorSignature> tensors(Map<String, NodeInfo> nodes) {
        List<TensorSignature> out = new ArrayList<>();
        for (NodeInfo n : nodes.values()) {
            if (n.getInfo() instanceof TensorInfo t) {
                out.add(new TensorSignature(n.getName(), t.type.name(), t.getShape()));
            } else {
                out.add(new TensorSignature(n.getName(), "NON_TENSOR(" + n.getInfo() + ")", new long[0]));
            }
        }
        return out;
    }

    private void checkOpen() {
        if (closed) throw new IllegalStateException("the ONNX Runtime engine is closed");
    }

    /** Closes every cached session (the process-wide environment stays, as ONNX Runtime requires). */
    @Override
    public void close() {
        closed = true;
        for (OrtSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                // closing releases native memory; a failure here leaves nothing for the caller to do
            }
        }
        sessions.clear();
    }
}
