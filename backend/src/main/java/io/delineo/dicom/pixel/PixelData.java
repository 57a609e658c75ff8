package io.delineo.dicom.pixel;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Sequence;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.UnsupportedTransferSyntaxException;
import io.delineo.dicom.VR;

/**
 * Access to the frames of (7FE0,0010) Pixel Data: in their original encoding, as native uncompressed bytes, as
 * stored integer values and as real (rescaled) values. Frames count from 0.
 * <p>Native pixel data is sliced directly. Encapsulated frames are found through the offset tables or fragment
 * structure and decoded by RLE (own decoder), JPEG and JPEG 2000 (ImageIO plug-ins); other syntaxes
 * (JPEG-LS, HTJ2K, 12-bit JPEG Extended, video) give {@link UnsupportedTransferSyntaxException} on decoding but
 * {@link #encodedFrame(int)} still returns their bytes.
 */
public final class PixelData {
    private final Dataset dataset;
    private final TransferSyntax transferSyntax;
    private final PixelDescription description;
    private final byte[] nativeBytes;
    private final Fragments fragments;
    private final FrameLocator locator;

    private PixelData(Dataset dataset, TransferSyntax ts) {
        this.dataset = dataset;
        this.transferSyntax = ts;
        Attribute pixels = dataset.get(Tags.PixelData);
        if (pixels == null) {
            throw new DicomException("the data set has no Pixel Data (7FE0,0010)");
        }
        this.description = PixelDescription.of(dataset);
        if (pixels.isEncapsulated()) {
            this.fragments = pixels.fragments();
            this.nativeBytes = null;
            this.locator = new FrameLocator(dataset, fragments, description.frames());
        } else {
            if (ts.encapsulated()) {
                throw new DicomException("transfer syntax " + ts.name() + " needs encapsulated pixel data, found a plain value");
            }
            this.fragments = null;
            // 32-bit samples in big endian OW were swapped per 16-bit word on reading (as dcmtk does); swapping
            // the words of each sample completes the conversion to little endian 32-bit values
            this.nativeBytes = ts.bigEndian() && pixels.vr() == VR.OW && description.bitsAllocated() == 32
                    ? ByteOrderUtil.swapWordPairs(pixels.bytes()) : pixels.bytes();
            this.locator = null;
        }
    }

    public static PixelData of(DicomFile file) {
        return new PixelData(file.dataset(), file.transferSyntax());
    }

    public static PixelData of(Dataset dataset, TransferSyntax ts) {
        return new PixelData(dataset, ts);
    }

    public PixelDescription description() {
        return description;
    }

