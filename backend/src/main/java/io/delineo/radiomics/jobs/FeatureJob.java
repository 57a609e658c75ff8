package io.delineo.radiomics.jobs;

import io.delineo.study.ReaderStudy;
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

/** A feature computation over a reader study's ROIs, with its progress. */
@Entity
@Table(name = "feature_job")
public class FeatureJob extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk")
    public ReaderStudy study;
    @JdbcTypeCode(SqlTypes.JSON)
    public String settings;
    @Column(name = "settings_hash")
    public String settingsHash;
    public String status;
    public int total;
    public int done;
    public int skipped;
    public int failed;
    @JdbcTypeCode(SqlTypes.JSON)
    public String errors;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;
    /** The study job whose per-case items compute this job's ROIs (null for jobs run before the job engine). */
    @Column(name = "study_job_fk")
    public Long studyJobId;

    public static List<FeatureJob> ofStudy(ReaderStudy s) {
        return list("study = ?1 order by id desc", s);
    }
}
