package io.delineo.study;

import io.delineo.archive.Series;
import io.delineo.archive.Study;
import io.delineo.study.StudyViews.CaseInput;
import io.delineo.study.StudyViews.StudyInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;

/**
 * The reader study a newcomer finds after `./delineo up`: the demo CT as one case, readers reader1–reader3, open.
 * Created once through the normal service (audited as the system user).
 */
@ApplicationScoped
public class DemoReaderStudy {
    public static final String NAME = "Demo: pancreatic CT contouring (demo data)";

    @Inject
    ReaderStudyService studies;

    @Transactional
    boolean exists(String name) {
        return ReaderStudy.count("name", name) > 0;
    }

    /** Creates the demo study on the given archive study unless it exists; returns true when created. */
    public boolean createIfAbsent(String archiveStudyUid) {
        if (exists(NAME) || Study.findByUid(archiveStudyUid).isEmpty()) return false;
        String series = seriesOf(archiveStudyUid);
        var study = studies.create(new StudyInput(NAME,
                "Demo of the reader workflow on a real contrast-enhanced abdominal CT (TCIA Pancreatic-CT-CBCT-SEG). "
                        + "Contour the pancreas or any focal lesion; the scan is not a pNEN and has no pathology grade.",
                List.of("primary tumour", "liver metastasis"), List.of("CT_PORTAL_VENOUS"),
                List.of("reader1", "reader2", "reader3"), true));
        studies.addCase(study.id(), new CaseInput("Demo case 1", archiveStudyUid, Map.of("CT_PORTAL_VENOUS", series)));
        studies.changeStatus(study.id(), "OPEN");
        return true;
    }

    @Transactional
    String seriesOf(String archiveStudyUid) {
        return Series.ofStudy(Study.findByUid(archiveStudyUid).orElseThrow()).get(0).seriesInstanceUid;
    }
}
