#!/usr/bin/python3
"""Builds the pnen-roi-image-demo model: a tiny 3-D CNN trained on SYNTHETIC lesion crops (no patient data).

Run with Debian's python (numpy, onnx 1.12):  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 train.py
Deterministic for the seeds below; writes model.onnx, model-card.json, reference-outputs.json, train-report.txt.

Input (see model-card.json): [1, 2, 32, 32, 32] float32, channel 0 = portal-venous CT clipped to [-100, 300] HU and
mapped to [0, 1], channel 1 = ROI mask fraction; 2 mm isotropic, crop centred on the ROI bounding box.
Graph: Conv3D(2->8, 3x3x3, stride 2, pad 1) -> ReLU -> GlobalAveragePool -> Flatten -> Gemm(8->3) -> Softmax.

Generative model of the synthetic crops, drawn per grade (mean, SD): lesion diameter G1 16 (4), G2 22 (6),
G3 28 (7) mm clipped to 8..40; enhancement G1 150, G2 125, G3 100 (SD 20) HU; internal heterogeneity (SD of
smoothed noise) G1 10 (3), G2 18 (5), G3 26 (6) HU; central necrosis (30 HU) with probability 0, 0.15, 0.5;
background: fat -90 HU with a 30 mm pancreas-like slab at 105 HU; scanner noise SD 12 HU. The grade dependence is
invented for the demo and is the same as io.delineo.grading.demo.SyntheticPnenGenerator's (Java) model, but drawn
directly on the 2 mm crop grid here.
"""
import hashlib
import json
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ID, VERSION = "pnen-roi-image-demo", "1.0.0"
CREATED = "2026-11-27T00:00:00Z"
CROP, SPACING = 32, 2.0
WINDOW = (-100.0, 300.0)
LABELS = ["G1", "G2", "G3"]
TRAIN_PER_GRADE, TEST_PER_GRADE = 100, 50
TRAIN_SEED, TEST_SEED, INIT_SEED = 11, 22, 33
FILTERS, EPOCHS, BATCH, LR = 8, 40, 16, 0.01


def smooth(a, passes=2):
    for _ in range(passes):
        for ax in range(3):
            p = np.pad(a, [(1, 1) if i == ax else (0, 0) for i in range(3)], mode="edge")
            sl = lambda o: tuple(slice(o, o + a.shape[ax]) if i == ax else slice(None) for i in range(3))
            a = (p[sl(0)] + p[sl(1)] + p[sl(2)]) / 3.0
    return (a - a.mean()) / a.std()


def synthetic_crop(rng, grade):
    g = grade
    diameter = float(np.clip(rng.normal([16, 22, 28][g], [4, 6, 7][g]), 8, 40))
    enhancement = rng.normal([150, 125, 100][g], 20)
    heterogeneity = max(2.0, rng.normal([10, 18, 26][g], [3, 5, 6][g]))
    necrosis = rng.random() < [0, 0.15, 0.5][g]
    radii = np.array([diameter / 2, diameter / 2 * (0.75 + 0.25 * rng.random()), diameter / 2 * (0.75 + 0.25 * rng.random())])
    tilt = (rng.random() - 0.5) * 0.6
    c = (np.arange(CROP) - (CROP - 1) / 2) * SPACING
    z, y, x = np.meshgrid(c, c, c, indexing="ij")  # D, H, W = z, y, x
    e = np.sqrt((x / radii[0]) ** 2 + (y / radii[1]) ** 2 + (z / radii[2]) ** 2)
    lesion = e <= 1
    hu = np.where(np.abs(y - tilt * x) < 15, 105.0, -90.0)
    tex = smooth(rng.standard_normal((CROP, CROP, CROP)), 1)
    hu = np.where(lesion, enhancement + heterogeneity * tex, hu)
    if necrosis:
        hu = np.where(lesion & (e < 0.35), 30.0, hu)
    hu = hu + 12 * rng.standard_normal(hu.shape)
    ct = (np.clip(hu, *WINDOW) - WINDOW[0]) / (WINDOW[1] - WINDOW[0])
    return np.stack([ct, lesion.astype(np.float64)]).astype(np.float32)


