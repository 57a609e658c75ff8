package io.delineo.board;

import io.delineo.archive.SeriesGrants;
import io.delineo.grading.BoardReleases;
import io.delineo.security.Roles;
import io.delineo.study.StudyCase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;

/** What board members may see: the series of cases released to the board (DICOMweb) and those cases themselves. */
@ApplicationScoped
public class BoardGrants implements SeriesGrants, BoardReleases {
    @Override
    @Transactional
    public boolean releasedToBoard(long caseId) {
        return BoardRelease.findById(caseId) != null;
    }

    @Override
    @Transactional
    public Set<String> seriesVisibleTo(String userName, Set<String> roles) {
        if (!roles.contains(Roles.BOARD)) return Set.of();
        Set<String> series = new HashSet<>();
        for (BoardRelease r : BoardRelease.<BoardRelease>listAll()) {
            StudyCase c = StudyCase.findById(r.caseId);
            if (c != null) series.addAll(c.seriesByPhase.values());
        }
        return series;
    }
}
