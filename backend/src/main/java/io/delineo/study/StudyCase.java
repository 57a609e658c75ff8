package io.delineo.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A case of a reader study: one archive study, with a series chosen for each phase. */
@Entity
@Table(name = "study_case")
public class StudyCase extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk")
    public ReaderStudy study;
    public String label;
    @Column(name = "archive_study_uid")
    public String archiveStudyUid;
    public int position;

    /** phase name → series instance UID */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_series", joinColumns = @JoinColumn(name = "case_fk"))
    @MapKeyColumn(name = "phase")
    @Column(name = "series_instance_uid")
    public Map<String, String> seriesByPhase = new TreeMap<>();

    public static List<StudyCase> ofStudy(ReaderStudy study) {
        return list("study = ?1 order by position, id", study);
    }

    public boolean showsSeries(String seriesUid) {
        return seriesByPhase.containsValue(seriesUid);
    }
}
