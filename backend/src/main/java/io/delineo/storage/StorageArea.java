package io.delineo.storage;

/**
 * The kinds of file the portal keeps, each under its own key prefix (a folder of the data directory for local
 * storage, a key prefix in the bucket for S3). The DICOM area keeps the archive's historical folder name so that
 * existing data directories keep working.
 */
public enum StorageArea {
    DICOM("archive", ".dcm"),
    MODELS("models", ""),
    EXPORTS("exports", ""),
    JOB_OUTPUTS("job-outputs", ""),
    AUDIT_CHECKPOINTS("audit-checkpoints", ""),
    DEID("deid", "");

    private final String prefix;
    private final String suffix;

    StorageArea(String prefix, String suffix) {
        this.prefix = prefix;
        this.suffix = suffix;
    }

    /** The folder (local) or key prefix (S3) of this area, without a trailing slash. */
    public String prefix() { return prefix; }

    /** The key of content-addressed bytes in this area: {@code ab/cd/<sha256><suffix>}. */
    public String contentKey(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256 + suffix;
    }
}
