package org.losseval.io;

import java.util.regex.Pattern;
import org.losseval.text.Untrusted;

/**
 * Decoding failures in the user's words. The Thrift decoder of the footer and page headers reports a corrupt
 * file with exceptions whose messages name its classes ({@code can not read class org.apache.parquet.format.FileMetaData: ...}) and
 * objects ({@code org.apache.parquet.io.LocalInputFile@5dfcfece}). Here the class and object names are taken
 * out, the kind of damage is said first ("corrupt footer", "corrupt data"), and what remains is escaped and
 * capped ({@link Untrusted}), since it may quote bytes of the file.
 */
final class ParquetErrors {
    /** The wording of a page or dictionary page whose CRC does not match ({@link ParquetChunk}; parquet-java's too). */
    static final String CHECKSUM_FAILED = "CRC checksum verification failed";
    /** A qualified Java name, optionally with an object id: {@code org.apache.parquet.format.FileMetaData}, {@code ...@5dfcfece}. */
    private static final Pattern JAVA_NAME = Pattern.compile("(?:class\\s+)?(?:[a-z][a-z0-9_]*\\.)+[A-Z][\\w$]*(?:@[0-9a-f]+)?\\s*:?");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private ParquetErrors() {}

    /** Whether {@code e} (or a cause) is a failed page checksum. */
    static boolean isChecksumFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(CHECKSUM_FAILED)) return true;
        }
        return false;
    }

    /** "corrupt footer: cannot decode the file metadata (Negative length: -1)", "corrupt data: ...". */
    static String describe(Throwable e) {
        if (isChecksumFailure(e)) return "corrupt page: its checksum (CRC) does not match its bytes";
        String message = e.getMessage();
        for (Throwable t = e.getCause(); (message == null || message.isBlank()) && t != null; t = t.getCause()) {
            message = t.getMessage();
        }
        // Our own decoders' messages (ParquetDecompressors, ParquetColumnCursor) are already in our words; an
        // encoding or codec not read is not damage, so it keeps its own wording rather than "corrupt data".
        if (message != null && (message.startsWith("corrupt") || message.startsWith("compression codec")
                || message.contains(" page decompressed to ") || message.startsWith("zstd: ")
                || message.endsWith(" not supported") || message.endsWith("(only RLE)"))) {
            return Untrusted.text(message);
        }
        boolean footer = message != null && (message.contains("FileMetaData") || message.contains("footer"));
        String reason = message == null ? "" : SPACES.matcher(JAVA_NAME.matcher(message).replaceAll("")).replaceAll(" ").strip();
        reason = reason.replaceFirst("^(can not read|cannot read)\\s*:?\\s*", "").replaceFirst("^:\\s*", "");
        if (footer) return "corrupt footer: cannot decode the file metadata" + (reason.isEmpty() ? "" : " (" + Untrusted.text(reason) + ")");
        if (e instanceof java.io.EOFException || reason.isEmpty()) {
            return "corrupt data: the file ends inside a column chunk or page (truncated or damaged)";
        }
        return "corrupt data: " + Untrusted.text(reason);
    }
}
