package io.delineo.interop.product;

import io.delineo.archive.Deidentification;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Tags;
import io.delineo.interop.deid.ConfidentialityProfile;
import io.delineo.interop.deid.DeidOptions;
import io.delineo.interop.deid.DescriptorCleaner;
import io.delineo.interop.deid.Deidentifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * PS3.15 Basic Application Level Confidentiality Profile on ingest, with the Retain Longitudinal Temporal Information
 * (full dates) and Clean Descriptors (descriptions removed) options; UIDs and patient IDs replaced consistently
 * through {@link DeidMappings}.
 */
@ApplicationScoped
public class DeidentificationService implements Deidentification {
    private static final ConfidentialityProfile PROFILE = ConfidentialityProfile.standard();

    @Inject
    DeidMappings mappings;

    @Override
    public DicomFile apply(DicomFile original, Options options) {
        Dataset ds = original.dataset();
        String pseudonym = mappings.patientId(ds.getString(Tags.PatientID));
        DeidOptions deid = new DeidOptions(options.retainLongitudinalDates(), options.cleanDescriptors(),
                options.cleanDescriptors() ? DescriptorCleaner.REMOVE_ALL : null, pseudonym, pseudonym);
        Dataset clean = new Deidentifier(PROFILE, mappings::uid, deid).deidentify(ds);
        return DicomFile.of(clean, original.transferSyntax());
    }
}
