package io.delineo.interop.seg;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.dicom.UidGenerator;
import io.delineo.dicom.VR;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.interop.common.CommonModules;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.DicomTags;
import io.delineo.interop.common.InteropException;
import io.delineo.interop.common.SourceSeries;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes masks on a series grid as a BINARY DICOM Segmentation (PS3.3 A.51): one segment per mask, one frame per
 * (segment, slice) that has set voxels, frames ordered by segment then slice. Every frame carries its Plane
 * Position (Patient), its Segment Identification, its Derivation Image (the source image it was drawn on, purpose
 * 121322) and Dimension Index Values (segment number, slice number 1..nz); orientation and pixel measures are
 * shared. Pixel data is 1 bit per pixel, frames packed back to back, least significant bit first (PS3.5 8.1.1).
 */
public final class SegWriter {
    /** Content Label (CS, upper case, at most 16 characters). */
    public static final String CONTENT_LABEL = "LESIONS";
    private static final double GRID_TOLERANCE_MM = 1e-4;

    private SegWriter() {
    }

    public static Dataset write(List<SegmentSpec> segments, SourceSeries source, DerivedSeriesInfo info) {
        if (segments == null || segments.isEmpty() || source == null || info == null) {
            throw new IllegalArgumentException("at least one segment, the source series and the series info are required");
        }
        if (segments.size() > 0xFFFF) throw new IllegalArgumentException("too many segments for US Segment Number");
        ImageGrid grid = source.grid();
        for (SegmentSpec s : segments) {
            if (!s.mask().grid().sameGeometry(grid, GRID_TOLERANCE_MM)) {
                throw new InteropException("segment '" + s.label() + "' is on grid " + s.mask().grid()
                        + ", not on the source series grid " + grid + ": resample it first");
            }
        }
        List<int[]> frames = new ArrayList<>(); // {segment index, k}
        for (int s = 0; s < segments.size(); s++) {
            long[] counts = segments.get(s).mask().sliceCounts();
            for (int k = 0; k < grid.nz(); k++) if (counts[k] > 0) frames.add(new int[]{s, k});
        }
        if (frames.isEmpty()) throw new InteropException("all segments are empty: a segmentation needs at least one frame");
        long bits = (long) frames.size() * grid.sliceSize();
        if ((bits + 7) / 8 > Integer.MAX_VALUE - 16) throw new InteropException("segmentation too large: " + bits + " bits");

        Dataset ds = new Dataset();
        CommonModules.write(ds, source, info, SegTags.SEGMENTATION_STORAGE, "SEG");
        CommonModules.writeContentDateTime(ds, info);
        ds.setString(Tags.ImageType, VR.CS, "DERIVED", "PRIMARY");
        ds.setInt(Tags.InstanceNumber, VR.IS, 1);
        ds.setString(DicomTags.ContentLabel, VR.CS, CONTENT_LABEL);
        ds.setString(DicomTags.ContentDescription, VR.LO, info.seriesDescription());
        ds.setString(DicomTags.ContentCreatorName, VR.PN, info.creatorName());
        ds.setInt(Tags.SamplesPerPixel, VR.US, 1);
        ds.setString(Tags.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInt(Tags.Rows, VR.US, grid.ny());
        ds.setInt(Tags.Columns, VR.US, grid.nx());
        ds.setInt(Tags.BitsAllocated, VR.US, 1);
        ds.setInt(Tags.BitsStored, VR.US, 1);
        ds.setInt(Tags.HighBit, VR.US, 0);
        ds.setInt(Tags.PixelRepresentation, VR.US, 0);
        ds.setString(DicomTags.LossyImageCompression, VR.CS, "00");
        ds.setString(SegTags.SegmentationType, VR.CS, "BINARY");
        ds.setString(SegTags.SegmentsOverlap, VR.CS, overlap(segments) ? "YES" : "NO");
        writeSegments(ds, segments);
        String dimensionUid = UidGenerator.newUid();
        writeDimensions(ds, dimensionUid);
        writeShared(ds, grid);
        writePerFrame(ds, segments, frames, source);
        writeReferencedSeries(ds, frames, source);
        ds.setInt(Tags.NumberOfFrames, VR.IS, frames.size());
        ds.setBytes(Tags.PixelData, VR.OB, pack(segments, frames, grid));
        return ds;
    }

    private static boolean overlap(List<SegmentSpec> segments) {
        for (int a = 0; a < segments.size(); a++) {
            for (int b = a + 1; b < segments.size(); b++) {
                if (segments.get(a).mask().andCount(segments.get(b).mask()) > 0) return true;
            }
        }
        return false;
    }

    private static void writeSegments(Dataset ds, List<SegmentSpec> segments) {
        Sequence seq = ds.newSequence(SegTags.SegmentSequence);
        for (int s = 0; s < segments.size(); s++) {
            SegmentSpec spec = segments.get(s);
            Dataset item = seq.addItem();
            spec.category().addTo(item.newSequence(SegTags.SegmentedPropertyCategoryCodeSequence));
            item.setInt(SegTags.SegmentNumber, VR.US, s + 1);
            item.setString(SegTags.SegmentLabel, VR.LO, spec.label());
            item.setString(SegTags.SegmentAlgorithmType, VR.CS, spec.algorithmType().name());
            if (spec.algorithmType() != SegmentAlgorithmType.MANUAL) {
                item.setString(SegTags.SegmentAlgorithmName, VR.LO, spec.algorithmName());
            }
            if (spec.rgb() != null) item.setInt(SegTags.RecommendedDisplayCIELabValue, VR.US, CieLab.fromRgb(spec.rgb()));
            spec.type().addTo(item.newSequence(SegTags.SegmentedPropertyTypeCodeSequence));
        }
    }

    private static void writeDimensions(Dataset ds, String dimensionUid) {
        ds.newSequence(SegTags.DimensionOrganizationSequence).addItem()
                .setString(SegTags.DimensionOrganizationUID, VR.UI, dimensionUid);
        ds.setString(SegTags.DimensionOrganizationType, VR.CS, "3D");
        Sequence index = ds.newSequence(SegTags.DimensionIndexSequence);
        dimension(index.addItem(), dimensionUid, SegTags.ReferencedSegmentNumber, SegTags.SegmentIdentificationSequence,
                "Segment Number");
        dimension(index.addItem(), dimensionUid, Tags.ImagePositionPatient, SegTags.PlanePositionSequence,
                "Image Position Patient");
    }

    private static void dimension(Dataset item, String uid, int pointer, int group, String label) {
        item.setString(SegTags.DimensionOrganizationUID, VR.UI, uid);
        item.setLong(SegTags.DimensionIndexPointer, VR.AT, pointer & 0xFFFFFFFFL);
        item.setLong(SegTags.FunctionalGroupPointer, VR.AT, group & 0xFFFFFFFFL);
        item.setString(SegTags.DimensionDescriptionLabel, VR.LO, label);
    }

    private static void writeShared(Dataset ds, ImageGrid grid) {
        Dataset shared = ds.newSequence(Tags.SharedFunctionalGroupsSequence).addItem();
        Dataset measures = shared.newSequence(SegTags.PixelMeasuresSequence).addItem();
        measures.setDouble(Tags.SliceThickness, VR.DS, grid.sz());
        measures.setDouble(DicomTags.SpacingBetweenSlices, VR.DS, grid.sz());
        measures.setDouble(Tags.PixelSpacing, VR.DS, grid.sy(), grid.sx());
        double[] r = grid.rowDir(), c = grid.colDir();
        shared.newSequence(SegTags.PlaneOrientationSequence).addItem()
                .setDouble(Tags.ImageOrientationPatient, VR.DS, r[0], r[1], r[2], c[0], c[1], c[2]);
    }

    private static void writePerFrame(Dataset ds, List<SegmentSpec> segments, List<int[]> frames, SourceSeries source) {
        Sequence perFrame = ds.newSequence(Tags.PerFrameFunctionalGroupsSequence);
        for (int[] f : frames) {
            int segmentNumber = f[0] + 1, k = f[1];
            SourceSeries.SourceImage image = source.image(k);
            Dataset item = perFrame.addItem();
            Dataset derivation = item.newSequence(SegTags.DerivationImageSequence).addItem();
            Dataset src = derivation.newSequence(SegTags.SourceImageSequence).addItem();
            src.setString(Tags.ReferencedSOPClassUID, VR.UI, image.sopClassUid());
            src.setString(Tags.ReferencedSOPInstanceUID, VR.UI, image.sopInstanceUid());
            SegCodes.SOURCE_IMAGE_FOR_PROCESSING.addTo(src.newSequence(SegTags.PurposeOfReferenceCodeSequence));
            SegCodes.SEGMENTATION.addTo(derivation.newSequence(SegTags.DerivationCodeSequence));
            item.newSequence(SegTags.FrameContentSequence).addItem()
                    .setLong(SegTags.DimensionIndexValues, VR.UL, segmentNumber, k + 1);
            item.newSequence(SegTags.PlanePositionSequence).addItem()
                    .setDouble(Tags.ImagePositionPatient, VR.DS, source.grid().toPatient(0, 0, k));
            item.newSequence(SegTags.SegmentIdentificationSequence).addItem()
                    .setInt(SegTags.ReferencedSegmentNumber, VR.US, segmentNumber);
        }
    }

    private static void writeReferencedSeries(Dataset ds, List<int[]> frames, SourceSeries source) {
        Set<Integer> slices = new LinkedHashSet<>();
        frames.stream().map(f -> f[1]).sorted().forEach(slices::add);
        Dataset series = ds.newSequence(Tags.ReferencedSeriesSequence).addItem();
        Sequence instances = series.newSequence(DicomTags.ReferencedInstanceSequence);
        for (int k : slices) {
            Dataset ref = instances.addItem();
            ref.setString(Tags.ReferencedSOPClassUID, VR.UI, source.image(k).sopClassUid());
            ref.setString(Tags.ReferencedSOPInstanceUID, VR.UI, source.image(k).sopInstanceUid());
        }
        series.setString(Tags.SeriesInstanceUID, VR.UI, source.seriesInstanceUid());
    }

    /** Frames back to back, pixel (i, j) of frame f at bit f*nx*ny + i + nx*j, LSB first in each byte. */
    static byte[] pack(List<SegmentSpec> segments, List<int[]> frames, ImageGrid grid) {
        int sliceSize = grid.sliceSize();
        long bits = (long) frames.size() * sliceSize;
        byte[] out = new byte[(int) (((bits + 7) / 8 + 1) & ~1L)]; // even length
        long bit = 0;
        for (int[] f : frames) {
            BitMask mask = segments.get(f[0]).mask();
            int from = f[1] * sliceSize, to = from + sliceSize;
            for (int n = mask.nextSetBit(from, to); n >= 0; n = mask.nextSetBit(n + 1, to)) {
                long b = bit + (n - from);
                out[(int) (b >>> 3)] |= (byte) (1 << (b & 7));
            }
            bit += sliceSize;
        }
        return out;
    }
}
