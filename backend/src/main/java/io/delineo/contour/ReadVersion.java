package io.delineo.contour;

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
import java.util.Optional;

/** An immutable snapshot of a read: every save creates the next version, none is ever overwritten. */
@Entity
@Table(name = "read_version")
public class ReadVersion extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "read_fk")
    public ReaderRead read;
    public int version;
    @JdbcTypeCode(SqlTypes.JSON)
    public String content;
    @Column(name = "saved_by")
    public String savedBy;
    @Column(name = "saved_at")
    public OffsetDateTime savedAt;

    public static Optional<ReadVersion> of(ReaderRead read, int version) {
        return find("read = ?1 and version = ?2", read, version).firstResultOptional();
    }

    public static long countOf(ReaderRead read) {
        return count("read", read);
    }
}
