package io.delineo.contour.lidc;

/** A {@code <nonNodule>}: a ≥ 3 mm finding the reader judged not to be a nodule, marked by one point. */
public record LidcNonNodule(String id, String imageSopInstanceUid, double imageZPosition, double column, double row) {}
