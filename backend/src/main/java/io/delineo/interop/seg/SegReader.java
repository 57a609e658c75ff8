package io.delineo.interop.seg;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.Code;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.DicomTags;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.common.UnsupportedObjectException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a DICOM Segmentation onto the grid of the series it segments: one {@link BitMask} per segment.
 *
 * <p>Supported: Segmentation Storage with Segmentation Type BINARY (1 bit, frames packed back to back) or
 * FRACTIONAL (a voxel is in when value / Maximum Fractional Value &ge; the threshold), and Label Map Segmentation
 * Storage (8 or 16 bit, each value a segment number). Each frame is placed by its Plane Position (Patient), or, when
 * it has none, by the source image its Derivation Image Sequence names. Refused with the reason: other SOP classes,
 * frames whose size, orientation or pixel spacing differ from the series, frames off the series' slices or shifted
 * in-plane, another frame of reference, encapsulated BINARY pixel data.
 */
public final class SegReader {
    /** How far (mm) a frame's position may be from a slice of the series: covers DS rounding. */
    static final double POSITION_TOLERANCE_MM = 0.1;
    /** Direction cosines may differ this much. */
    static final double ORIENTATION_TOLERANCE = 1e-4;
    /** Relative pixel spacing difference accepted. */
    static final double SPACING_TOLERANCE = 1e-4;

    private SegReader() {
    }

    public static Segmentation read(DicomFile file, SourceSeries source) {
        return read(file, source, 0.5);
    }

