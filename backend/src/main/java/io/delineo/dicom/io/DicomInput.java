package io.delineo.dicom.io;

import io.delineo.dicom.DicomParseException;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Buffered reading with absolute byte positions and peeking. When the total length is known (files, byte arrays),
 * declared value lengths are checked against the bytes that remain before anything is allocated; when it is not
 * (streams), large values are read in chunks so a lying length fails at end-of-stream instead of exhausting memory.
 */
final class DicomInput {
    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private final long knownLength;
    private byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;
    private long base;
    private boolean eof;

    DicomInput(InputStream in, long knownLength) {
        this.in = in;
        this.knownLength = knownLength;
    }

    long position() {
        return base + pos;
    }

    /** Bytes left in the input, or -1 when the length is unknown. */
    long remaining() {
        return knownLength < 0 ? -1 : knownLength - position();
    }

    /** Makes n bytes available for peeking; false when the input ends first. */
    boolean ensure(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            base += pos;
            lim -= pos;
            pos = 0;
        }
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(n, buf.length * 2));
        }
        while (lim < n && !eof) {
            int r = in.read(buf, lim, buf.length - lim);
            if (r < 0) {
                eof = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    boolean atEnd() throws IOException {
        return !ensure(1);
    }

    int available() {
        return lim - pos;
    }

    /** Byte i ahead of the current position (after a successful ensure). */
    int peek(int i) {
        return buf[pos + i] & 0xFF;
    }

    int readU16(boolean bigEndian) throws IOException {
        need(2);
        int v = bigEndian ? (peek(0) << 8) | peek(1) : peek(0) | (peek(1) << 8);
        pos += 2;
        return v;
    }

    long readU32(boolean bigEndian) throws IOException {
        need(4);
        long v = bigEndian
                ? ((long) peek(0) << 24) | (peek(1) << 16) | (peek(2) << 8) | peek(3)
                : peek(0) | (peek(1) << 8) | (peek(2) << 16) | ((long) peek(3) << 24);
        pos += 4;
        return v;
    }

    int readTag(boolean bigEndian) throws IOException {
        int group = readU16(bigEndian);
        int element = readU16(bigEndian);
        return (group << 16) | element;
    }

    void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            if (lim == pos && !ensure(1)) {
                throw new EOFException();
            }
            int step = (int) Math.min(left, lim - pos);
            pos += step;
            left -= step;
        }
    }

    /** Reads exactly n bytes; the caller has checked n against its limits. */
    byte[] readBytes(int n) throws IOException {
        if (knownLength >= 0 && n > remaining()) {
            throw new EOFException();
        }
        if (knownLength >= 0 || n <= CHUNK) {
            byte[] out = new byte[n];
            fill(out, 0, n);
            return out;
        }
        byte[] out = new byte[CHUNK];
        int filled = 0;
        while (filled < n) {
            if (filled == out.length) {
                out = Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
            }
            int step = Math.min(out.length, n) - filled;
            fill(out, filled, step);
            filled += step;
        }
        return out;
    }

    private void fill(byte[] out, int off, int n) throws IOException {
        int done = 0;
        int fromBuffer = Math.min(n, lim - pos);
        System.arraycopy(buf, pos, out, off, fromBuffer);
        pos += fromBuffer;
        done += fromBuffer;
        while (done < n) {
            int r = in.read(out, off + done, n - done);
            if (r < 0) {
                eof = true;
                throw new EOFException();
            }
            done += r;
            base += r;
        }
    }

    private void need(int n) throws IOException {
        if (!ensure(n)) {
            throw new EOFException();
        }
    }

    /** The rest of the input: buffered bytes first, then the underlying stream (for switching to inflation). */
    InputStream remainder() {
        byte[] buffered = Arrays.copyOfRange(buf, pos, lim);
        return new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(buffered), in);
    }

    static DicomParseException truncated(long offset, int tag, String what) {
        return new DicomParseException("unexpected end of data while reading " + what, offset, tag);
    }
}
