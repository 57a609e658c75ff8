package io.delineo.dicom.pixel;

import io.delineo.dicom.DicomException;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UnsupportedTransferSyntaxException;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * JPEG (TwelveMonkeys imageio-jpeg: baseline, 8-bit extended, lossless) and JPEG 2000 (jai-imageio-jpeg2000) frames
 * through Java ImageIO. Raw component values are read (no ImageIO colour management); YCbCr of lossy JPEG is
 * converted to RGB here, JPEG 2000 applies its own inverse component transform.
 */
final class ImageIoDecoder {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageIoDecoder() {
    }

    static DecodedFrame decode(byte[] frame, TransferSyntax ts, PixelDescription d, int index) {
        boolean jpeg2000 = ts.decoder() == TransferSyntax.PixelDecoding.JPEG_2000;
        if (!jpeg2000) {
            checkJpegPrecision(frame, ts);
        }
        ImageReader reader = reader(jpeg2000 ? "jpeg2000" : "jpeg", ts);
        Raster raster;
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(frame))) {
            reader.setInput(in);
            raster = reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
        } catch (IOException | RuntimeException e) {
            throw new DicomException("cannot decode frame " + index + " (" + ts.name() + "): " + e.getMessage(), e);
        } catch (Error e) {
            // JJ2000 reports a truncated or corrupt codestream by throwing ThreadDeath; it is bad data, not a dying VM
            if (!e.getClass().getName().equals("java.lang.ThreadDeath")) throw e;
            throw new DicomException("cannot decode frame " + index + " (" + ts.name() + "): the codestream is "
                    + "truncated or corrupt", e);
        } finally {
            reader.dispose();
        }
        if (raster.getWidth() != d.columns() || raster.getHeight() != d.rows() || raster.getNumBands() != d.samplesPerPixel()) {
            throw new DicomException("frame " + index + " decodes to " + raster.getWidth() + " x " + raster.getHeight()
                    + " x " + raster.getNumBands() + " but the data set says " + d.columns() + " x " + d.rows()
                    + " x " + d.samplesPerPixel());
        }
        int[] samples = raster.getPixels(0, 0, d.columns(), d.rows(), (int[]) null);
        PixelDescription out = d.withColour(d.photometric(), 0);
        if (d.samplesPerPixel() == 3) {
            if (!jpeg2000 && d.photometric().isFullRangeYbr()) {
                ColourConversion.ybrFullToRgbInPlace(samples, d.bitsStored());
                out = d.withColour(PhotometricInterpretation.RGB, 0);
            } else if (jpeg2000 && (d.photometric() == PhotometricInterpretation.YBR_ICT
                    || d.photometric() == PhotometricInterpretation.YBR_RCT)) {
                out = d.withColour(PhotometricInterpretation.RGB, 0);
            }
        }
        return new DecodedFrame(SampleCodec.toNativeBytes(samples, d.bitsAllocated()), out);
    }

    private static ImageReader reader(String format, TransferSyntax ts) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        ImageReader fallback = null;
        while (readers.hasNext()) {
            ImageReader r = readers.next();
            if (r.getClass().getName().startsWith("com.twelvemonkeys") || format.equals("jpeg2000")) {
                return r;
            }
            fallback = r;
        }
        if (fallback == null) {
            throw new UnsupportedTransferSyntaxException(ts, "no ImageIO reader for " + format + " on the class path");
        }
        return fallback;
    }

    /** DCT JPEG with more than 8 bits (12-bit JPEG Extended) has no Java decoder here. */
    private static void checkJpegPrecision(byte[] frame, TransferSyntax ts) {
        int i = 2;
        while (i + 9 < frame.length) {
            if ((frame[i] & 0xFF) != 0xFF) {
                i++;
                continue;
            }
            int marker = frame[i + 1] & 0xFF;
            if (marker == 0xFF || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                i++;
                continue;
            }
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                int precision = frame[i + 4] & 0xFF;
                boolean lossless = marker == 0xC3 || marker == 0xC7 || marker == 0xCB || marker == 0xCF;
                if (!lossless && precision > 8) {
                    throw new UnsupportedTransferSyntaxException(ts, precision
                            + "-bit DCT JPEG (JPEG Extended) has no Java decoder here; the browser decodes it");
                }
                return;
            }
            int length = ((frame[i + 2] & 0xFF) << 8) | (frame[i + 3] & 0xFF);
            i += 2 + length;
        }
    }
}
