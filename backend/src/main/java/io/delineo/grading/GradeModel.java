package io.delineo.grading;

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
import java.util.Optional;

/** A registered ONNX grade model: its card, file hash and where the file lives. Immutable once registered. */
@Entity
@Table(name = "grade_model")
public class GradeModel extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "model_id")
    public String modelId;
    public String version;
    @JdbcTypeCode(SqlTypes.JSON)
    public String card;
    public String sha256;
    @Column(name = "file_path")
    public String filePath;
    public String source;
    @Column(name = "registered_by")
    public String registeredBy;
    @Column(name = "registered_at", insertable = false, updatable = false)
    public OffsetDateTime registeredAt;

    public static Optional<GradeModel> of(String modelId, String version) {
        return find("modelId = ?1 and version = ?2", modelId, version).firstResultOptional();
    }

    public static List<GradeModel> all() {
        return list("order by modelId, version");
    }
}