    /** @param fractionalThreshold for FRACTIONAL segmentations: the fraction (0, 1] at which a voxel counts as in */
    public static Segmentation read(DicomFile file, SourceSeries source, double fractionalThreshold) {
        if (file == null || source == null) throw new IllegalArgumentException("segmentation file and source series are required");
        if (!(fractionalThreshold > 0 && fractionalThreshold <= 1)) {
            throw new IllegalArgumentException("fractional threshold must be in (0, 1], got " + fractionalThreshold);
        }
        try {
            return new Reading(file, source, fractionalThreshold).run();
        } catch (DicomException e) {
            throw new InteropException("segmentation cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static final class Reading {
        final DicomFile file;
        final Dataset ds;
        final SourceSeries source;
        final ImageGrid grid;
        final double threshold;
        final List<String> notes = new ArrayList<>();
        final Map<Integer, SegmentInfo> segments = new LinkedHashMap<>();

        Reading(DicomFile file, SourceSeries source, double threshold) {
            this.file = file;
            this.ds = file.dataset();
            this.source = source;
            this.grid = source.grid();
            this.threshold = threshold;
        }

        Segmentation run() {
            String sopClass = ds.getString(Tags.SOPClassUID);
            boolean labelMap = SegTags.LABEL_MAP_SEGMENTATION_STORAGE.equals(sopClass);
            if (!labelMap && !SegTags.SEGMENTATION_STORAGE.equals(sopClass)) {
                throw new UnsupportedObjectException("not a segmentation: SOP Class UID " + sopClass + " (supported: "
                        + SegTags.SEGMENTATION_STORAGE + " Segmentation Storage, " + SegTags.LABEL_MAP_SEGMENTATION_STORAGE
                        + " Label Map Segmentation Storage)");
            }
            String type = ds.getString(SegTags.SegmentationType, "");
            if (labelMap ? !type.equals("LABELMAP") : !(type.equals("BINARY") || type.equals("FRACTIONAL"))) {
                throw new UnsupportedObjectException("Segmentation Type '" + type + "' is not supported for SOP class "
                        + sopClass + " (supported: BINARY, FRACTIONAL; LABELMAP in Label Map Segmentation Storage)");
            }
            String frameOfReference = ds.getString(Tags.FrameOfReferenceUID);
            if (frameOfReference != null && !frameOfReference.equals(source.frameOfReferenceUid())) {
                throw new UnsupportedObjectException("the segmentation's Frame of Reference UID " + frameOfReference
                        + " differs from the series' " + source.frameOfReferenceUid()
                        + ": it was not drawn on this series (registration is not supported)");
            }
            int rows = ds.getInt(Tags.Rows, 0), columns = ds.getInt(Tags.Columns, 0);
            if (rows != grid.ny() || columns != grid.nx()) {
                throw new UnsupportedObjectException("frames are " + rows + "x" + columns + " (rows x columns) but the "
                        + "series images are " + grid.ny() + "x" + grid.nx() + ": frames must match the series grid");
            }
            if (ds.getInt(Tags.SamplesPerPixel, 1) != 1) throw new UnsupportedObjectException("Samples per Pixel must be 1");
            int bitsAllocated = ds.getInt(Tags.BitsAllocated, 0);
            int expectedBits = type.equals("BINARY") ? 1 : type.equals("FRACTIONAL") ? 8 : bitsAllocated;
            if (bitsAllocated != expectedBits || labelMap && bitsAllocated != 8 && bitsAllocated != 16) {
                throw new InteropException("Bits Allocated is " + bitsAllocated + ", which a " + type
                        + " segmentation cannot have (BINARY 1, FRACTIONAL 8, LABELMAP 8 or 16)");
            }
            readSegments(labelMap);
            int frames = ds.getInt(Tags.NumberOfFrames, 1);
            Sequence perFrame = ds.getSequence(Tags.PerFrameFunctionalGroupsSequence);
            if (perFrame == null || perFrame.size() != frames) {
                throw new InteropException("Per-frame Functional Groups Sequence has " + (perFrame == null ? 0 : perFrame.size())
                        + " items for " + frames + " frames");
            }
            Dataset shared = ds.getItem(Tags.SharedFunctionalGroupsSequence);
            PixelSource pixels = new PixelSource(type, bitsAllocated, frames);
            for (int f = 0; f < frames; f++) {
                Dataset item = perFrame.get(f);
                checkOrientationAndSpacing(item, shared, f);
                int k = slice(item, shared, f);
                int offset = k * grid.sliceSize();
                if (labelMap) {
                    int[] values = pixels.values(f);
                    Integer padding = ds.getInt(DicomTags.PixelPaddingValue);
                    for (int p = 0; p < values.length; p++) {
                        int v = values[p];
                        if (v == 0 || padding != null && v == padding) continue;
                        SegmentInfo s = segments.get(v);
                        if (s == null) {
                            pixels.unknownLabels++;
                            continue;
                        }
                        s.mask.set(offset + p);
                    }
                } else {
                    SegmentInfo s = segments.get(segmentNumber(item, shared, f));
                    if (s.framesAt[k]++ > 0) notes.add("segment " + s.number + " has more than one frame on slice " + k + "; they were combined");
                    pixels.fill(f, s.mask, offset);
                }
            }
            if (pixels.unknownLabels > 0) {
                notes.add(pixels.unknownLabels + " label-map pixels hold values that are not segment numbers; ignored");
            }
            List<Segmentation.Segment> out = new ArrayList<>();
            for (SegmentInfo s : segments.values()) {
                out.add(new Segmentation.Segment(s.number, s.label, s.algorithmType, s.category, s.type, s.mask));
            }
            return new Segmentation(ds.getString(Tags.SOPInstanceUID), type, out, notes);
        }

        private void readSegments(boolean labelMap) {
            Sequence seq = ds.getSequence(SegTags.SegmentSequence);
            if (seq == null || seq.isEmpty()) throw new InteropException("the segmentation has no Segment Sequence (0062,0002)");
            for (Dataset item : seq) {
                Integer number = item.getInt(SegTags.SegmentNumber);
                if (number == null) throw new InteropException("a Segment Sequence item has no Segment Number");
                if (labelMap && number == 0) {
                    notes.add("label-map segment 0 ('" + item.getString(SegTags.SegmentLabel, "") + "') is background; skipped");
                    continue;
                }
                if (segments.containsKey(number)) throw new InteropException("Segment Number " + number + " occurs twice");
                Dataset cat = item.getItem(SegTags.SegmentedPropertyCategoryCodeSequence);
                Dataset typ = item.getItem(SegTags.SegmentedPropertyTypeCodeSequence);
                segments.put(number, new SegmentInfo(number, item.getString(SegTags.SegmentLabel, "Segment " + number),
                        item.getString(SegTags.SegmentAlgorithmType, ""), cat == null ? null : Code.of(cat),
                        typ == null ? null : Code.of(typ), new BitMask(grid), grid.nz()));
            }
        }

        private static Dataset group(Dataset perFrame, Dataset shared, int tag) {
            Dataset item = perFrame.getItem(tag);
            if (item == null && shared != null) item = shared.getItem(tag);
            return item;
        }

        private void checkOrientationAndSpacing(Dataset perFrame, Dataset shared, int f) {
            Dataset orientation = group(perFrame, shared, SegTags.PlaneOrientationSequence);
            double[] iop = orientation == null ? new double[0] : orientation.getDoubles(Tags.ImageOrientationPatient);
            if (iop.length != 6) throw new UnsupportedObjectException("frame " + (f + 1) + " has no Plane Orientation (Patient)");
            double[] r = grid.rowDir(), c = grid.colDir();
            for (int a = 0; a < 3; a++) {
                if (Math.abs(iop[a] - r[a]) > ORIENTATION_TOLERANCE || Math.abs(iop[a + 3] - c[a]) > ORIENTATION_TOLERANCE) {
                    throw new UnsupportedObjectException("frame " + (f + 1) + " has Image Orientation (Patient) "
                            + java.util.Arrays.toString(iop) + ", not the series' orientation: frames must match the series grid");
                }
            }
            Dataset measures = group(perFrame, shared, SegTags.PixelMeasuresSequence);
            double[] ps = measures == null ? new double[0] : measures.getDoubles(Tags.PixelSpacing);
            if (ps.length != 2) throw new UnsupportedObjectException("frame " + (f + 1) + " has no Pixel Spacing");
            if (Math.abs(ps[0] - grid.sy()) > SPACING_TOLERANCE * grid.sy()
                    || Math.abs(ps[1] - grid.sx()) > SPACING_TOLERANCE * grid.sx()) {
                throw new UnsupportedObjectException("frame " + (f + 1) + " has Pixel Spacing " + ps[0] + "\\" + ps[1]
                        + " mm but the series " + grid.sy() + "\\" + grid.sx() + " mm: frames must match the series grid");
            }
        }

        /** The series slice of frame f: from its Plane Position, else from its derivation source image. */
        private int slice(Dataset perFrame, Dataset shared, int f) {
            Dataset position = group(perFrame, shared, SegTags.PlanePositionSequence);
            double[] ipp = position == null ? new double[0] : position.getDoubles(Tags.ImagePositionPatient);
            String sourceSop = sourceImage(perFrame, shared);
            if (ipp.length == 3) {
                double[] idx = grid.toIndex(ipp[0], ipp[1], ipp[2]);
                long k = Math.round(idx[2]);
                double offSlice = Math.abs(idx[2] - k) * grid.sz();
                double inPlane = Math.hypot(idx[0] * grid.sx(), idx[1] * grid.sy());
                if (k < 0 || k >= grid.nz() || offSlice > POSITION_TOLERANCE_MM) {
                    throw new UnsupportedObjectException(String.format(java.util.Locale.ROOT, "frame %d at (%.3f, %.3f, "
                            + "%.3f) mm lies on no slice of the series (slice position %.3f of 0..%d)", f + 1, ipp[0],
                            ipp[1], ipp[2], idx[2], grid.nz() - 1));
                }
                if (inPlane > POSITION_TOLERANCE_MM) {
                    throw new UnsupportedObjectException(String.format(java.util.Locale.ROOT, "frame %d is shifted %.3f mm "
                            + "in-plane from the series images (cropped frames are not supported)", f + 1, inPlane));
                }
                if (sourceSop != null && source.sliceOf(sourceSop) >= 0 && source.sliceOf(sourceSop) != k) {
                    notes.add("frame " + (f + 1) + " names source image " + sourceSop + " but lies on slice " + k
                            + "; its position was used");
                }
                return (int) k;
            }
            if (sourceSop == null) {
                throw new UnsupportedObjectException("frame " + (f + 1) + " has neither a Plane Position (Patient) nor a "
                        + "source image, so it cannot be placed");
            }
            int k = source.sliceOf(sourceSop);
            if (k < 0) {
                throw new UnsupportedObjectException("frame " + (f + 1) + " has no Plane Position (Patient) and its source "
                        + "image " + sourceSop + " is not in the series");
            }
            return k;
        }

        private static String sourceImage(Dataset perFrame, Dataset shared) {
            Dataset derivation = group(perFrame, shared, SegTags.DerivationImageSequence);
            Dataset src = derivation == null ? null : derivation.getItem(SegTags.SourceImageSequence);
            return src == null ? null : src.getString(Tags.ReferencedSOPInstanceUID);
        }

        private int segmentNumber(Dataset perFrame, Dataset shared, int f) {
            Dataset id = group(perFrame, shared, SegTags.SegmentIdentificationSequence);
            Integer number = id == null ? null : id.getInt(SegTags.ReferencedSegmentNumber);
            if (number == null) throw new InteropException("frame " + (f + 1) + " has no Segment Identification");
            if (!segments.containsKey(number)) {
                throw new InteropException("frame " + (f + 1) + " refers to segment " + number
                        + ", which the Segment Sequence does not define");
            }
            return number;
        }

        /** Frame pixels: bit-packed BINARY from the native value, otherwise decoded stored values. */
        private final class PixelSource {
            final String type;
            final int frames;
            final byte[] packed;
            final PixelData decoder;
            final int maxFractional;
            long unknownLabels;

            PixelSource(String type, int bitsAllocated, int frames) {
                this.type = type;
                this.frames = frames;
                Attribute a = ds.get(Tags.PixelData);
                if (a == null) throw new InteropException("the segmentation has no Pixel Data");
                if (type.equals("BINARY")) {
                    if (a.isEncapsulated()) {
                        throw new UnsupportedObjectException("BINARY segmentation with encapsulated (compressed) pixel "
                                + "data in " + file.transferSyntax().name() + " is not supported; convert it to a native "
                                + "transfer syntax");
                    }
                    long needed = ((long) frames * grid.sliceSize() + 7) / 8;
                    if (a.bytes().length < needed) {
                        throw new InteropException("Pixel Data holds " + a.bytes().length + " bytes, " + frames
                                + " frames of " + grid.ny() + "x" + grid.nx() + " bits need " + needed);
                    }
                    packed = a.bytes();
                    decoder = null;
                } else {
                    packed = null;
                    decoder = PixelData.of(ds, file.transferSyntax());
                }
                maxFractional = ds.getInt(SegTags.MaximumFractionalValue, 255);
                if (type.equals("FRACTIONAL") && maxFractional <= 0) {
                    throw new InteropException("Maximum Fractional Value must be positive, is " + maxFractional);
                }
            }

            int[] values(int f) {
                int[] v = decoder.storedValues(f);
                if (v.length != grid.sliceSize()) throw new InteropException("frame " + (f + 1) + " decoded to " + v.length + " pixels");
                return v;
            }

            void fill(int f, BitMask mask, int offset) {
                int n = grid.sliceSize();
                if (packed != null) {
                    long base = (long) f * n;
                    for (int p = 0; p < n; p++) {
                        long b = base + p;
                        if ((packed[(int) (b >>> 3)] & (1 << (b & 7))) != 0) mask.set(offset + p);
                    }
                    return;
                }
                int[] v = values(f);
                for (int p = 0; p < n; p++) {
                    if (v[p] > 0 && v[p] >= threshold * maxFractional) mask.set(offset + p);
                }
            }
        }
    }

    private static final class SegmentInfo {
        final int number;
        final String label;
        final String algorithmType;
        final Code category;
        final Code type;
        final BitMask mask;
        final int[] framesAt;

        SegmentInfo(int number, String label, String algorithmType, Code category, Code type, BitMask mask, int nz) {
            this.number = number;
            this.label = label;
            this.algorithmType = algorithmType;
            this.category = category;
            this.type = type;
            this.mask = mask;
            this.framesAt = new int[nz];
        }
    }
}
