/**
 * What the interop writers and readers share: the referenced series ({@link io.delineo.interop.common.SourceSeries}),
 * the identity of a derived object ({@link io.delineo.interop.common.DerivedSeriesInfo}), the common modules and
 * the exceptions that explain a refusal.
 */
package io.delineo.interop.common;
