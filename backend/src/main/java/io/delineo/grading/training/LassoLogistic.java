package io.delineo.grading.training;

import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * L1-regularised (sparse) multinomial logistic regression on standardised features, trained by Tribuo. Wraps the
 * two orderings that matter for export: Tribuo numbers features by sorted name and classes by its output-ID info;
 * {@link #featureOrder()} and {@link #labelOrder()} report them, and are what the ONNX graph's columns and outputs
 * follow.
 */
public final class LassoLogistic {
    /** Tribuo logs training progress at this interval; large, so research runs stay quiet. */
    private static final int LOG_INTERVAL = 1_000_000;
    private static final LabelFactory LABELS = new LabelFactory();

    private final LinearSGDModel model;
    private final List<String> featureOrder;
    private final List<String> labelOrder;

    private LassoLogistic(LinearSGDModel model) {
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

    /**
     * Fits on {@code z} (already standardised) for the given rows. A fresh trainer per fit keeps results a function
     * of the seed alone (Tribuo trainers advance their random state with every call).
     */
    public static LassoLogistic fit(double[][] z, int[] classOf, List<String> features, List<String> labels, int[] rows,
                                    TrainingConfig cfg) {
        MutableDataset<Label> ds = new MutableDataset<>(new SimpleDataSourceProvenance("delineo grading cohort", LABELS), LABELS);
        String[] names = features.toArray(new String[0]);
        for (int r : rows) ds.add(new ArrayExample<>(new Label(labels.get(classOf[r])), names, z[r].clone()));
        AdaGradRDA optimiser = new AdaGradRDA(cfg.learningRate(), cfg.epsilon(), cfg.l1(), cfg.l2(), rows.length);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, cfg.epochs(), LOG_INTERVAL, 1, cfg.seed());
        return new LassoLogistic(trainer.train(ds));
    }

    public LinearSGDModel model() { return model; }

    /** Input columns of the model (and of its ONNX export), Tribuo feature-ID order. */
    public List<String> featureOrder() { return featureOrder; }

    /** Probability outputs of the model (and of its ONNX export), Tribuo output-ID order. */
    public List<String> labelOrder() { return labelOrder; }

    /** Tribuo's own class probabilities for a standardised row given in {@code features} order, in {@code labels} order. */
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

    /** Features with a non-zero weight for at least one class (the L1 selection), in feature order. */
    public List<String> selectedFeatures() {
        DenseMatrix w = (DenseMatrix) model.getWeightsCopy(); // [classes, features + bias]
        List<String> out = new ArrayList<>();
        for (int j = 0; j < featureOrder.size(); j++) {
            for (int c = 0; c < w.getDimension1Size(); c++) {
                if (w.get(c, j) != 0) {
                    out.add(featureOrder.get(j));
                    break;
                }
            }
        }
        return out;
    }
}
