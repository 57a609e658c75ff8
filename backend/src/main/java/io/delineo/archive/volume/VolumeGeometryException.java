package io.delineo.archive.volume;

/** A series that cannot be turned into a regular 3-D volume, with a reason a person can act on. */
public class VolumeGeometryException extends RuntimeException {
    public VolumeGeometryException(String message) {
        super(message);
    }
}
