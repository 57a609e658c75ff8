package io.delineo.archive.volume;

import io.delineo.archive.ArchiveFiles;
import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.io.DicomReader;
import io.delineo.dicom.io.ReadOptions;
import io.delineo.dicom.pixel.PixelData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Series → volume for server-side computations (rasterisation, agreement, features, inference). Keeps the last few
 * volumes, keyed by the exact set of stored files, so repeated computations on one case do not decode it again.
 */
@ApplicationScoped
public class VolumeService {
    private static final int CACHED_VOLUMES = 4;

    @Inject
    ArchiveFiles store;

    private final Map<String, SeriesVolume> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeriesVolume> eldest) {
            return size() > CACHED_VOLUMES;
        }
    };

    private record FileRef(String sop, String sha, String ts, String frameOfReference, double[] ipp, double[] iop,
                           double[] spacing, Double thickness, int rows, int columns, int frames) {
    }

    /** Grid and slice order from the index alone (no pixel decoding): enough to rasterise contours. */
    public SeriesVolumeBuilder.Geometry geometry(String seriesInstanceUid) {
        List<SliceInput> slices = new ArrayList<>();
        for (FileRef f : files(seriesInstanceUid)) {
            slices.add(new SliceInput(f.sop(), f.frameOfReference(), f.ipp(), f.iop(), f.spacing(), f.thickness(),
                    f.rows(), f.columns(), () -> {
                        throw new IllegalStateException("geometry only");
                    }));
        }
        return SeriesVolumeBuilder.geometry(slices);
    }

    public SeriesVolume load(String seriesInstanceUid) {
        List<FileRef> files = files(seriesInstanceUid);
        String key = seriesInstanceUid + "|" + String.join(",", files.stream().map(FileRef::sha).sorted().toList());
        synchronized (cache) {
            SeriesVolume hit = cache.get(key);
            if (hit != null) return hit;
        }
        List<SliceInput> slices = new ArrayList<>(files.size());
        for (FileRef f : files) {
            if (f.frames() > 1) {
                throw new VolumeGeometryException("instance " + f.sop() + " is multi-frame (" + f.frames()
                        + " frames); volumes are built from single-frame series only");
            }
            TransferSyntax ts = TransferSyntax.of(f.ts());
            if (!ts.canDecodePixelsInJava()) {
                throw new VolumeGeometryException("instance " + f.sop() + " is stored as " + ts.name()
                        + ", which the server cannot decode; the viewer can show it, but computations need it "
                        + "stored uncompressed, RLE, JPEG or JPEG 2000");
            }
            slices.add(new SliceInput(f.sop(), f.frameOfReference(), f.ipp(), f.iop(), f.spacing(), f.thickness(),
                    f.rows(), f.columns(), () -> decode(f)));
        }
        SeriesVolume volume = SeriesVolumeBuilder.build(slices);
        synchronized (cache) {
            cache.put(key, volume);
        }
        return volume;
    }

    @Transactional
    List<FileRef> files(String seriesInstanceUid) {
        Series series = Series.findByUid(seriesInstanceUid).orElseThrow(
                () -> new VolumeGeometryException("series " + seriesInstanceUid + " is not in the archive"));
        List<FileRef> refs = new ArrayList<>();
        for (Instance i : Instance.ofSeries(series)) {
            refs.add(new FileRef(i.sopInstanceUid, i.fileSha256, i.transferSyntaxUid, series.frameOfReferenceUid,
                    i.imagePositionPatient, i.imageOrientationPatient, i.pixelSpacing, i.sliceThickness,
                    i.rows == null ? 0 : i.rows, i.columns == null ? 0 : i.columns,
                    i.numberOfFrames == null ? 1 : i.numberOfFrames));
        }
        return refs;
    }

    private float[] decode(FileRef f) {
        try {
            DicomFile file = DicomReader.read(store.file(f.sha()), ReadOptions.defaults());
            return PixelData.of(file).realValues(0);
        } catch (DicomException e) {
            throw new VolumeGeometryException("instance " + f.sop() + " cannot be decoded: " + e.getMessage());
        }
    }
}
