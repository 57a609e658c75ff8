package io.delineo.dicom.io;

import io.delineo.dicom.Dataset;
import io.delineo.dicom.DicomFile;
import io.delineo.dicom.DicomParseException;
import io.delineo.dicom.Tags;
import io.delineo.dicom.TransferSyntax;
import io.delineo.dicom.VR;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;

/**
 * Reads DICOM Part 10 files and streams: preamble + "DICM" + file meta information, or a bare data set (implicit VR
 * LE, explicit VR LE or BE detected from its first element). All four native syntaxes and every encapsulated syntax
 * are read; a data set declared explicit but written implicit (or the reverse) is detected at its first element.
 * Malformed input gives {@link DicomParseException}; I/O failures of the source give {@link UncheckedIOException}.
 */
public final class DicomReader {
    private DicomReader() {
    }

    public static DicomFile read(Path path) {
        return read(path, ReadOptions.DEFAULTS);
    }

    public static DicomFile read(Path path, ReadOptions options) {
        try (InputStream in = Files.newInputStream(path)) {
            return read(in, Files.size(path), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static DicomFile read(byte[] data) {
        return read(data, ReadOptions.DEFAULTS);
    }

    public static DicomFile read(byte[] data, ReadOptions options) {
        try {
            return read(new ByteArrayInputStream(data), data.length, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a stream of unknown length (lengths are then bounded by the options, not by the remaining size). */
    public static DicomFile read(InputStream stream, ReadOptions options) throws IOException {
        return read(stream, -1, options);
    }

    private static DicomFile read(InputStream stream, long length, ReadOptions options) throws IOException {
        DicomInput in = new DicomInput(stream, length);
        try {
            return parse(in, options);
        } catch (ZipException e) {
            throw new DicomParseException("corrupt deflated data set: " + e.getMessage(), -1, -1, e);
        } catch (EOFException e) {
            throw new DicomParseException("unexpected end of data", in.position(), -1, e);
        } catch (OutOfMemoryError e) {
            throw new DicomParseException("not enough memory for the object; lower the read limits", in.position(), -1);
        }
    }

    private static DicomFile parse(DicomInput in, ReadOptions options) throws IOException {
        Dataset meta = new Dataset();
        boolean hasMeta = false;
        if (in.ensure(132) && isDicm(in, 128)) {
            in.skip(132);
            hasMeta = true;
        } else if (in.ensure(4) && isDicm(in, 0)) {
            in.skip(4);
            hasMeta = true;
        }
        if (in.ensure(2) && in.peek(0) == 0x02 && in.peek(1) == 0x00) {
            hasMeta = true; // group 0002 without preamble
        }
        if (hasMeta) {
            DatasetParser metaParser = new DatasetParser(in, looksExplicit(in), false, options, 0);
            metaParser.readGroup(meta, 0x0002);
        }

        String tsUid = meta.getString(Tags.TransferSyntaxUID);
        TransferSyntax ts;
        if (tsUid != null && !tsUid.isEmpty()) {
            ts = TransferSyntax.of(tsUid);
        } else {
            ts = detect(in, hasMeta);
        }

        DicomInput dataInput = in;
        long offsetBase = 0;
        if (ts.deflated()) {
            InputStream inflated = new LimitedInputStream(
                    new InflaterInputStream(in.remainder(), new Inflater(true), 1 << 16), options.maxInflatedBytes());
            dataInput = new DicomInput(inflated, -1);
        }
        DatasetParser parser = new DatasetParser(dataInput, ts.explicitVr(), ts.bigEndian(), options, offsetBase);
        if (!ts.bigEndian() && dataInput.ensure(8)) {
            // some writers declare one VR encoding and use the other: trust the bytes at the first element
            parser.setExplicitVr(looksExplicit(dataInput));
        }
        Dataset dataset = new Dataset();
        parser.readTopLevel(dataset);
        return new DicomFile(meta, dataset, ts, parser.pixelDataOffset(), parser.stoppedBeforePixelData());
    }

    private static boolean isDicm(DicomInput in, int at) {
        return in.peek(at) == 'D' && in.peek(at + 1) == 'I' && in.peek(at + 2) == 'C' && in.peek(at + 3) == 'M';
    }

    /** Whether bytes 4-5 of the next element are a VR code (explicit VR). */
    private static boolean looksExplicit(DicomInput in) throws IOException {
        return in.ensure(6) && VR.fromCode(in.peek(4), in.peek(5)) != null;
    }

    /**
     * Detects the encoding of a data set without (usable) file meta information from its first element. After a
     * file meta group the data is known to be DICOM, so only explicit vs implicit VR is decided.
     */
    private static TransferSyntax detect(DicomInput in, boolean afterMeta) throws IOException {
        if (!in.ensure(8)) {
            if (afterMeta && in.atEnd()) {
                return TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
            }
            throw new DicomParseException("not a DICOM file: too short (" + in.available() + " bytes)", 0, -1);
        }
        int groupLe = in.peek(0) | (in.peek(1) << 8);
        int groupBe = (in.peek(0) << 8) | in.peek(1);
        boolean explicit = VR.fromCode(in.peek(4), in.peek(5)) != null;
        if (afterMeta || plausibleFirstGroup(groupLe)) {
            return explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        if (explicit && plausibleFirstGroup(groupBe)) {
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        throw new DicomParseException(String.format("not a DICOM file: no 'DICM' marker, and the data does not start "
                + "like a data set (first bytes %02X %02X %02X %02X)", in.peek(0), in.peek(1), in.peek(2), in.peek(3)), 0, -1);
    }

    /** A bare data set starts with a low group (command 0000, meta 0002, identification 0008...). */
    private static boolean plausibleFirstGroup(int group) {
        return group <= 0x0028;
    }

    /** Caps the bytes a deflated data set may inflate to. */
    private static final class LimitedInputStream extends java.io.FilterInputStream {
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw new DicomParseException("deflated data set inflates beyond the limit of " + limit + " bytes", count, -1);
            }
        }
    }
}
