package io.delineo.grading.model;

import io.delineo.grading.inference.ModelSignature;
import io.delineo.grading.inference.TensorSignature;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares a card with the graph ONNX Runtime opened: one float input of the card's name and shape
 * ({@code [batch, features]} or {@code [batch, channels, D, H, W]}, batch may be dynamic), and a float output of the
 * card's name with shape {@code [batch, number of class labels]}. Tribuo's exports name them "input" and "output",
 * with a dynamic batch dimension, and end in a Softmax for log-loss models.
 */
final class CardSignatureCheck {
    private CardSignatureCheck() { }

    static List<String> problems(ModelCard card, ModelSignature sig) {
        List<String> p = new ArrayList<>();
        InputSpec in = card.input();
        if (sig.inputs().size() != 1) {
            p.add("the graph has " + sig.inputs().size() + " inputs " + sig.inputs() + "; grading models take exactly one");
        } else {
            TensorSignature t = sig.inputs().get(0);
            if (!t.name().equals(in.tensorName())) {
                p.add("card input \"" + in.tensorName() + "\" but the graph's input is \"" + t.name() + '"');
            }
            if (!t.elementType().equals("FLOAT")) p.add("graph input \"" + t.name() + "\" is " + t.elementType() + ", not FLOAT");
            compareShape("input \"" + t.name() + '"', in.tensorShape(), t.shape(), p);
        }
        TensorSignature out = sig.output(card.outputTensorName()).orElse(null);
        if (out == null) {
            p.add("the graph has no output \"" + card.outputTensorName() + "\" (outputs: " + sig.outputs() + ")");
        } else {
            if (!out.elementType().equals("FLOAT")) p.add("graph output \"" + out.name() + "\" is " + out.elementType() + ", not FLOAT");
            compareShape("output \"" + out.name() + '"', new long[]{1, card.classLabels().size()}, out.shape(), p);
        }
        return p;
    }

    private static void compareShape(String what, long[] expected, long[] actual, List<String> p) {
        if (expected.length != actual.length) {
            p.add(what + " has rank " + actual.length + " " + Arrays.toString(actual) + ", the card implies rank "
                    + expected.length + " " + Arrays.toString(expected));
            return;
        }
        if (actual[0] != -1 && actual[0] != 1) p.add(what + " has batch dimension " + actual[0] + ", need 1 or dynamic");
        for (int i = 1; i < expected.length; i++) {
            if (actual[i] == -1) {
                p.add(what + " dimension " + i + " is dynamic; the card fixes it at " + expected[i] + " and the graph must too");
            } else if (actual[i] != expected[i]) {
                p.add(what + " dimension " + i + " is " + actual[i] + " but the card implies " + expected[i]
                        + (i == 1 && expected.length == 2 ? " (features or class labels)" : ""));
            }
        }
    }
}
