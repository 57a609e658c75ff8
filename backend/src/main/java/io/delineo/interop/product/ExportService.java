package io.delineo.interop.product;

import io.delineo.agreement.Consensus;
import io.delineo.agreement.ConsensusService;
import io.delineo.archive.IngestResult;
import io.delineo.archive.IngestService;
import io.delineo.archive.Instance;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.LesionMasks;
import io.delineo.contour.ReadCodec;
import io.delineo.contour.ReadContent;
import io.delineo.contour.ReadVersion;
import io.delineo.contour.ReaderRead;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UidGenerator;
import io.delineo.dicom.io.DicomWriter;
import io.delineo.domain.Refusal;
import io.delineo.imaging.BitMask;
import io.delineo.interop.common.DerivedSeriesInfo;
import io.delineo.interop.common.SourceSeries;
import io.delineo.interop.nifti.LabelMapWriter;
import io.delineo.interop.nifti.LabeledMask;
import io.delineo.interop.rtstruct.RoiColors;
import io.delineo.interop.rtstruct.RoiGenerationAlgorithm;
import io.delineo.interop.rtstruct.RtStructWriter;
import io.delineo.interop.seg.SegWriter;
import io.delineo.interop.seg.SegmentSpec;
import io.delineo.security.CurrentUser;
import io.delineo.security.Roles;
import io.delineo.study.StudyAccess;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Exports of reads and consensus ROIs: DICOM RTSTRUCT and SEG (also stored back into the archive, so any DICOMweb
 * client can fetch them), NIfTI label maps and a CSV of lesion volumes. UIDs derive from what is exported (read or
 * consensus, version, format), so exporting the same version twice stores the same object once.
 */
@ApplicationScoped
public class ExportService {
    public static final List<String> FORMATS = List.of("rtstruct", "seg", "nifti", "csv");

    public record Exported(byte[] bytes, String fileName, String contentType, String storedSopInstanceUid) {
    }

    @Inject
    StudyAccess access;
    @Inject
    ReadCodec codec;
    @Inject
    ConsensusService consensus;
    @Inject
    SeriesHeaders headers;
    @Inject
    IngestService ingest;
    @Inject
    AuditTrail audit;
    @Inject
    CurrentUser currentUser;

    @Transactional
    public Exported exportRead(long readId, String format, String series) {
        ReaderRead read = ReaderRead.findById(readId);
        CurrentUser.Snapshot user = currentUser.get();
        boolean own = read != null && user.has(Roles.READER) && read.readerName.equals(user.name());
        if (read == null || !(user.has(Roles.PI) || own)) {
            throw Refusal.forbidden("read " + readId + " is not yours to export");
        }
        StudyCase c = own ? access.caseForReader(read.studyCase.id, AuditAction.CONTOUR_EXPORT) : read.studyCase;
        ReadVersion v = ReadVersion.of(read, read.version).orElseThrow(
                () -> Refusal.conflict("read " + readId + " has no contours yet"));
        Exported out = export(c, codec.decode(v.content), read.readerName, "Delineo read " + read.readerName + " v" + v.version,
                RoiGenerationAlgorithm.MANUAL, null, "read:" + read.id + ":" + v.version, v.savedAt, format, series);
        audit.success(AuditAction.CONTOUR_EXPORT, c.id + "/" + read.readerName, details(format, v.version, out));
        return out;
    }

    @Transactional
    public Exported exportConsensus(long consensusId, String format, String series) {
        Consensus x = Consensus.findById(consensusId);
        if (x == null) throw Refusal.notFound("no consensus " + consensusId);
        String method = x.method.toLowerCase();
        Exported out = export(x.studyCase, consensus.content(x), "Delineo consensus (" + method + ")",
                "Delineo consensus v" + x.version + " " + method, RoiGenerationAlgorithm.SEMIAUTOMATIC, method,
                "consensus:" + x.id, x.createdAt, format, series);
        audit.success(AuditAction.CONSENSUS_EXPORT, x.studyCase.id + "/" + x.version, details(format, x.version, out));
        return out;
    }

