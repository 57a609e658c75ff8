package io.delineo.board;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A case the PI released to the tumour board. */
@Entity
@Table(name = "board_release")
public class BoardRelease extends PanacheEntityBase {
    @Id
    @Column(name = "case_fk")
    public Long caseId;
    @Column(name = "released_by")
    public String releasedBy;
    @Column(name = "released_at")
    public OffsetDateTime releasedAt;
    public String note;
}
