package io.delineo.dicom.pixel;

/**
 * One uncompressed frame: native little-endian bytes laid out as {@code description} says (after decoding, JPEG
 * YCbCr has become RGB with planar configuration 0).
 */
public record DecodedFrame(byte[] bytes, PixelDescription description) {
}
