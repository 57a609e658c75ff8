package io.delineo.jobs;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;

/** A study-wide background job: what was asked, by whom, and how many of its work items are done. */
@Entity
@Table(name = "study_job")
public class StudyJob extends PanacheEntityBase {
    public static final String QUEUED = "QUEUED", RUNNING = "RUNNING", SUCCEEDED = "SUCCEEDED", FAILED = "FAILED",
            CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "study_id")
    public Long studyId;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_by_id")
    public String requestedById;
    @Column(name = "requester_roles")
    public String[] requesterRoles;
    @JdbcTypeCode(SqlTypes.JSON)
    public String settings;
    public String state;
    public int total;
    public int done;
    public int failed;
    public int cancelled;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public boolean active() {
        return QUEUED.equals(state) || RUNNING.equals(state);
    }
}
