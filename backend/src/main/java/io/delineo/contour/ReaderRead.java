package io.delineo.contour;

import io.delineo.study.StudyCase;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One reader's work on one case; its content lives in numbered {@link ReadVersion}s. */
@Entity
@Table(name = "reader_read")
public class ReaderRead extends PanacheEntityBase {
    public enum Status { IN_PROGRESS, SUBMITTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "case_fk")
    public StudyCase studyCase;
    @Column(name = "reader_name")
    public String readerName;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int version;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public static Optional<ReaderRead> of(StudyCase c, String reader) {
        return find("studyCase = ?1 and readerName = ?2", c, reader).firstResultOptional();
    }

    public static List<ReaderRead> ofCase(StudyCase c) {
        return list("studyCase = ?1 order by readerName", c);
    }

    public static List<ReaderRead> ofCases(List<StudyCase> cases) {
        return cases.isEmpty() ? List.of() : list("studyCase in ?1", cases);
    }
}
