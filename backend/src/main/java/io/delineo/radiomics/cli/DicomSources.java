package io.delineo.radiomics.cli;

import io.delineo.archive.volume.SeriesVolume;
import io.delineo.archive.volume.SeriesVolumeBuilder;
import io.delineo.archive.volume.SliceInput;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.rtstruct.RoiRasterizer;
import io.delineo.interop.rtstruct.RtStruct;
import io.delineo.interop.rtstruct.RtStructReader;
import io.delineo.interop.seg.SegReader;
import io.delineo.interop.seg.Segmentation;
import io.delineo.radiomics.RoiMask;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** DICOM inputs of the command line: a folder holding one CT/MR series, and an RTSTRUCT or SEG on that series. */
public final class DicomSources {
    static final String RTSTRUCT = "1.2.840.10008.5.1.4.1.1.481.3";

    /** The image volume and the series description the mask readers need. */
    public record Series(Volume volume, SourceSeries source) {
    }

    private DicomSources() {
    }

    public static boolean isDicomFile(Path path) {
        if (Files.isDirectory(path)) return false;
        try (InputStream in = Files.newInputStream(path)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads every DICOM image in a folder; it must hold exactly one image series. */
    public static Series series(Path folder) throws IOException {
        Map<String, List<DicomFile>> bySeries = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                if (!isDicomFile(f) && !f.toString().toLowerCase(Locale.ROOT).endsWith(".dcm")) continue;
                DicomFile d;
                try {
                    d = DicomReader.read(f);
                } catch (DicomException e) {
                    throw new IllegalArgumentException(f + " is not a readable DICOM file: " + e.getMessage());
                }
                if (!d.dataset().contains(Tags.PixelData)) continue;
                bySeries.computeIfAbsent(d.dataset().getString(Tags.SeriesInstanceUID), k -> new ArrayList<>()).add(d);
            }
        }
        if (bySeries.isEmpty()) throw new IllegalArgumentException("no DICOM images found in " + folder);
        if (bySeries.size() > 1) {
            throw new IllegalArgumentException(folder + " holds " + bySeries.size() + " image series " + bySeries.keySet()
                    + "; give a folder with one series");
        }
        List<DicomFile> files = bySeries.values().iterator().next();
        List<SliceInput> slices = new ArrayList<>();
        List<Dataset> headers = new ArrayList<>();
        for (DicomFile d : files) {
            Dataset ds = d.dataset();
            headers.add(ds);
            slices.add(new SliceInput(ds.getString(Tags.SOPInstanceUID), ds.getString(Tags.FrameOfReferenceUID),
                    ds.getDoubles(Tags.ImagePositionPatient), ds.getDoubles(Tags.ImageOrientationPatient),
                    ds.getDoubles(Tags.PixelSpacing), ds.getDouble(Tags.SliceThickness), ds.getInt(Tags.Rows, 0),
                    ds.getInt(Tags.Columns, 0), () -> PixelData.of(d).realValues(0)));
        }
        SeriesVolume v = SeriesVolumeBuilder.build(slices);
        return new Series(v.volume(), SourceSeries.of(headers));
    }

    /** The ROI named {@code roi} (or the only one) of an RTSTRUCT or SEG, on the image grid. */
    public static RoiMask mask(Path file, Series series, String roi) {
        if (series == null) {
            throw new UnsupportedOperationException("an RTSTRUCT or SEG mask needs its DICOM image series: give --image "
                    + "as the folder of that series");
        }
        DicomFile d;
        try {
            d = DicomReader.read(file);
        } catch (DicomException e) {
            throw new IllegalArgumentException(file + " is not a readable DICOM file: " + e.getMessage());
        }
        ImageGrid grid = series.volume().grid();
        BitMask mask;
        if (RTSTRUCT.equals(d.dataset().getString(Tags.SOPClassUID))) {
            RtStruct rt = RtStructReader.read(d.dataset(), series.source());
            String name = pick(rt.rois().stream().map(RtStruct.Roi::name).toList(), roi, file);
            RtStruct.Roi chosen = rt.rois().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
            mask = RoiRasterizer.rasterize(chosen.contours(), grid, new ArrayList<>());
        } else {
            Segmentation seg = SegReader.read(d, series.source());
            List<String> labels = seg.segments().stream().map(Segmentation.Segment::label).toList();
            String name = pick(labels, roi, file);
            mask = seg.segments().stream().filter(s -> s.label().equals(name)).findFirst().orElseThrow().mask();
        }
        BitMask m = mask;
        RoiMask out = RoiMask.fromPredicate(grid, m::get);
        if (out.voxelCount() == 0) throw new IllegalArgumentException("the ROI '" + roi + "' in " + file + " is empty");
        return out;
    }

    private static String pick(List<String> names, String roi, Path file) {
        if (roi == null) {
            if (names.size() == 1) return names.get(0);
            throw new IllegalArgumentException(file + " holds " + names.size()
                    + " ROIs " + names + "; choose one with --roi NAME");
        }
        for (String n : names) if (n.equalsIgnoreCase(roi)) return n;
        throw new IllegalArgumentException("no ROI named '" + roi + "' in " + file + "; it has " + names);
    }
}
