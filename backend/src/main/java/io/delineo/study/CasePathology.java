package io.delineo.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The pathology reference of a case (WHO grade, Ki-67, mitoses). Readers never see it. */
@Entity
@Table(name = "case_pathology")
public class CasePathology extends PanacheEntityBase {
    @Id
    @Column(name = "case_fk")
    public Long caseId;
    @Column(name = "who_grade")
    public String whoGrade;
    @Column(name = "ki67_percent")
    public BigDecimal ki67Percent;
    @Column(name = "mitotic_count")
    public BigDecimal mitoticCount;
    public String source;
    @Column(name = "released_to_board")
    public boolean releasedToBoard;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
