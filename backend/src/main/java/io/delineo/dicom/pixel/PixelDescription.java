package io.delineo.dicom.pixel;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.Tags;

/**
 * The Image Pixel module values needed to interpret pixel data (PS3.3 C.7.6.3).
 *
 * @param rows                 (0028,0010)
 * @param columns              (0028,0011)
 * @param samplesPerPixel      (0028,0002)
 * @param bitsAllocated        (0028,0100): 1, 8, 16 or 32
 * @param bitsStored           (0028,0101)
 * @param highBit              (0028,0102)
 * @param signed               (0028,0103) Pixel Representation is 1
 * @param photometric          (0028,0004)
 * @param planarConfiguration  (0028,0006): 0 = R1G1B1R2..., 1 = RRR...GGG...BBB
 * @param frames               (0028,0008), 1 when absent
 */
public record PixelDescription(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored,
                               int highBit, boolean signed, PhotometricInterpretation photometric,
                               int planarConfiguration, int frames) {

    public PixelDescription {
        if (rows <= 0 || columns <= 0) {
            throw new DicomException("pixel data needs positive Rows and Columns, found " + rows + " x " + columns);
        }
        if (samplesPerPixel != 1 && samplesPerPixel != 3 && samplesPerPixel != 4) {
            throw new DicomException("unsupported Samples per Pixel " + samplesPerPixel);
        }
        if (bitsAllocated != 1 && bitsAllocated != 8 && bitsAllocated != 16 && bitsAllocated != 32) {
            throw new DicomException("unsupported Bits Allocated " + bitsAllocated + " (1, 8, 16 and 32 are supported)");
        }
        if (bitsStored < 1 || bitsStored > bitsAllocated) {
            throw new DicomException("Bits Stored " + bitsStored + " does not fit Bits Allocated " + bitsAllocated);
        }
        if (highBit < bitsStored - 1 || highBit >= bitsAllocated) {
            throw new DicomException("High Bit " + highBit + " inconsistent with Bits Stored " + bitsStored
                    + " and Bits Allocated " + bitsAllocated);
        }
        if (frames < 1) {
            throw new DicomException("Number of Frames must be at least 1, found " + frames);
        }
        if ((long) rows * columns * samplesPerPixel * frames > Integer.MAX_VALUE) {
            throw new DicomException("pixel data of " + rows + " x " + columns + " x " + samplesPerPixel + " x " + frames
                    + " samples is too large");
        }
    }

    /** Reads the description from a data set, with the usual defaults (1 frame, planar configuration 0, High Bit = Bits Stored - 1). */
    public static PixelDescription of(Dataset ds) {
        int bitsAllocated = ds.getInt(Tags.BitsAllocated, 0);
        int bitsStored = ds.getInt(Tags.BitsStored, bitsAllocated);
        String photometric = ds.getString(Tags.PhotometricInterpretation);
        int samples = ds.getInt(Tags.SamplesPerPixel, 1);
        PhotometricInterpretation pi;
        try {
            pi = photometric == null && samples == 1 ? PhotometricInterpretation.MONOCHROME2
                    : PhotometricInterpretation.of(photometric);
        } catch (IllegalArgumentException e) {
            throw new DicomException(e.getMessage(), e);
        }
        String frames = ds.getString(Tags.NumberOfFrames);
        int frameCount;
        try {
            frameCount = frames == null || frames.isEmpty() ? 1 : Integer.parseInt(frames.trim());
        } catch (NumberFormatException e) {
            throw new DicomException("Number of Frames '" + frames + "' is not an integer");
        }
        return new PixelDescription(ds.getInt(Tags.Rows, 0), ds.getInt(Tags.Columns, 0), samples, bitsAllocated,
                bitsStored, ds.getInt(Tags.HighBit, bitsStored - 1), ds.getInt(Tags.PixelRepresentation, 0) == 1, pi,
                ds.getInt(Tags.PlanarConfiguration, 0), Math.max(frameCount, 1));
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    public int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    /** Bytes of one native frame; for 1-bit data the frame's bits rounded up to whole bytes. */
    public int nativeFrameBytes() {
        long bits = (long) samplesPerFrame() * bitsAllocated;
        return (int) ((bits + 7) / 8);
    }

    /** Copy with another photometric interpretation and planar configuration (after colour conversion). */
    public PixelDescription withColour(PhotometricInterpretation pi, int planar) {
        return new PixelDescription(rows, columns, samplesPerPixel, bitsAllocated, bitsStored, highBit, signed, pi,
                planar, frames);
    }
}
