package io.delineo.study;

import io.delineo.archive.SeriesGrants;
import io.delineo.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashSet;
import java.util.Set;

/** DICOMweb blinding: a reader sees exactly the series of the cases of their (non-draft) reader studies. */
@ApplicationScoped
public class ReaderStudyGrants implements SeriesGrants {

    @Override
    @Transactional
    public Set<String> seriesVisibleTo(String userName, Set<String> roles) {
        if (!roles.contains(Roles.READER)) return Set.of();
        Set<String> series = new HashSet<>();
        for (ReaderStudy s : ReaderStudy.assignedTo(userName)) {
            for (StudyCase c : StudyCase.ofStudy(s)) series.addAll(c.seriesByPhase.values());
        }
        return series;
    }
}