def cohort(seed, per_grade):
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for g in range(3):
        for _ in range(per_grade):
            xs.append(synthetic_crop(rng, g))
            ys.append(g)
    return np.stack(xs), np.array(ys)


def im2col(x):
    """[N, C, 32, 32, 32] -> [N, 16^3, C*27] patches of a 3x3x3 stride-2 pad-1 convolution, (c, kd, kh, kw) order."""
    n, ch = x.shape[:2]
    p = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1), (1, 1)))
    o = CROP // 2
    cols = np.empty((n, o, o, o, ch, 3, 3, 3), dtype=np.float64)
    for kd in range(3):
        for kh in range(3):
            for kw in range(3):
                cols[..., kd, kh, kw] = p[:, :, kd:kd + 2 * o:2, kh:kh + 2 * o:2, kw:kw + 2 * o:2].transpose(0, 2, 3, 4, 1)
    return cols.reshape(n, o ** 3, ch * 27)


def forward(params, x):
    w, b, v, c = params
    cols = im2col(x)
    h = cols @ w.reshape(FILTERS, -1).T + b
    r = np.maximum(h, 0)
    gap = r.mean(axis=1)
    logits = gap @ v + c
    logits -= logits.max(axis=1, keepdims=True)
    p = np.exp(logits)
    return p / p.sum(axis=1, keepdims=True), (cols, h, gap)


def train(x, y):
    rng = np.random.default_rng(INIT_SEED)
    fan_in = 2 * 27
    params = [rng.normal(0, np.sqrt(2 / fan_in), (FILTERS, 2, 3, 3, 3)), np.zeros(FILTERS),
              rng.normal(0, np.sqrt(1 / FILTERS), (FILTERS, 3)), np.zeros(3)]
    m = [np.zeros_like(p) for p in params]
    s = [np.zeros_like(p) for p in params]
    step = 0
    for epoch in range(EPOCHS):
        order = rng.permutation(len(y))
        loss = 0.0
        for start in range(0, len(y), BATCH):
            idx = order[start:start + BATCH]
            p, (cols, h, gap) = forward(params, x[idx])
            onehot = np.eye(3)[y[idx]]
            loss += -np.log(p[np.arange(len(idx)), y[idx]] + 1e-12).sum()
            dlogits = (p - onehot) / len(idx)
            dv = gap.T @ dlogits
            dc = dlogits.sum(axis=0)
            dgap = dlogits @ params[2].T
            dh = (dgap[:, None, :] / h.shape[1]) * (h > 0)
            dw = np.einsum("npk,npf->fk", cols, dh).reshape(params[0].shape)
            db = dh.sum(axis=(0, 1))
            step += 1
            for i, g in enumerate([dw, db, dv, dc]):  # Adam
                m[i] = 0.9 * m[i] + 0.1 * g
                s[i] = 0.999 * s[i] + 0.001 * g * g
                params[i] = params[i] - LR * (m[i] / (1 - 0.9 ** step)) / (np.sqrt(s[i] / (1 - 0.999 ** step)) + 1e-8)
        print(f"epoch {epoch + 1}: mean loss {loss / len(y):.4f}", flush=True)
    return params


def auc(scores, positive):
    """Mann-Whitney U / (n+ n-), ties counted one half."""
    pos, neg = scores[positive], scores[~positive]
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return greater / (len(pos) * len(neg))


def micro_auc(p, y):
    onehot = np.eye(3, dtype=bool)[y]
    return auc(p.ravel(), onehot.ravel())


