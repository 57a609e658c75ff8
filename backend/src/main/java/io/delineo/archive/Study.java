package io.delineo.archive;

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

import java.time.OffsetDateTime;
import java.util.Optional;

@Entity
@Table(name = "study")
public class Study extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "study_instance_uid")
    public String studyInstanceUid;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "patient_fk")
    public Patient patient;
    @Column(name = "study_date")
    public String studyDate;
    @Column(name = "study_time")
    public String studyTime;
    @Column(name = "accession_number")
    public String accessionNumber;
    @Column(name = "study_id")
    public String studyId;
    @Column(name = "study_description")
    public String studyDescription;
    @Column(name = "referring_physician")
    public String referringPhysician;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    public static Optional<Study> findByUid(String uid) {
        return find("studyInstanceUid", uid).firstResultOptional();
    }
}
