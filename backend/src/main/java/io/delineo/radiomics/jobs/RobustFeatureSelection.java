package io.delineo.radiomics.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** The features a PI marked robust across readers (ICC ≥ a threshold) for a study and settings; used by training. */
@Entity
@Table(name = "robust_feature_selection")
@IdClass(RobustFeatureSelection.Key.class)
public class RobustFeatureSelection extends PanacheEntityBase {
    /** Composite key: study and settings hash. */
    public static class Key implements Serializable {
        public Long studyId;
        public String settingsHash;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(studyId, k.studyId)
                    && java.util.Objects.equals(settingsHash, k.settingsHash);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(studyId, settingsHash);
        }
    }

    @Id
    @Column(name = "study_fk")
    public Long studyId;
    @Id
    @Column(name = "settings_hash")
    public String settingsHash;
    @Column(name = "icc_type")
    public String iccType;
    @Column(name = "min_icc")
    public double minIcc;
    public String[] features;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
