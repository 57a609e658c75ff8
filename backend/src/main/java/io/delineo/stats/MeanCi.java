package io.delineo.stats;

import java.util.List;

/** Mean with a two-sided 95 % confidence interval from Student's t (t² = F(1, n−1)). */
public record MeanCi(int n, Double mean, Double low, Double high) {

    public static MeanCi of(List<Double> values) {
        List<Double> v = values.stream().filter(x -> x != null && Double.isFinite(x)).toList();
        int n = v.size();
        if (n == 0) return new MeanCi(0, null, null, null);
        double mean = v.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n == 1) return new MeanCi(1, mean, null, null);
        double ss = 0;
        for (double x : v) ss += (x - mean) * (x - mean);
        double sd = Math.sqrt(ss / (n - 1));
        double t = Math.sqrt(FDistribution.quantile(0.95, 1, n - 1));
        double half = t * sd / Math.sqrt(n);
        return new MeanCi(n, mean, mean - half, mean + half);
    }
}