def bootstrap_ci(p, y, stat, seed=20240611, resamples=2000):
    rng = np.random.default_rng(seed)
    groups = [np.flatnonzero(y == g) for g in range(3)]
    vals = []
    for _ in range(resamples):
        idx = np.concatenate([rng.choice(g, size=len(g), replace=True) for g in groups])
        vals.append(stat(p[idx], y[idx]))
    return float(np.quantile(vals, 0.025)), float(np.quantile(vals, 0.975))


def export(params, path):
    w, b, v, c = params
    inits = [numpy_helper.from_array(w.astype(np.float32), "conv_w"), numpy_helper.from_array(b.astype(np.float32), "conv_b"),
             numpy_helper.from_array(v.astype(np.float32), "fc_w"), numpy_helper.from_array(c.astype(np.float32), "fc_b")]
    nodes = [
        helper.make_node("Conv", ["image", "conv_w", "conv_b"], ["conv"], kernel_shape=[3, 3, 3], pads=[1] * 6, strides=[2, 2, 2]),
        helper.make_node("Relu", ["conv"], ["relu"]),
        helper.make_node("GlobalAveragePool", ["relu"], ["gap"]),
        helper.make_node("Flatten", ["gap"], ["features"], axis=1),
        helper.make_node("Gemm", ["features", "fc_w", "fc_b"], ["logits"]),
        helper.make_node("Softmax", ["logits"], ["probabilities"], axis=1),
    ]
    graph = helper.make_graph(nodes, "pnen_roi_image_demo",
                              [helper.make_tensor_value_info("image", TensorProto.FLOAT, ["batch", 2, CROP, CROP, CROP])],
                              [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, ["batch", 3])], inits)
    model = helper.make_model(graph, producer_name="delineo train.py", opset_imports=[helper.make_opsetid("", 13)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    data = model.SerializeToString()
    with open(path, "wb") as f:
        f.write(data)
    return data


def reference_inputs():
    """Inputs Java can rebuild exactly: exact decimal fractions cast to float32."""
    n = 2 * CROP ** 3
    i = np.arange(n, dtype=np.int64)
    a = ((i * 7919) % 1000) / 1000.0
    b = np.where(((i // 37) % 5) < 2, 0.75, 0.125)
    return [a.astype(np.float32).reshape(1, 2, CROP, CROP, CROP), b.astype(np.float32).reshape(1, 2, CROP, CROP, CROP)]


def main():
    xtr, ytr = cohort(TRAIN_SEED, TRAIN_PER_GRADE)
    xte, yte = cohort(TEST_SEED, TEST_PER_GRADE)
    params = train(xtr, ytr)
    f32 = [p.astype(np.float32).astype(np.float64) for p in params]  # evaluate exactly the exported weights
    pte, _ = forward(f32, xte)
    pred = pte.argmax(axis=1)
    acc = float((pred == yte).mean())
    micro = float(micro_auc(pte, yte))
    micro_ci = bootstrap_ci(pte, yte, micro_auc)
    per_class = []
    for g in range(3):
        stat = lambda p, y, g=g: auc(p[:, g], y == g)
        per_class.append((float(stat(pte, yte)), bootstrap_ci(pte, yte, stat)))
    brier = float(((pte - np.eye(3)[yte]) ** 2).sum(axis=1).mean())
    confusion = [[int(((yte == t) & (pred == p)).sum()) for p in range(3)] for t in range(3)]
    data = export(params, "model.onnx")
    sha = hashlib.sha256(data).hexdigest()
    refs = [{"pattern": k, "probabilities": [float(v) for v in forward(f32, x)[0][0]]}
            for k, x in zip(["sevenNineteen", "stripes"], reference_inputs())]
    with open("reference-outputs.json", "w") as f:
        json.dump({"note": "numpy float64 forward pass of the exported float32 weights; inputs are rebuilt in "
                           "RoiImageDemoModelTest", "outputs": refs}, f, indent=2)
    method = (f"held-out SYNTHETIC test set: {3 * TEST_PER_GRADE} crops ({TEST_PER_GRADE} per grade, generator seed "
              f"{TEST_SEED}, disjoint from the {3 * TRAIN_PER_GRADE} training crops of seed {TRAIN_SEED})")
    ci = "; 95% CI: stratified percentile bootstrap, 2000 resamples, seed 20240611"
    metrics = [{"name": "micro-average one-vs-rest AUC", "value": micro, "ci95": list(micro_ci), "method": method + ci}]
    for g in range(3):
        metrics.append({"name": f"AUC {LABELS[g]} vs rest", "value": per_class[g][0], "ci95": list(per_class[g][1]),
                        "method": method + ci})
    metrics.append({"name": "accuracy (arg-max)", "value": acc, "method": method})
    metrics.append({"name": "Brier score (multi-class, 0..2)", "value": brier, "method": method})
    card = {
        "schema": "delineo-model-card/1", "id": ID, "version": VERSION, "task": "G1/G2/G3", "classLabels": LABELS,
        "input": {"kind": "roi-image", "tensorName": "image", "phases": ["CT_PORTAL_VENOUS"],
                  "cropVoxels": [CROP] * 3, "spacingMm": SPACING, "cropMm": [CROP * SPACING] * 3,
                  "centring": "roi-bbox-centre", "axes": "patient-LPS: W=+x (left), H=+y (posterior), D=+z (superior)",
                  "interpolation": "trilinear", "huWindow": list(WINDOW), "outsideHu": -1000.0,
                  "normalisation": {"method": "window-to-unit"}, "layout": "NCDHW", "maskChannel": True},
        "output": {"tensorName": "probabilities", "kind": "probabilities"},
        "trainingData": {"description": f"SYNTHETIC: {3 * TRAIN_PER_GRADE} computer-generated 64 mm crops (no patient data) "
                                        "of ellipsoidal lesions in a pancreas-like slab, with invented grade-dependent "
                                        "size, enhancement, heterogeneity and necrosis (generative model in train.py, "
                                        f"seed {TRAIN_SEED}).",
                         "nature": "synthetic", "casesPerClass": {l: TRAIN_PER_GRADE for l in LABELS}},
        "evaluation": {"protocol": "Trained once on the synthetic training crops (Adam, 40 epochs, batch 16, lr 0.01, "
                                   f"init seed {INIT_SEED}), no tuning on the test crops; metrics on a separately "
                                   f"generated synthetic test set. Confusion (rows truth G1..G3): {confusion}.",
                       "metrics": metrics},
        "intendedUse": "Demonstration and software testing of the roi-image grading path (cropping, resampling, "
                       "inference, display). Not for any statement about a patient.",
        "limitations": ["Trained and tested on synthetic crops only: its outputs say nothing about real pancreatic "
                        "neuroendocrine neoplasms.",
                        "The synthetic test set comes from the same invented generator, so the metrics overstate what "
                        "any real-data performance could be.",
                        "Tiny model (8 filters, 515 parameters); single phase; no augmentation, no calibration step.",
                        "Research use only; not a medical device."],
        "researchUseOnly": True, "modelSha256": sha, "created": CREATED,
        "software": {"training": f"train.py with numpy {np.__version__}, python {sys.version.split()[0]}",
                     "onnxExport": f"onnx {onnx.__version__} helper, opset 13"},
    }
    with open("model-card.json", "w") as f:
        json.dump(card, f, indent=2)
        f.write("\n")
    report = (f"test micro AUC {micro:.3f} CI {micro_ci[0]:.3f}-{micro_ci[1]:.3f}; per class "
              + ", ".join(f"{LABELS[g]} {per_class[g][0]:.3f}" for g in range(3))
              + f"; accuracy {acc:.3f}; Brier {brier:.3f}; confusion {confusion}; sha256 {sha}\n")
    with open("train-report.txt", "w") as f:
        f.write(report)
    print(report, end="")


if __name__ == "__main__":
    main()
