/**
 * Statistics kernels: plain Java (commons-math3 for distributions and linear algebra), no framework types, each
 * checked in its test against a published worked example or an independent reference (scipy / scikit-learn / numpy
 * via Debian's /usr/bin/python3).
 *
 * <ul>
 *   <li>{@link io.delineo.stats.BoundedIntervals}: Wilson, logit, Fisher z and percentile-bootstrap intervals that
 *       stay inside the quantity's range; {@link io.delineo.stats.MinimumSample} and
 *       {@link io.delineo.stats.Estimate} replace a number by "too few cases (n = 2; needs ≥ N)".</li>
 *   <li>{@link io.delineo.stats.Kappa}: Cohen's (weighted) kappa with the Fleiss–Cohen–Everitt SE, Fleiss' kappa,
 *       percent agreement.</li>
 *   <li>{@link io.delineo.stats.DeLong}, {@link io.delineo.stats.OneVsRestAuc}: AUC with DeLong variance and test;
 *       one-vs-rest, macro and micro AUC for three or more classes.</li>
 *   <li>{@link io.delineo.stats.DecisionCurve}: net benefit (Vickers &amp; Elkin 2006).</li>
 *   <li>{@link io.delineo.stats.ComBat}: empirical-Bayes site harmonisation fitted on training data.</li>
 *   <li>{@link io.delineo.stats.Mrmr}, {@link io.delineo.stats.StratifiedFolds}, {@link io.delineo.stats.LassoPath}:
 *       feature selection, repeated stratified folds, L1 logistic regression path.</li>
 * </ul>
 * Kernels throw {@link java.lang.IllegalArgumentException} with a message a person understands; services translate it
 * into the domain's refusal.
 */
package io.delineo.stats;
