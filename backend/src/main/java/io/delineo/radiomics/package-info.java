/**
 * Delineo's IBSI chapter 1 feature engine (framework-free).
 *
 * <h2>Use</h2>
 * <pre>
 * RadiomicsSettings s = RadiomicsSettings.parse(json);            // the JSON contract, see RadiomicsSettings
 * FeatureResult r = new RadiomicsExtractor().extract(volume, roiMask, s);   // RoiMask, boolean[] or IntPredicate
 * r.values();  r.csvHeader();  r.csvRow();  r.settingsHash();  r.softwareVersion();
 * </pre>
 * Command line: {@link io.delineo.radiomics.cli.RadiomicsCli}. Inter-reader robustness:
 * {@link io.delineo.stats.IntraclassCorrelation}.
 *
 * <h2>Column names (contract for CSV export and the CLI)</h2>
 * <ul>
 *   <li>Column = IBSI feature code, e.g. {@code RNU0} (mesh volume), {@code Q4LE} (mean).</li>
 *   <li>Families with several aggregations add the aggregation ({@link io.delineo.radiomics.Aggregation}):
 *       GLCM and GLRLM: {@code _2D_avg}, {@code _2D_smrg}, {@code _2_5D_dmrg}, {@code _2_5D_vmrg} (2D settings) or
 *       {@code _3D_avg}, {@code _3D_mrg} (3D settings); GLSZM, GLDZM, NGTDM, NGLDM: {@code _2D_avg},
 *       {@code _2_5D_vmrg} (2D) or {@code _3D} (3D). Morphology, local intensity, statistics, intensity histogram
 *       and intensity-volume histogram use the bare code.</li>
 *   <li>Parameterised IVH features carry the parameter: {@code BC2M_10} (V10), {@code BC2M_90}, {@code GBPN_10}
 *       (I10), {@code GBPN_90}, {@code DDTU_10_90}, {@code CNV2_10_90}; {@code 9CMM} is the area under the IVH.</li>
 *   <li>Features of a filtered image are prefixed by the filter: {@code LoG_s<sigma>mm_}, e.g.
 *       {@code LoG_s2mm_Q4LE}, {@code LoG_s2.5mm_GYBY_3D_avg}. Morphology is not repeated for filtered images.</li>
 *   <li>The CSV row ends with {@code settings_sha256} and {@code software_version}.</li>
 * </ul>
 *
 * <h2>Processing (IBSI chapter 1)</h2>
 * Resampling with grid-centre alignment ({@code n = ceil(n0 s0 / s)}), nearest-boundary padding, nearest / (bi,tri)linear
 * / cubic B-spline interpolation, optional rounding; ROI interpolated with the same grid and binarised at the
 * partial-volume threshold (morphological mask); re-segmentation by range then mean &plusmn; k SD (intensity mask);
 * FBS discretisation from the re-segmentation lower bound (else the ROI minimum), FBN from the ROI's own range.
 * Texture matrices: Chebyshev distance 1, symmetric GLCM, 26/8-connected zones, 6/4-connected GLDZM distances from the
 * morphological mask, NGTDM/NGLDM neighbourhoods restricted to the ROI (NGLDM coarseness 0).
 *
 * <h2>Filters</h2>
 * Laplacian of Gaussian, 3-D, scale &sigma; in mm (per-axis voxel sigma for anisotropic spacing), sampled kernels
 * truncated at 4&sigma;, half-sample symmetric mirror boundary, response scale-normalised by &sigma;&sup2; - identical
 * to {@code sigma^2 * sum_a scipy.ndimage.gaussian_filter(order=2 along a) / spacing_a^2}. Filter responses reuse the
 * unfiltered intensity mask, are discretised with FBN (the setting's bin count when it is FBN, else 32 bins) and
 * use a 1000-bin FBN intensity-volume histogram.
 *
 * <h2>Conformance</h2>
 * IBSI digital phantom: all 482 reference values match ({@code IbsiDigitalPhantomTest}); CT phantom configurations
 * A, B and C: all reference features match ({@code IbsiCtPhantomConformanceTest}, runs when the shared data exist).
 */
package io.delineo.radiomics;
