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
import java.util.List;

/** One work item of a study job (usually one case), executed as the db-scheduler instance {@code <job>:<key>}. */
@Entity
@Table(name = "study_job_item")
public class StudyJobItem extends PanacheEntityBase {
    public static final String PENDING = "PENDING", RUNNING = "RUNNING", SUCCEEDED = "SUCCEEDED", FAILED = "FAILED",
            CANCELLED = "CANCELLED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "job_fk")
    public Long jobId;
    @Column(name = "item_key")
    public String key;
    public String state;
    public int attempts;
    @Column(name = "run_by")
    public String runBy;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public String result;
    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    public static StudyJobItem of(long jobId, String key) {
        return find("jobId = ?1 and key = ?2", jobId, key).firstResult();
    }

    public static List<StudyJobItem> ofJob(long jobId) {
        return list("jobId = ?1 order by id", jobId);
    }
}
