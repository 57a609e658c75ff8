package io.delineo.testing;

import io.delineo.archive.volume.SeriesVolumeBuilder;
import io.delineo.archive.volume.SliceInput;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.pixel.PixelData;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.imaging.Volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared fixtures: the demo CT of backend/demo-data and spherical ROIs on it; the shipped model folder. */
public final class DemoCase {
    public static final Path MODELS = Path.of("../onnx-models");

    private DemoCase() { }

    /** The 79-slice demo CT (TCIA Pancreatic-CT-CBCT-SEG, CC BY 4.0) as a HU volume, built as the archive does. */
    public static Volume demoCt() throws IOException {
        return SeriesVolumeBuilder.build(demoCtSlices()).volume();
    }

    /** The demo CT's slices as the archive hands them to SeriesVolumeBuilder (pixels decoded on demand). */
    public static List<SliceInput> demoCtSlices() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("demo-data/pancreatic-ct"))) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).toList();
        }
        List<SliceInput> slices = new ArrayList<>();
        for (Path f : files) {
            DicomFile d = DicomReader.read(f);
            slices.add(new SliceInput(d.dataset().getString(Tags.SOPInstanceUID),
                    d.dataset().getString(Tags.FrameOfReferenceUID), d.dataset().getDoubles(Tags.ImagePositionPatient),
                    d.dataset().getDoubles(Tags.ImageOrientationPatient), d.dataset().getDoubles(Tags.PixelSpacing),
                    d.dataset().getDouble(Tags.SliceThickness), d.dataset().getInt(Tags.Rows),
                    d.dataset().getInt(Tags.Columns), () -> PixelData.of(d).realValues(0)));
        }
        return slices;
    }

    /** A sphere of {@code volumeMl} around voxel (i, j, k), in patient mm. */
    public static BitMask sphere(ImageGrid g, int ci, int cj, int ck, double volumeMl) {
        double r = Math.cbrt(3 * volumeMl * 1000 / (4 * Math.PI));
        BitMask m = new BitMask(g);
        int ri = (int) Math.ceil(r / g.sx()) + 1, rj = (int) Math.ceil(r / g.sy()) + 1, rk = (int) Math.ceil(r / g.sz()) + 1;
        for (int k = Math.max(0, ck - rk); k <= Math.min(g.nz() - 1, ck + rk); k++)
            for (int j = Math.max(0, cj - rj); j <= Math.min(g.ny() - 1, cj + rj); j++)
                for (int i = Math.max(0, ci - ri); i <= Math.min(g.nx() - 1, ci + ri); i++) {
                    double dx = (i - ci) * g.sx(), dy = (j - cj) * g.sy(), dz = (k - ck) * g.sz();
                    if (dx * dx + dy * dy + dz * dz <= r * r) m.set(i, j, k);
                }
        return m;
    }
}
