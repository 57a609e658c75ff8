package io.delineo.radiomics.jobs;

import io.delineo.study.StudyCase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The features of one ROI: a case's lesion label on one phase, from one source (the approved consensus or a reader's
 * submitted read, at a given version), under one settings hash.
 */
@Entity
@Table(name = "feature_set")
public class FeatureSet extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "job_fk")
    public Long jobId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_fk")
    public StudyCase studyCase;
    public String phase;
    @Column(name = "series_instance_uid")
    public String seriesInstanceUid;
    @Column(name = "roi_source")
    public String roiSource;
    @Column(name = "roi_version")
    public int roiVersion;
    @Column(name = "lesion_label")
    public String lesionLabel;
    @Column(name = "settings_hash")
    public String settingsHash;
    @Column(name = "software_version")
    public String softwareVersion;
    @Column(name = "voxel_count")
    public int voxelCount;
    @Column(name = "feature_values")
    @JdbcTypeCode(SqlTypes.JSON)
    public String featureValues;
    @Column(name = "computed_by")
    public String computedBy;
    @Column(name = "computed_at", insertable = false, updatable = false)
    public OffsetDateTime computedAt;

    public static boolean exists(StudyCase c, String phase, String source, int version, String label, String hash) {
        return count("studyCase = ?1 and phase = ?2 and roiSource = ?3 and roiVersion = ?4 and lesionLabel = ?5 "
                + "and settingsHash = ?6", c, phase, source, version, label, hash) > 0;
    }

    public static List<FeatureSet> ofStudy(Long studyId, String hash) {
        return list("studyCase.study.id = ?1 and settingsHash = ?2 order by studyCase.position, phase, roiSource, "
                + "lesionLabel, roiVersion desc", studyId, hash);
    }
}
