package io.delineo.contour;

import io.delineo.study.ReadProgress;
import io.delineo.study.ReaderStudy;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The study side's view of the reads: status and version per reader and case. */
@ApplicationScoped
public class ReaderReadProgress implements ReadProgress {
    @Override
    public List<ReadState> ofCases(List<StudyCase> cases) {
        return ReaderRead.ofCases(cases).stream().map(ReaderReadProgress::state).toList();
    }

    @Override
    public Optional<ReadState> of(StudyCase c, String reader) {
        return ReaderRead.of(c, reader).map(ReaderReadProgress::state);
    }

    @Override
    public boolean anyStarted(StudyCase c) {
        return ReaderRead.count("studyCase", c) > 0;
    }

    @Override
    public boolean anyStartedBy(ReaderStudy s, Collection<String> readers) {
        return ReaderRead.count("studyCase.study = ?1 and readerName in ?2", s, readers) > 0;
    }

    private static ReadState state(ReaderRead r) {
        return new ReadState(r.studyCase.id, r.readerName, r.status.name(), r.version, r.updatedAt);
    }
}
