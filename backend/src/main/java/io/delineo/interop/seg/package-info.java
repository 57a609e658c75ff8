/** DICOM Segmentation export (BINARY, {@link io.delineo.interop.seg.SegWriter}) and import (BINARY, FRACTIONAL, LABELMAP, {@link io.delineo.interop.seg.SegReader}). */
package io.delineo.interop.seg;
