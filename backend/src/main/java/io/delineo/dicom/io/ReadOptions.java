package io.delineo.dicom.io;

/**
 * Limits and choices for {@link DicomReader}. Limits bound the memory a hostile or corrupt input can claim.
 *
 * @param maxValueLength       largest value (or fragment) in bytes that may be read
 * @param maxTotalBytes        most data-set bytes (after inflation) that may be read from one input
 * @param maxInflatedBytes     most bytes a deflated data set may inflate to (deflate-bomb protection)
 * @param maxDepth             deepest sequence nesting accepted
 * @param stopBeforePixelData  stop at the top-level pixel data element (for indexing: everything else is read)
 * @param reinterpretUn        give UN elements of dictionary-known tags their real VR (SQ parsed as implicit VR LE)
 */
public record ReadOptions(int maxValueLength, long maxTotalBytes, long maxInflatedBytes, int maxDepth,
                          boolean stopBeforePixelData, boolean reinterpretUn) {

    /** 1 GiB per value, 4 GiB per object, 2 GiB inflated, 64 levels of nesting. */
    public static final ReadOptions DEFAULTS = new ReadOptions(1 << 30, 4L << 30, 2L << 30, 64, false, true);

    public ReadOptions {
        if (maxValueLength < 0 || maxTotalBytes < 0 || maxInflatedBytes < 0 || maxDepth < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }

    public static ReadOptions defaults() {
        return DEFAULTS;
    }

    public ReadOptions withMaxValueLength(int bytes) {
        return new ReadOptions(bytes, maxTotalBytes, maxInflatedBytes, maxDepth, stopBeforePixelData, reinterpretUn);
    }

    public ReadOptions withMaxTotalBytes(long bytes) {
        return new ReadOptions(maxValueLength, bytes, maxInflatedBytes, maxDepth, stopBeforePixelData, reinterpretUn);
    }

    public ReadOptions withMaxInflatedBytes(long bytes) {
        return new ReadOptions(maxValueLength, maxTotalBytes, bytes, maxDepth, stopBeforePixelData, reinterpretUn);
    }

    public ReadOptions withMaxDepth(int depth) {
        return new ReadOptions(maxValueLength, maxTotalBytes, maxInflatedBytes, depth, stopBeforePixelData, reinterpretUn);
    }

    public ReadOptions withStopBeforePixelData(boolean stop) {
        return new ReadOptions(maxValueLength, maxTotalBytes, maxInflatedBytes, maxDepth, stop, reinterpretUn);
    }

    public ReadOptions withReinterpretUn(boolean reinterpret) {
        return new ReadOptions(maxValueLength, maxTotalBytes, maxInflatedBytes, maxDepth, stopBeforePixelData, reinterpret);
    }
}
