package io.delineo.dicom.io;

import io.delineo.dicom.Attribute;
import io.delineo.dicom.ByteOrderUtil;
import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomException;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.Fragments;
import io.delineo.dicom.Tag;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.VR;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes DICOM Part 10: 128-byte preamble, "DICM", file meta information with computed group length, then the data
 * set in Explicit VR Little Endian, or, when the pixel data is encapsulated, in the object's own (compressed)
 * transfer syntax with its fragments kept. Values are padded to even length per VR; group length elements of other
 * groups (retired) are not written. Sequences get computed lengths, or undefined lengths per {@link WriteOptions}.
 */
public final class DicomWriter {
    private static final long UNDEFINED = 0xFFFFFFFFL;

    private final WriteOptions options;
    private final boolean fromBigEndian;
    private final int bitsAllocated;

    private DicomWriter(WriteOptions options, boolean fromBigEndian, int bitsAllocated) {
        this.options = options;
        this.fromBigEndian = fromBigEndian;
        this.bitsAllocated = bitsAllocated;
    }

    public static void write(DicomFile file, Path path) {
        write(file, path, WriteOptions.DEFAULTS);
    }

    public static void write(DicomFile file, Path path, WriteOptions options) {
        try (OutputStream out = Files.newOutputStream(path)) {
            write(file, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static byte[] toBytes(DicomFile file) {
        return toBytes(file, WriteOptions.DEFAULTS);
    }

    public static byte[] toBytes(DicomFile file, WriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(file, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The transfer syntax an object is written in: its own when encapsulated, else Explicit VR Little Endian. */
    public static TransferSyntax outputSyntax(DicomFile file) {
        Attribute pixels = file.dataset().get(Tags.PixelData);
        boolean encapsulated = pixels != null && pixels.isEncapsulated();
        if (encapsulated) {
            if (!file.transferSyntax().encapsulated()) {
                throw new DicomException("encapsulated pixel data needs an encapsulated transfer syntax, not "
                        + file.transferSyntax().name());
            }
            return file.transferSyntax();
        }
        if (pixels != null && file.transferSyntax().encapsulated()) {
            throw new DicomException("transfer syntax " + file.transferSyntax().name()
                    + " needs encapsulated pixel data, but the pixel data is a plain value");
        }
        return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
    }

    public static void write(DicomFile file, OutputStream stream, WriteOptions options) throws IOException {
        TransferSyntax ts = outputSyntax(file);
        Dataset meta = fileMeta(file, ts, options);
        OutputStream out = new BufferedOutputStream(stream, 1 << 16);
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        DicomWriter writer = new DicomWriter(options, file.transferSyntax().bigEndian(),
                file.dataset().getInt(Tags.BitsAllocated, 0));
        writer.writeItemContent(meta, out, true);
        writer.writeItemContent(file.dataset(), out, false);
        out.flush();
    }

    /** Writes a bare data set (no preamble or meta) in Explicit VR Little Endian; fragments are kept as they are. */
    public static void writeDataset(Dataset dataset, OutputStream stream, WriteOptions options) throws IOException {
        OutputStream out = new BufferedOutputStream(stream, 1 << 16);
        new DicomWriter(options, false, dataset.getInt(Tags.BitsAllocated, 0)).writeItemContent(dataset, out, false);
        out.flush();
    }

    /** File meta information for the output: version, SOP class/instance from the data set, syntax, implementation. */
    static Dataset fileMeta(DicomFile file, TransferSyntax ts, WriteOptions options) {
        Dataset ds = file.dataset();
        String sopClass = firstNonEmpty(ds.getString(Tags.SOPClassUID), file.fileMeta().getString(Tags.MediaStorageSOPClassUID));
        String sopInstance = firstNonEmpty(ds.getString(Tags.SOPInstanceUID), file.fileMeta().getString(Tags.MediaStorageSOPInstanceUID));
        if (sopClass == null || sopInstance == null) {
            throw new DicomException("cannot write Part 10 file meta information: SOP Class UID (0008,0016) and "
                    + "SOP Instance UID (0008,0018) are required");
        }
        Dataset meta = new Dataset();
        meta.setBytes(Tags.FileMetaInformationVersion, VR.OB, new byte[] {0, 1});
        try {
            meta.setString(Tags.MediaStorageSOPClassUID, VR.UI, sopClass);
            meta.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, sopInstance);
            meta.setString(Tags.TransferSyntaxUID, VR.UI, ts.uid());
        } catch (IllegalArgumentException e) {
            throw new DicomException("cannot write Part 10 file meta information: " + e.getMessage(), e);
        }
        meta.setString(Tags.ImplementationClassUID, VR.UI, options.implementationClassUid());
        if (options.implementationVersionName() != null) {
            meta.setString(Tags.ImplementationVersionName, VR.SH, options.implementationVersionName());
        }
        Attribute sourceAe = file.fileMeta().get(Tags.SourceApplicationEntityTitle);
        if (sourceAe != null && sourceAe.bytes() != null && sourceAe.bytes().length > 0) {
            meta.setBytes(Tags.SourceApplicationEntityTitle, VR.AE, sourceAe.bytes());
        }
        long length = new DicomWriter(options, false, 0).contentLength(meta, true);
        meta.setLong(Tags.FileMetaInformationGroupLength, VR.UL, length);
        return meta;
    }

    private static String firstNonEmpty(String a, String b) {
        return a != null && !a.isEmpty() ? a : b != null && !b.isEmpty() ? b : null;
    }

    private static boolean skipped(Attribute a, boolean meta) {
        // group lengths: only (0002,0000) is written, and only when writing the meta group itself
        return Tag.isGroupLength(a.tag()) && !(meta && a.tag() == Tags.FileMetaInformationGroupLength);
    }

    // ---- lengths ----

    private long contentLength(Dataset ds, boolean meta) {
        long total = 0;
        for (Attribute a : ds) {
            if (!skipped(a, meta) && !(meta && a.tag() == Tags.FileMetaInformationGroupLength)) {
                total += elementLength(a);
            }
        }
        return total;
    }

    private long elementLength(Attribute a) {
        VR vr = outputVr(a);
        long header = vr.hasLongLength() ? 12 : 8;
        if (a.isSequence()) {
            long items = 0;
            for (Dataset item : a.sequence()) {
                items += 8 + contentLength(item, false) + (options.undefinedLengthSequences() ? 8 : 0);
            }
            return header + items + (options.undefinedLengthSequences() ? 8 : 0);
        }
        if (a.isEncapsulated()) {
            Fragments f = a.fragments();
            long total = header + 8 + even(f.basicOffsetTable().length) + 8;
            for (byte[] fragment : f.list()) {
                total += 8 + even(fragment.length);
            }
            return total;
        }
        return header + even(a.bytes().length);
    }

    private static long even(long n) {
        return n + (n & 1);
    }

    /** A short-length VR cannot hold more than 65535 bytes in explicit VR: such values are written as UN. */
    private static VR outputVr(Attribute a) {
        VR vr = a.vr();
        if (!vr.hasLongLength() && a.bytes() != null && a.bytes().length > 0xFFFE) {
            return VR.UN;
        }
        return vr;
    }

    // ---- writing ----

    private void writeItemContent(Dataset ds, OutputStream out, boolean meta) throws IOException {
        for (Attribute a : ds) {
            if (!skipped(a, meta)) {
                writeElement(a, out);
            }
        }
    }

    private void writeElement(Attribute a, OutputStream out) throws IOException {
        VR vr = outputVr(a);
        if (a.isSequence()) {
            long length = options.undefinedLengthSequences() ? UNDEFINED : elementLength(a) - 12;
            writeHeader(out, a.tag(), vr, length);
            for (Dataset item : a.sequence()) {
                long itemLength = options.undefinedLengthSequences() ? UNDEFINED : contentLength(item, false);
                writeTag(out, Tag.ITEM);
                writeInt(out, itemLength);
                writeItemContent(item, out, false);
                if (options.undefinedLengthSequences()) {
                    writeTag(out, Tag.ITEM_DELIMITATION);
                    writeInt(out, 0);
                }
            }
            if (options.undefinedLengthSequences()) {
                writeTag(out, Tag.SEQUENCE_DELIMITATION);
                writeInt(out, 0);
            }
            return;
        }
        if (a.isEncapsulated()) {
            writeHeader(out, a.tag(), VR.OB, UNDEFINED);
            writeFragment(out, a.fragments().basicOffsetTable());
            for (byte[] fragment : a.fragments().list()) {
                writeFragment(out, fragment);
            }
            writeTag(out, Tag.SEQUENCE_DELIMITATION);
            writeInt(out, 0);
            return;
        }
        byte[] value = a.bytes();
        if (fromBigEndian && a.tag() == Tags.PixelData && vr == VR.OW && bitsAllocated == 32) {
            value = ByteOrderUtil.swapWordPairs(value); // see PixelData: 32-bit samples read as 16-bit words
        }
        writeHeader(out, a.tag(), vr, even(value.length));
        out.write(value);
        if ((value.length & 1) == 1) {
            out.write(vr.paddingByte());
        }
    }

    private void writeFragment(OutputStream out, byte[] fragment) throws IOException {
        writeTag(out, Tag.ITEM);
        writeInt(out, even(fragment.length));
        out.write(fragment);
        if ((fragment.length & 1) == 1) {
            out.write(0);
        }
    }

    private static void writeHeader(OutputStream out, int tag, VR vr, long length) throws IOException {
        writeTag(out, tag);
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLength()) {
            out.write(0);
            out.write(0);
            writeInt(out, length);
        } else {
            out.write((int) length);
            out.write((int) (length >>> 8));
        }
    }

    private static void writeTag(OutputStream out, int tag) throws IOException {
        int group = Tag.group(tag);
        int element = Tag.element(tag);
        out.write(group);
        out.write(group >>> 8);
        out.write(element);
        out.write(element >>> 8);
    }

    private static void writeInt(OutputStream out, long v) throws IOException {
        out.write((int) v);
        out.write((int) (v >>> 8));
        out.write((int) (v >>> 16));
        out.write((int) (v >>> 24));
    }
}
