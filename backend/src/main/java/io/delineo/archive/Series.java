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

import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "series")
public class Series extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "series_instance_uid")
    public String seriesInstanceUid;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "study_fk")
    public Study study;
    public String modality;
    @Column(name = "series_number")
    public Integer seriesNumber;
    @Column(name = "series_description")
    public String seriesDescription;
    @Column(name = "series_date")
    public String seriesDate;
    @Column(name = "series_time")
    public String seriesTime;
    @Column(name = "body_part_examined")
    public String bodyPartExamined;
    @Column(name = "protocol_name")
    public String protocolName;
    @Column(name = "frame_of_reference_uid")
    public String frameOfReferenceUid;
    @Column(name = "contrast_bolus_agent")
    public String contrastBolusAgent;
    @Column(name = "contrast_bolus_route")
    public String contrastBolusRoute;
    @Column(name = "contrast_bolus_start_time")
    public String contrastBolusStartTime;
    @Column(name = "scanning_sequence")
    public String scanningSequence;
    @Column(name = "sequence_name")
    public String sequenceName;
    @Column(name = "image_type")
    public String imageType;

    public static Optional<Series> findByUid(String uid) {
        return find("seriesInstanceUid", uid).firstResultOptional();
    }

    public static Optional<Series> findInStudy(String studyUid, String seriesUid) {
        return find("seriesInstanceUid = ?1 and study.studyInstanceUid = ?2", seriesUid, studyUid).firstResultOptional();
    }

    public static List<Series> ofStudy(Study study) {
        return list("study", study);
    }
}
