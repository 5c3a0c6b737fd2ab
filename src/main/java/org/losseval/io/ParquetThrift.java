package org.losseval.io;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import shaded.parquet.org.apache.thrift.TBase;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TEndpointTransport;
import shaded.parquet.org.apache.thrift.transport.TTransportException;

/**
 * Parquet's Thrift structures (the footer, page headers) read from a byte array and written to a stream with
 * Apache Parquet's model and its compact protocol, as {@code org.apache.parquet.format.Util} does, but over a
 * transport of our own rather than Thrift's {@code TIOStreamTransport}.
 *
 * <h2>Why not {@code Util}</h2>
 * {@code TIOStreamTransport} holds an slf4j logger in a static field, so the first footer a run reads
 * initialises slf4j: twelve classes that no start-up archive can hold (slf4j 1.7 is compiled for Java 5, which
 * CDS refuses) and a search of the class path for a logging binding, about 5–6 ms of the main thread's CPU on
 * every Parquet run on JDK 17 and 25 (src/bench/README.md, "The Parquet run's critical path"). Nothing else is
 * different: the same protocol (compact), the same message size limit (Thrift's default, 100 MiB, which
 * {@code Util} also sets), the same end-of-data error ({@code TIOStreamTransport} over a byte stream says
 * "Socket is closed by peer.") and the same wrapping of a Thrift error into an IOException ("can not read
 * class ...: ", which {@link ParquetErrors#describe} rewords), so a damaged file is described as before.
 * {@code Util} interns the strings it reads ({@code InterningProtocol}); nothing here compares them by identity.
 */
final class ParquetThrift {
    private ParquetThrift() {}

    /** The footer encoded in {@code bytes[from, to)}. */
    static FileMetaData readFooter(byte[] bytes, int from, int to) throws IOException {
        return read(bytes, from, to, new FileMetaData()).value;
    }

    /**
     * The page header that starts at {@code bytes[from]} and ends before {@code to} at the latest, and where it
     * ends. A negative compressed size is refused with {@code Util}'s wording ({@code MetadataValidator}'s),
     * formatted only then: {@code Util} formats that message for every page it reads.
     */
    static Read<PageHeader> readPageHeader(byte[] bytes, int from, int to) throws IOException {
        Read<PageHeader> read = read(bytes, from, to, new PageHeader());
        int size = read.value.getCompressed_page_size();
        if (size < 0) throw new IOException("Compressed page size must not be negative but was: " + size);
        return read;
    }

    /** Writes {@code value} (a footer, a page header) to {@code out}, compact protocol, as {@code Util} does. */
    static void write(TBase<?, ?> value, OutputStream out) throws IOException {
        try {
            value.write(new TCompactProtocol(new Bytes(null, 0, 0, out)));
        } catch (TException e) {
            throw new IOException("can not write " + value, e);
        }
    }

    /** A structure read, and the index just after its last byte. */
    record Read<T>(T value, int end) {}

    private static <T extends TBase<?, ?>> Read<T> read(byte[] bytes, int from, int to, T value) throws IOException {
        try {
            Bytes in = new Bytes(bytes, from, to, null);
            value.read(new TCompactProtocol(in));
            return new Read<>(value, in.pos);
        } catch (TException e) {
            throw new IOException("can not read " + value.getClass() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A transport over {@code bytes[from, to)} (reading) or an output stream (writing). Reads as
     * {@code TIOStreamTransport} over a {@code ByteArrayInputStream} does: what is asked for up to what is left,
     * and "Socket is closed by peer." (END_OF_FILE) when nothing is left. No buffer is offered to the protocol
     * ({@code getBuffer} stays null), so it reads exactly as it does over {@code Util}'s transport.
     */
    private static final class Bytes extends TEndpointTransport {
        private final byte[] bytes;
        private final int to;
        private final OutputStream out;
        private int pos;

        /** Thrift's default configuration: a message size limit of 100 MiB, what {@code Util} sets too. */
        Bytes(byte[] bytes, int from, int to, OutputStream out) throws TTransportException {
            super(new TConfiguration());
            this.bytes = bytes;
            this.to = to;
            this.out = out;
            this.pos = from;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void open() {
            // Nothing to open: the bytes are in memory, the stream is the caller's.
        }

        @Override
        public void close() {
            // The stream is the caller's to close.
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws TTransportException {
            if (bytes == null) throw new TTransportException(TTransportException.NOT_OPEN, "Cannot read from null inputStream");
            if (length == 0) return 0;
            if (pos >= to) throw new TTransportException(TTransportException.END_OF_FILE, "Socket is closed by peer.");
            int n = Math.min(length, to - pos);
            System.arraycopy(bytes, pos, buffer, offset, n);
            pos += n;
            return n;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws TTransportException {
            if (out == null) throw new TTransportException(TTransportException.NOT_OPEN, "Cannot write to null outputStream");
            try {
                out.write(buffer, offset, length);
            } catch (IOException e) {
                throw new TTransportException(TTransportException.UNKNOWN, e);
            }
        }
    }
}
