package io.delineo.contour;

import io.delineo.archive.Instance;
import io.delineo.archive.volume.VolumeService;
import io.delineo.imaging.BitMask;
import io.delineo.imaging.ImageGrid;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A case's reads as voxel masks: the reads that count, the case's image geometry and the masks of any read content
 * (a reader's or a consensus) on it. Agreement, consensus, feature jobs and grading all start here.
 */
@ApplicationScoped
public class CaseMasks {
    @Inject
    ReadCodec codec;
    @Inject
    VolumeService volumes;

    /** A reader's included read: its version and content. */
    public record ReaderInput(String reader, int version, String status, ReadContent content) {
    }

    /** The case's images: SOP → series, and each series' grid (from the index, no pixels decoded). */
    public record CaseGeometry(Map<String, String> seriesOf, Map<String, ImageGrid> grids, VolumeService volumes) {
        public ImageGrid grid(String series) {
            return grids.computeIfAbsent(series, s -> volumes.geometry(s).grid());
        }
    }

    /** Reads that count: submitted ones, or also those in progress when asked. */
    public List<ReaderInput> inputs(StudyCase c, boolean includeInProgress) {
        List<ReaderInput> out = new ArrayList<>();
        for (String reader : c.study.readerNames()) {
            ReaderRead read = ReaderRead.of(c, reader).orElse(null);
            if (read == null || read.version == 0) continue;
            if (read.status != ReaderRead.Status.SUBMITTED && !includeInProgress) continue;
            ReadVersion v = ReadVersion.of(read, read.version).orElseThrow();
            out.add(new ReaderInput(reader, read.version, read.status.name(), codec.decode(v.content)));
        }
        return out;
    }

    public CaseGeometry geometry(StudyCase c) {
        Map<String, String> seriesOf = new HashMap<>();
        for (Instance i : Instance.<Instance>list("series.seriesInstanceUid in ?1", List.copyOf(c.seriesByPhase.values()))) {
            seriesOf.put(i.sopInstanceUid, i.series.seriesInstanceUid);
        }
        return new CaseGeometry(seriesOf, new HashMap<>(), volumes);
    }

    /** One mask per (label, series) of the content, on the grids of the case's series. */
    public Map<LesionMasks.Group, BitMask> masks(ReadContent content, CaseGeometry geometry) {
        return LesionMasks.of(content, geometry.seriesOf()::get, geometry::grid);
    }

    public Map<LesionMasks.Group, BitMask> masks(ReadContent content, StudyCase c) {
        return masks(content, geometry(c));
    }
}
