package io.delineo.interop.deid;

/**
 * Options of a de-identification run.
 *
 * @param retainLongitudinalFullDates Retain Longitudinal Temporal Information with Full Dates Option: dates and
 *                                    times are kept unchanged (no shifting is implemented)
 * @param cleanDescriptors            Clean Descriptors Option: descriptors the option lists are passed to the
 *                                    cleaner and kept when it returns a value
 * @param cleaner                     the cleaner (ignored unless cleanDescriptors)
 * @param patientName                 pseudonym for Patient's Name, or null for an empty value
 * @param patientId                   pseudonym for Patient ID, or null for an empty value
 */
public record DeidOptions(boolean retainLongitudinalFullDates, boolean cleanDescriptors, DescriptorCleaner cleaner,
                          String patientName, String patientId) {
    public DeidOptions {
        if (cleanDescriptors && cleaner == null) throw new IllegalArgumentException("Clean Descriptors needs a cleaner");
        if (patientName != null && patientName.length() > 64) throw new IllegalArgumentException("pseudonym too long");
        if (patientId != null && patientId.length() > 64) throw new IllegalArgumentException("pseudonymous ID too long");
    }

    /** The Basic Profile alone. */
    public static DeidOptions basic() {
        return new DeidOptions(false, false, null, null, null);
    }
}
