package io.delineo.grading;

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

/** A grade prediction with full provenance: model and file hash, input hash, consensus version, who and when. */
@Entity
@Table(name = "prediction")
public class Prediction extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_fk")
    public Long caseId;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "model_fk")
    public GradeModel model;
    @Column(name = "model_sha256")
    public String modelSha256;
    @Column(name = "input_hash")
    public String inputHash;
    @Column(name = "consensus_version")
    public int consensusVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    public String probabilities;
    @Column(name = "predicted_grade")
    public String predictedGrade;
    @Column(name = "latency_ms")
    public double latencyMs;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static List<Prediction> ofCase(long caseId) {
        return list("caseId = ?1 order by id desc", caseId);
    }
}
