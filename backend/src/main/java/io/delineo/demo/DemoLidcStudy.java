package io.delineo.demo;

import io.delineo.archive.Instance;
import io.delineo.archive.Series;
import io.delineo.audit.AuditAction;
import io.delineo.audit.AuditTrail;
import io.delineo.contour.LidcReadImporter;
import io.delineo.contour.ReadCodec;
import io.delineo.contour.ReadContent;
import io.delineo.contour.ReadService;
import io.delineo.contour.ReadVersion;
import io.delineo.contour.ReaderRead;
import io.delineo.contour.lidc.LidcReadMessage;
import io.delineo.contour.lidc.LidcXmlReader;
import io.delineo.study.Phase;
import io.delineo.study.ReaderStudy;
import io.delineo.study.StudyCase;
import io.delineo.study.StudyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Real multi-reader disagreement on first start: the LIDC-IDRI cases whose nodule all four radiologists contoured,
 * as a reader study whose four readers are the anonymous LIDC reading sessions (external readers: they have no login;
 * their reads are imported, submitted, and only the PI sees them).
 */
@ApplicationScoped
public class DemoLidcStudy {
    static final String NAME = "Demo: LIDC-IDRI lung nodules, four radiologists (demo data)";
    static final String LABEL = "nodule";
    private static final Logger LOG = Logger.getLogger(DemoLidcStudy.class);

    @Inject
    ReadService reads;
    @Inject
    ReadCodec codec;
    @Inject
    AuditTrail audit;

    @Transactional
    public boolean createIfAbsent(Path lidcRoot) {
        if (ReaderStudy.count("name", NAME) > 0) return false;
        List<Path> xmls;
        try (Stream<Path> walk = Files.walk(lidcRoot)) {
            xmls = walk.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            LOG.warnf("LIDC demo folder %s cannot be read: %s", lidcRoot, e.getMessage());
            return false;
        }
        ReaderStudy study = new ReaderStudy();
        study.name = NAME;
        study.purpose = "The original LIDC-IDRI reading sessions (Armato et al., Med Phys 2011; TCIA, CC BY 3.0), "
                + "imported as four readers' submitted reads, to show real inter-observer disagreement.";
        study.lesionLabels = new String[]{LABEL};
        study.phases = new String[]{Phase.CT_NON_CONTRAST.name()};
        study.blinded = true;
        study.status = StudyStatus.OPEN;
        study.createdBy = "system";
        study.updatedAt = OffsetDateTime.now();
        study.readers = new TreeSet<>(List.of("lidc-reader-1", "lidc-reader-2", "lidc-reader-3", "lidc-reader-4"));
        study.persist();
        int position = 0;
        for (Path xml : xmls) {
            LidcReadMessage message;
            try {
                message = LidcXmlReader.read(xml);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("LIDC file %s skipped: %s", xml, e.getMessage());
                continue;
            }
            Series series = Series.findByUid(message.seriesInstanceUid()).orElse(null);
            if (series == null) continue;
            Map<Integer, ReadContent> bySession = LidcReadImporter.reads(message, Instance.ofSeries(series), LABEL);
            if (bySession.size() < 2) continue; // no nodule inside this slab that several radiologists contoured
            StudyCase c = new StudyCase();
            c.study = study;
            c.position = ++position;
            c.label = xml.getParent().getParent().getParent().getFileName().toString();
            c.archiveStudyUid = series.study.studyInstanceUid;
            c.seriesByPhase = new java.util.TreeMap<>(Map.of(Phase.CT_NON_CONTRAST.name(), series.seriesInstanceUid));
            c.persist();
            bySession.forEach((session, content) -> submittedRead(c, "lidc-reader-" + session, content));
        }
        audit.success(AuditAction.READER_STUDY_CREATE, study.id, Map.of("name", NAME, "cases", position,
                "source", "LIDC-IDRI XML"));
        return true;
    }

    private void submittedRead(StudyCase c, String reader, ReadContent content) {
        OffsetDateTime now = OffsetDateTime.now();
        ReaderRead read = new ReaderRead();
        read.studyCase = c;
        read.readerName = reader;
        read.status = ReaderRead.Status.SUBMITTED;
        read.version = 1;
        read.updatedAt = now;
        read.submittedAt = now;
        read.persist();
        ReadVersion v = new ReadVersion();
        v.read = read;
        v.version = 1;
        var planes = reads.planes(c);
        v.content = codec.encode(content.withSeries(
                sop -> planes.containsKey(sop) ? planes.get(sop).seriesInstanceUid() : null));
        v.savedBy = "system";
        v.savedAt = now;
        v.persist();
        audit.success(AuditAction.CONTOUR_IMPORT, c.id + "/" + reader, Map.of("source", "LIDC-IDRI XML",
                "lesions", content.lesions().size()));
    }
}
