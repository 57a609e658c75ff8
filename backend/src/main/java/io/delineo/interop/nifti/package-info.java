/**
 * NIfTI-1 single-file images ({@code .nii}, {@code .nii.gz}): {@link io.delineo.interop.nifti.NiftiReader} (sform,
 * else qform, else pixdim; RAS converted to DICOM LPS; scl_slope/scl_inter applied; uint8, int8, int16, uint16, int32,
 * uint32, float32, float64) and {@link io.delineo.interop.nifti.NiftiWriter}.
 */
package io.delineo.interop.nifti;