    public TransferSyntax transferSyntax() {
        return transferSyntax;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    public int frameCount() {
        return description.frames();
    }

    /** The bytes of a frame in the original encoding: the compressed codestream, or the native frame bytes. */
    public byte[] encodedFrame(int frame) {
        checkFrame(frame);
        return fragments != null ? locator.frame(fragments, frame) : nativeSlice(frame);
    }

    /** Decodes a frame into native little-endian bytes (layout in the returned description). */
    public DecodedFrame decode(int frame) {
        checkFrame(frame);
        if (fragments == null) {
            return new DecodedFrame(nativeSlice(frame), description);
        }
        byte[] encoded = locator.frame(fragments, frame);
        return switch (transferSyntax.decoder()) {
            case ENCAPSULATED_NATIVE -> new DecodedFrame(encoded, description);
            case RLE -> new DecodedFrame(RleDecoder.decode(encoded, description, frame), description);
            case JPEG, JPEG_2000 -> ImageIoDecoder.decode(encoded, transferSyntax, description, frame);
            default -> throw new UnsupportedTransferSyntaxException(transferSyntax,
                    "no Java decoder is available here; serve the encoded frame to the browser instead");
        };
    }

    /** Uncompressed native bytes of a frame (for WADO-RS frame retrieval). */
    public byte[] nativeFrame(int frame) {
        return decode(frame).bytes();
    }

    /** Stored values of a frame, pixel-interleaved (pixel * samplesPerPixel + sample), masked and sign-extended. */
    public int[] storedValues(int frame) {
        DecodedFrame decoded = decode(frame);
        return SampleCodec.storedValues(decoded.bytes(), decoded.description());
    }

    /** Like {@link #storedValues} but colour frames in YBR_FULL / YBR_FULL_422 are converted to RGB. */
    public int[] rgbValues(int frame) {
        DecodedFrame decoded = decode(frame);
        int[] values = SampleCodec.storedValues(decoded.bytes(), decoded.description());
        if (decoded.description().samplesPerPixel() == 3 && decoded.description().photometric().isFullRangeYbr()) {
            ColourConversion.ybrFullToRgbInPlace(values, decoded.description().bitsStored());
        }
        return values;
    }

    /** Real values (rescale slope/intercept applied, e.g. HU) of a single-sample frame. */
    public float[] realValues(int frame) {
        if (description.samplesPerPixel() != 1) {
            throw new DicomException("real values need a single-sample (monochrome) image, found "
                    + description.samplesPerPixel() + " samples per pixel");
        }
        int[] stored = storedValues(frame);
        RescaleTransform rescale = rescale(frame);
        boolean unsigned32 = description.bitsStored() == 32 && !description.signed();
        float[] out = new float[stored.length];
        for (int i = 0; i < stored.length; i++) {
            double v = unsigned32 ? Integer.toUnsignedLong(stored[i]) : stored[i];
            out[i] = (float) rescale.apply(v);
        }
        return out;
    }

    /**
     * Rescale of a frame: from the per-frame functional groups, else the shared functional groups (Pixel Value
     * Transformation Sequence), else the top-level Rescale Slope/Intercept, else identity.
     */
    public RescaleTransform rescale(int frame) {
        checkFrame(frame);
        Sequence perFrame = dataset.getSequence(Tags.PerFrameFunctionalGroupsSequence);
        if (perFrame != null && frame < perFrame.size()) {
            RescaleTransform t = fromGroup(perFrame.get(frame));
            if (t != null) {
                return t;
            }
        }
        Dataset shared = dataset.getItem(Tags.SharedFunctionalGroupsSequence);
        if (shared != null) {
            RescaleTransform t = fromGroup(shared);
            if (t != null) {
                return t;
            }
        }
        RescaleTransform top = fromAttributes(dataset);
        return top != null ? top : RescaleTransform.IDENTITY;
    }

    private static RescaleTransform fromGroup(Dataset group) {
        Dataset transform = group.getItem(Tags.PixelValueTransformationSequence);
        return transform == null ? null : fromAttributes(transform);
    }

    private static RescaleTransform fromAttributes(Dataset ds) {
        Double slope = ds.getDouble(Tags.RescaleSlope);
        Double intercept = ds.getDouble(Tags.RescaleIntercept);
        if (slope == null && intercept == null) {
            return null;
        }
        try {
            return new RescaleTransform(slope == null ? 1 : slope, intercept == null ? 0 : intercept,
                    ds.getString(Tags.RescaleType, ""));
        } catch (IllegalArgumentException e) {
            throw new DicomException(e.getMessage(), e);
        }
    }

    private void checkFrame(int frame) {
        if (frame < 0 || frame >= description.frames()) {
            throw new IndexOutOfBoundsException("frame " + frame + " of " + description.frames());
        }
    }

    /** The bytes of native frame n; 1-bit frames not starting on a byte boundary are shifted to bit 0. */
    private byte[] nativeSlice(int frame) {
        int frameBytes = description.nativeFrameBytes();
        if (description.photometric() == PhotometricInterpretation.YBR_FULL_422 && description.samplesPerPixel() == 3
                && description.bitsAllocated() == 8 && nativeBytes.length < (long) frameBytes * description.frames()) {
            frameBytes = description.rows() * ((description.columns() + 1) / 2) * 4;
        }
        if (description.bitsAllocated() == 1) {
            long startBit = (long) frame * description.samplesPerFrame();
            int bits = description.samplesPerFrame();
            if ((startBit + bits + 7) / 8 > nativeBytes.length) {
                throw missing(frame, (startBit + bits + 7) / 8);
            }
            byte[] out = new byte[frameBytes];
            for (int i = 0; i < bits; i++) {
                long src = startBit + i;
                if (((nativeBytes[(int) (src >>> 3)] >> (src & 7)) & 1) != 0) {
                    out[i >>> 3] |= (byte) (1 << (i & 7));
                }
            }
            return out;
        }
        long start = (long) frame * frameBytes;
        if (start + frameBytes > nativeBytes.length) {
            throw missing(frame, start + frameBytes);
        }
        byte[] out = new byte[frameBytes];
        System.arraycopy(nativeBytes, (int) start, out, 0, frameBytes);
        return out;
    }

    private DicomException missing(int frame, long needed) {
        return new DicomException("Pixel Data holds " + nativeBytes.length + " bytes but frame " + frame + " needs "
                + needed + " (" + description.rows() + " x " + description.columns() + " x "
                + description.samplesPerPixel() + " x " + description.bitsAllocated() + " bits x " + description.frames()
                + " frames)");
    }
}