    private Exported export(StudyCase c, ReadContent content, String creator, String description,
                            RoiGenerationAlgorithm algorithm, String consensusMethod, String seed,
                            OffsetDateTime created, String format, String requestedSeries) {
        if (!FORMATS.contains(format)) throw Refusal.invalid("format must be one of " + FORMATS);
        if (content.lesions().isEmpty()) throw Refusal.conflict("there are no lesions to export");
        String series = seriesOf(c, content, requestedSeries);
        ReadContent onSeries = onlySeries(content, series);
        SourceSeries source = headers.of(series);
        String base = safe(c.label) + "-" + safe(creator);
        DerivedSeriesInfo info = new DerivedSeriesInfo(description.length() > 64 ? description.substring(0, 64)
                : description, format.equals("seg") ? 9101 : 9102, creator.length() > 64 ? creator.substring(0, 64)
                : creator, created.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(),
                uid(seed + ":" + format + ":series"), uid(seed + ":" + format + ":instance"));
        switch (format) {
            case "rtstruct" -> {
                Dataset ds = RtStructWriter.write(onSeries, source, info, "Delineo", algorithm);
                return stored(DicomWriter.toBytes(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)),
                        base + "-rtstruct.dcm");
            }
            case "seg" -> {
                List<SegmentSpec> segments = new ArrayList<>();
                List<LabeledMask> masks = masks(onSeries, source);
                for (LabeledMask m : masks) {
                    int[] rgb = RoiColors.of(m.label() - 1);
                    segments.add(consensusMethod == null ? SegmentSpec.manualLesion(m.name(), m.mask(), rgb)
                            : SegmentSpec.consensusLesion(m.name(), m.mask(), consensusMethod, rgb));
                }
                Dataset ds = SegWriter.write(segments, source, info);
                return stored(DicomWriter.toBytes(DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)),
                        base + "-seg.dcm");
            }
            default -> {
                try {
                    Path dir = Files.createTempDirectory("delineo-export");
                    Path nii = dir.resolve("labels.nii.gz"), csv = dir.resolve("volumes.csv");
                    LabelMapWriter.write(masks(onSeries, source), nii, csv);
                    byte[] bytes = Files.readAllBytes(format.equals("nifti") ? nii : csv);
                    Files.deleteIfExists(nii);
                    Files.deleteIfExists(csv);
                    Files.deleteIfExists(dir);
                    return format.equals("nifti")
                            ? new Exported(bytes, base + "-labels.nii.gz", "application/gzip", null)
                            : new Exported(bytes, base + "-volumes.csv", "text/csv", null);
                } catch (IOException e) {
                    throw new IllegalStateException("the NIfTI export could not be written: " + e.getMessage(), e);
                }
            }
        }
    }

    /** Stores the derived object in the archive through the normal ingest path and returns it for download. */
    private Exported stored(byte[] bytes, String fileName) {
        // the UIDs derive from the read version, so exporting it again names the same object; writing it afresh
        // (timestamps differ) replaces the earlier copy instead of being refused as a different object
        IngestResult r = ingest.ingest(new ByteArrayInputStream(bytes), true, "export");
        if (r.failed()) {
            throw Refusal.unprocessable("the exported object could not be stored in the archive: " + r.message());
        }
        return new Exported(bytes, fileName, "application/dicom", r.sopInstanceUid());
    }

    /** One mask per lesion (label k = lesion k), each lesion rasterised on its own. */
    private static List<LabeledMask> masks(ReadContent content, SourceSeries source) {
        List<BitMask> masks = LesionMasks.eachLesion(content, source.grid());
        List<LabeledMask> out = new ArrayList<>();
        for (int k = 0; k < masks.size(); k++) {
            out.add(new LabeledMask(k + 1, content.lesions().get(k).label(), masks.get(k)));
        }
        return out;
    }

    private static String seriesOf(StudyCase c, ReadContent content, String requested) {
        Set<String> used = new LinkedHashSet<>();
        for (ReadContent.Lesion l : content.lesions()) {
            for (ReadContent.Contour ct : l.contours()) {
                Instance i = Instance.findByUid(ct.sopInstanceUid()).orElse(null);
                if (i != null) used.add(i.series.seriesInstanceUid);
            }
        }
        if (requested != null && !requested.isBlank()) {
            if (!used.contains(requested)) throw Refusal.invalid("no lesion lies on series " + requested);
            return requested;
        }
        if (used.size() != 1) {
            throw Refusal.invalid("the lesions lie on " + used.size() + " series; choose one with ?series=");
        }
        return used.iterator().next();
    }

    private static ReadContent onlySeries(ReadContent content, String series) {
        List<ReadContent.Lesion> lesions = new ArrayList<>();
        for (ReadContent.Lesion l : content.lesions()) {
            boolean on = l.contours().stream().anyMatch(ct -> Instance.findByUid(ct.sopInstanceUid())
                    .map(i -> i.series.seriesInstanceUid.equals(series)).orElse(false));
            if (on) lesions.add(l);
        }
        return new ReadContent(lesions);
    }

    private static String uid(String seed) {
        return UidGenerator.fromUuid(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    private static Map<String, Object> details(String format, int version, Exported out) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("format", format);
        d.put("version", version);
        d.put("storedSopInstanceUid", out.storedSopInstanceUid());
        return d;
    }
}
