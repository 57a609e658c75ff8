#!/usr/bin/env bash
# Rebuilds pnen-radiomics-demo (SYNTHETIC data, research use only) with the product's own code path.
# Deterministic: the same code gives byte-identical model.onnx and model-card.json (DemoModelsTest checks it).
#   ./train.sh              regenerate the synthetic volumes + features (about 30 s), then train
#   ./train.sh --from-csv   retrain from the committed synthetic-cohort.csv only
set -euo pipefail
cd "$(dirname "$0")/../../backend"
mvn -B -q -o -Dskip.frontend compile
mvn -B -q -o -Dskip.frontend dependency:build-classpath -Dmdep.outputFile=target/grading-classpath.txt
java -cp "target/classes:$(cat target/grading-classpath.txt)" io.delineo.grading.demo.DemoRadiomicsModel \
  --out ../onnx-models/pnen-radiomics-demo "$@"
