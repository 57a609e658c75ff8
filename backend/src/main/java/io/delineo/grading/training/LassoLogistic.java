package io.delineo.grading.training;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * L1-regularised logistic regression on standardised features: LIBLINEAR's L1R_LR solver through Tribuo. (Tribuo
 * 4.3.2's {@code LinearSGDTrainer} with {@code AdaGradRDA} was tried first: its L1 term left the weights bit-identical
 * for l1 from 0 to 5, so it gives no sparsity.) Tribuo numbers features by sorted name and classes by its output-ID
 * info; {@link #featureOrder()} and {@link #labelOrder()} report them, and the ONNX graph follows them.
 */
public final class LassoLogistic {
    private static final LabelFactory LABELS = new LabelFactory();

    private final LibLinearClassificationModel model;
    private final List<String> featureOrder;
    private final List<String> labelOrder;

    private LassoLogistic(LibLinearClassificationModel model) {
        this.model = model;
        ImmutableFeatureMap fm = model.getFeatureIDMap();
        List<String> f = new ArrayList<>();
        for (int id = 0; id < fm.size(); id++) f.add(fm.get(id).getName());
        this.featureOrder = List.copyOf(f);
        ImmutableOutputInfo<Label> oi = model.getOutputIDInfo();
        List<String> l = new ArrayList<>();
        for (int id = 0; id < oi.size(); id++) l.add(oi.getOutput(id).getLabel());
        this.labelOrder = List.copyOf(l);
    }

    /** Fits on {@code z} (already standardised) for the given rows; a fresh trainer per fit, seeded by the config. */
    public static LassoLogistic fit(double[][] z, int[] classOf, List<String> features, List<String> labels, int[] rows,
                                    TrainingConfig cfg) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("delineo grading cohort", LABELS), LABELS);
        String[] names = features.toArray(new String[0]);
        for (int r : rows) ds.add(new ArrayExample<>(new Label(labels.get(classOf[r])), names, z[r].clone()));
        double cost = 1.0 / (cfg.l1() * rows.length);
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR), cost, cfg.maxIterations(),
                cfg.tolerance(), cfg.seed());
        return new LassoLogistic((LibLinearClassificationModel) trainer.train(ds));
    }

    public LibLinearClassificationModel model() { return model; }

    /** Input columns of the model (and of its ONNX export), Tribuo feature-ID order. */
    public List<String> featureOrder() { return featureOrder; }

    /** Probability outputs of the model (and of its ONNX export), Tribuo output-ID order. */
    public List<String> labelOrder() { return labelOrder; }

    /** Tribuo's class probabilities for a standardised row given in {@code features} order, in {@code labels} order. */
    public double[] probabilities(double[] zRow, List<String> features, List<String> labels) {
        Example<Label> e = new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, features.toArray(new String[0]), zRow.clone());
        Prediction<Label> p = model.predict(e);
        double[] out = new double[labels.size()];
        for (int c = 0; c < out.length; c++) {
            Label l = p.getOutputScores().get(labels.get(c));
            out[c] = l == null ? 0 : l.getScore();
        }
        return out;
    }

    /** Features with a non-zero weight in any class's model (the L1 selection), in feature order. */
    public List<String> selectedFeatures() {
        de.bwaldvogel.liblinear.Model m = model.getInnerModels().get(0);
        double[] w = m.getFeatureWeights(); // feature-major: w[feature * k + class], k = 1 for two classes
        int k = m.getNrClass() == 2 ? 1 : m.getNrClass();
        List<String> out = new ArrayList<>();
        for (int j = 0; j < featureOrder.size(); j++) {
            for (int c = 0; c < k; c++) {
                if (w[j * k + c] != 0) {
                    out.add(featureOrder.get(j));
                    break;
                }
            }
        }
        return out;
    }
}
