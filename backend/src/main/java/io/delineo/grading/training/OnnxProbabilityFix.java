package io.delineo.grading.training;

import ai.onnx.proto.OnnxMl;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Makes Tribuo's ONNX export of a LIBLINEAR logistic model output the probabilities Tribuo itself predicts.
 * Tribuo 4.3.2 ends the graph in a Softmax over the decision values, but LIBLINEAR's probability is the logistic of
 * the decision value (two classes) or the one-vs-rest logistics normalised to sum 1 (three or more). The parity test
 * (ONNX Runtime against Tribuo) found the difference: for two classes the export gave sigmoid(2z) instead of sigmoid(z).
 * Fixes: two classes - halve the Gemm weights and bias, so Softmax([-z/2, z/2]) = sigmoid(z); more classes - replace
 * the Softmax by Sigmoid, ReduceSum over classes, Div. Also removes Tribuo's provenance metadata (training time,
 * host), so the same data and config give byte-identical files.
 */
final class OnnxProbabilityFix {
    private OnnxProbabilityFix() { }

    static byte[] apply(OnnxMl.ModelProto exported, int classes) {
        OnnxMl.ModelProto.Builder mb = exported.toBuilder().clearMetadataProps().clearDocString(); // both hold Tribuo provenance with timestamps
        OnnxMl.GraphProto.Builder g = mb.getGraphBuilder();
        int softmax = -1, gemm = -1;
        for (int i = 0; i < g.getNodeCount(); i++) {
            String op = g.getNode(i).getOpType();
            if (op.equals("Softmax")) softmax = i;
            if (op.equals("Gemm")) gemm = i;
        }
        if (softmax < 0 || gemm < 0) {
            throw new IllegalStateException("unexpected Tribuo LIBLINEAR graph (no Gemm/Softmax): " + g.getNodeList());
        }
        if (classes == 2) {
            OnnxMl.NodeProto n = g.getNode(gemm);
            scale(g, n.getInput(1), 0.5f);
            scale(g, n.getInput(2), 0.5f);
        } else {
            OnnxMl.NodeProto sm = g.getNode(softmax);
            String in = sm.getInput(0), out = sm.getOutput(0);
            g.removeNode(softmax);
            g.addNode(softmax, node("Div", out, "ovr_logistic", "ovr_sum"));
            g.addNode(softmax, node("ReduceSum", "ovr_sum", "ovr_logistic", "ovr_class_axis")
                    .toBuilder().addAttribute(OnnxMl.AttributeProto.newBuilder().setName("keepdims")
                            .setType(OnnxMl.AttributeProto.AttributeType.INT).setI(1)).build());
            g.addNode(softmax, node("Sigmoid", "ovr_logistic", in));
            g.addInitializer(OnnxMl.TensorProto.newBuilder().setName("ovr_class_axis")
                    .setDataType(OnnxMl.TensorProto.DataType.INT64.getNumber()).addDims(1).addInt64Data(1));
        }
        return mb.build().toByteArray();
    }

    private static OnnxMl.NodeProto node(String op, String output, String... inputs) {
        OnnxMl.NodeProto.Builder b = OnnxMl.NodeProto.newBuilder().setOpType(op).setName("delineo_" + output).addOutput(output);
        for (String i : inputs) b.addInput(i);
        return b.build();
    }

    private static void scale(OnnxMl.GraphProto.Builder g, String name, float factor) {
        for (int i = 0; i < g.getInitializerCount(); i++) {
            OnnxMl.TensorProto t = g.getInitializer(i);
            if (!t.getName().equals(name)) continue;
            OnnxMl.TensorProto.Builder b = t.toBuilder();
            if (t.getFloatDataCount() > 0) {
                b.clearFloatData();
                for (float f : t.getFloatDataList()) b.addFloatData(f * factor);
            } else {
                ByteBuffer src = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
                ByteBuffer dst = ByteBuffer.allocate(src.remaining()).order(ByteOrder.LITTLE_ENDIAN);
                while (src.remaining() >= 4) dst.putFloat(src.getFloat() * factor);
                b.setRawData(com.google.protobuf.ByteString.copyFrom(dst.array()));
            }
            g.setInitializer(i, b);
            return;
        }
        throw new IllegalStateException("initializer " + name + " not found in Tribuo's graph");
    }
}
