package io.delineo.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;

/** A tumour-board decision; every change is a new version. */
@Entity
@Table(name = "board_decision")
public class BoardDecision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "case_fk")
    public Long caseId;
    public int version;
    @Column(name = "final_grade")
    public String finalGrade;
    public String treatment;
    public String note;
    public String[] attendees;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    public static List<BoardDecision> ofCase(long caseId) {
        return list("caseId = ?1 order by version desc", caseId);
    }
}
