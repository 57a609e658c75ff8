package io.delineo.study;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

@Entity
@Table(name = "reader_study")
public class ReaderStudy extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String purpose;
    @Column(name = "lesion_labels")
    public String[] lesionLabels;
    public String[] phases;
    public boolean blinded;
    @Enumerated(EnumType.STRING)
    public StudyStatus status;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "study_reader", joinColumns = @JoinColumn(name = "study_fk"))
    @Column(name = "reader_name")
    public Set<String> readers = new TreeSet<>();

    public List<Phase> phaseList() {
        return java.util.Arrays.stream(phases).map(Phase::valueOf).toList();
    }

    /** Assigned readers in name order (the persistent set itself has no order). */
    public List<String> readerNames() {
        return readers.stream().sorted().toList();
    }

    public boolean hasReader(String name) {
        return readers.contains(name);
    }

    public static List<ReaderStudy> newestFirst() {
        return list("order by id desc");
    }

    /** Studies a reader is assigned to that readers may see (open or closed). */
    public static List<ReaderStudy> assignedTo(String reader) {
        return list("select s from ReaderStudy s join s.readers r where r = ?1 and s.status <> ?2 order by s.id",
                reader, StudyStatus.DRAFT);
    }
}
