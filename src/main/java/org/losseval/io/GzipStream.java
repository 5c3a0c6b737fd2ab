package org.losseval.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decompresses a gzip stream (RFC 1952) of one or more members, strictly: unlike
 * {@link java.util.zip.GZIPInputStream}, which stops silently at bytes after the last member that are not
 * another member, and which reports a stream cut short as {@code Unexpected end of ZLIB input stream} or
 * with no message at all, this fails, in words, on:
 * <ul>
 *   <li>bytes after the last member that do not start another member ("data after the end of the gzip
 *       stream": data we would not read);
 *   <li>a stream that ends inside a member's header, data or trailer ("truncated");
 *   <li>a member whose CRC-32 or length (ISIZE, modulo 2<sup>32</sup>) does not match its data ("corrupt").
 * </ul>
 * Header fields FEXTRA, FNAME, FCOMMENT and FHCRC are skipped (FHCRC is not checked: the member's CRC-32
 * covers the data). Reserved flag bits or a method other than deflate are an error, as in gzip(1).
 *
 * <p>Failures are {@link IOException}s whose message is the whole reason; the caller adds file and row.
 *
 * <p>Cost: the JDK's {@link Inflater} plus a CRC-32 of the output, as {@code GZIPInputStream}. Not
 * thread-safe; closes the wrapped stream.
 */
final class GzipStream extends InputStream {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int RESERVED = 0xe0;

    private final InputStream in;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input;
    /** Bytes of {@code input} from {@code inputPos} to {@code inputLimit} not yet given to the inflater or parsed. */
    private int inputPos;
    private int inputLimit;
    private long memberBytes;
    private boolean inMember;
    private boolean eof;
    private final byte[] single = new byte[1];

    GzipStream(InputStream in, int bufferBytes) throws IOException {
        this.in = in;
        this.input = new byte[bufferBytes];
        readHeader(true);
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        while (!eof) {
            if (!inMember) {
                if (!nextMember()) return -1;
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw new IOException("corrupt gzip data: " + (e.getMessage() == null ? "invalid deflate stream" : e.getMessage()));
            }
            if (n > 0) {
                crc.update(b, off, n);
                memberBytes += n;
                return n;
            }
            if (inflater.finished()) {
                int remaining = inflater.getRemaining();
                inputPos = inputLimit - remaining;
                inflater.reset();
                readTrailer();
                inMember = false;
            } else if (inflater.needsDictionary()) {
                throw new IOException("corrupt gzip data: the deflate stream asks for a preset dictionary");
            } else if (inflater.needsInput()) {
                if (!refill()) throw new EOFException("truncated gzip stream: it ends inside compressed data");
                inflater.setInput(input, inputPos, inputLimit - inputPos);
                inputPos = inputLimit;
            }
        }
        return -1;
    }

    /** After a member: the end of the input, or another member's header; anything else is an error. */
    private boolean nextMember() throws IOException {
        if (inputPos == inputLimit && !refill()) {
            eof = true;
            return false;
        }
        readHeader(false);
        return true;
    }

    private void readHeader(boolean firstMember) throws IOException {
        int id1 = headerByte(true);
        if (firstMember && id1 < 0) throw new EOFException("empty gzip stream: no data at all");
        // Another member starts with the magic; any other byte after a member is data gzip(1) would warn about.
        String notGzip = firstMember ? "not in gzip format (it does not start with the gzip magic bytes 1f 8b)"
                : "data after the end of the gzip stream (bytes that are not another gzip member)";
        if (id1 != 0x1f) throw new IOException(notGzip);
        if (headerByte(false) != 0x8b) throw new IOException(notGzip);
        if (headerByte(false) != 8) throw new IOException("corrupt gzip header: the compression method is not deflate");
        int flags = headerByte(false);
        if ((flags & RESERVED) != 0) throw new IOException("corrupt gzip header: reserved flag bits are set");
        for (int i = 0; i < 6; i++) headerByte(false); // MTIME, XFL, OS
        if ((flags & FEXTRA) != 0) {
            int length = headerByte(false) | headerByte(false) << 8;
            for (int i = 0; i < length; i++) headerByte(false);
        }
        if ((flags & FNAME) != 0) while (headerByte(false) != 0) { /* skip the name */ }
        if ((flags & FCOMMENT) != 0) while (headerByte(false) != 0) { /* skip the comment */ }
        if ((flags & FHCRC) != 0) {
            headerByte(false);
            headerByte(false);
        }
        crc.reset();
        memberBytes = 0;
        inMember = true;
        // Whatever follows the header in the buffer is deflate data.
        inflater.setInput(input, inputPos, inputLimit - inputPos);
        inputPos = inputLimit;
    }

    private void readTrailer() throws IOException {
        long storedCrc = 0;
        for (int i = 0; i < 4; i++) storedCrc |= (long) trailerByte() << (8 * i);
        long storedSize = 0;
        for (int i = 0; i < 4; i++) storedSize |= (long) trailerByte() << (8 * i);
        if (storedCrc != crc.getValue()) throw new IOException("corrupt gzip stream: the CRC-32 of the data does not match");
        if (storedSize != (memberBytes & 0xffffffffL)) {
            throw new IOException("corrupt gzip stream: the data length does not match the trailer");
        }
    }

    /** A header byte; at the very start of a member an end of input is -1, elsewhere truncation. */
    private int headerByte(boolean first) throws IOException {
        if (inputPos == inputLimit && !refill()) {
            if (first) return -1;
            throw new EOFException("truncated gzip stream: it ends inside a member header");
        }
        return input[inputPos++] & 0xff;
    }

    private int trailerByte() throws IOException {
        if (inputPos == inputLimit && !refill()) {
            throw new EOFException("truncated gzip stream: the trailer (CRC-32 and length) is missing");
        }
        return input[inputPos++] & 0xff;
    }

    /** Reads more compressed bytes into an empty buffer; false at the end of the input. */
    private boolean refill() throws IOException {
        int n = in.read(input, 0, input.length);
        if (n <= 0) {
            inputPos = inputLimit = 0;
            return false;
        }
        inputPos = 0;
        inputLimit = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
