package io.delineo.agreement;

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
import java.util.Optional;

/** A consensus ROI of a case: contours in the canonical read form, with its provenance and approval. */
@Entity
@Table(name = "consensus")
public class Consensus extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_fk")
    public StudyCase studyCase;
    public int version;
    public String method;
    public Double threshold;
    @Column(name = "based_on")
    public Integer basedOn;
    @JdbcTypeCode(SqlTypes.JSON)
    public String sources;
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;
    @Column(name = "reader_stats")
    @JdbcTypeCode(SqlTypes.JSON)
    public String readerStats;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    public boolean approved;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;

    public static List<Consensus> ofCase(StudyCase c) {
        return list("studyCase = ?1 order by version desc", c);
    }

    public static Optional<Consensus> approvedOf(StudyCase c) {
        return find("studyCase = ?1 and approved = true", c).firstResultOptional();
    }

    public static Optional<Consensus> version(StudyCase c, int version) {
        return find("studyCase = ?1 and version = ?2", c, version).firstResultOptional();
    }

    public static int nextVersion(StudyCase c) {
        Integer max = getEntityManager()
                .createQuery("select max(x.version) from Consensus x where x.studyCase = ?1", Integer.class)
                .setParameter(1, c).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
