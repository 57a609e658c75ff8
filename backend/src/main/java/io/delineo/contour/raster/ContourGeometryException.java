package io.delineo.contour.raster;

/** A contour that cannot be placed on the image grid (off a slice centre plane, outside the series, ...). */
public class ContourGeometryException extends IllegalArgumentException {
    public ContourGeometryException(String message) { super(message); }
}
