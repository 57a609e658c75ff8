package io.delineo.archive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
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
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "instance")
public class Instance extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "sop_instance_uid")
    public String sopInstanceUid;
    @Column(name = "sop_class_uid")
    public String sopClassUid;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "series_fk")
    public Series series;
    @Column(name = "instance_number")
    public Integer instanceNumber;
    @Column(name = "transfer_syntax_uid")
    public String transferSyntaxUid;
    public Integer rows;
    public Integer columns;
    @Column(name = "number_of_frames")
    public Integer numberOfFrames;
    @Column(name = "bits_allocated")
    public Integer bitsAllocated;
    @Column(name = "samples_per_pixel")
    public Integer samplesPerPixel;
    @Column(name = "photometric_interpretation")
    public String photometricInterpretation;
    @Column(name = "image_position_patient")
    public double[] imagePositionPatient;
    @Column(name = "image_orientation_patient")
    public double[] imageOrientationPatient;
    @Column(name = "pixel_spacing")
    public double[] pixelSpacing;
    @Column(name = "slice_thickness")
    public Double sliceThickness;
    @Column(name = "slice_location")
    public Double sliceLocation;
    @Column(name = "rescale_slope")
    public Double rescaleSlope;
    @Column(name = "rescale_intercept")
    public Double rescaleIntercept;
    @Column(name = "window_center")
    public String windowCenter;
    @Column(name = "window_width")
    public String windowWidth;
    @Column(name = "acquisition_number")
    public Integer acquisitionNumber;
    @Column(name = "acquisition_time")
    public String acquisitionTime;
    @Column(name = "content_time")
    public String contentTime;
    @Column(name = "file_sha256")
    public String fileSha256;
    @Column(name = "file_size")
    public long fileSize;
    @Column(name = "received_at", insertable = false, updatable = false)
    public OffsetDateTime receivedAt;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "metadata_json")
    public String metadataJson;

    public static Optional<Instance> findByUid(String uid) {
        return find("sopInstanceUid", uid).firstResultOptional();
    }

    public static Optional<Instance> findIn(String studyUid, String seriesUid, String sopUid) {
        return find("sopInstanceUid = ?1 and series.seriesInstanceUid = ?2 and series.study.studyInstanceUid = ?3",
                sopUid, seriesUid, studyUid).firstResultOptional();
    }

    public static List<Instance> ofSeries(Series series) {
        return list("series = ?1 order by instanceNumber, sopInstanceUid", series);
    }

    public static long countWithFile(String sha256) {
        return count("fileSha256", sha256);
    }
}
