package org.statecraft.events.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.statecraft.events.FileDigest;

/**
 * The digests of a file computed from the bytes the ingest reads anyway: the SHA-256 the store records and, when a
 * published MD5 is to be checked, the MD5, both updated from the same buffers in the reading thread, so the file is
 * read once. A reader may stop before the end of the file (a {@code .zip} is read up to its first entry's end);
 * {@link #finish} then hashes the unread tail, so both digests are always of the whole file.
 */
final class FileDigests {
    private final MessageDigest sha256;
    private final MessageDigest md5;
    private long bytes;

    /** @param withMd5 also compute the MD5 (only when there is a published one to check: it costs CPU) */
    FileDigests(boolean withMd5) {
        sha256 = FileDigest.newDigest("SHA-256");
        md5 = withMd5 ? FileDigest.newDigest("MD5") : null;
    }

    /** {@code raw} read through both digests. */
    InputStream wrap(InputStream raw) {
        return new FilterInputStream(raw) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    update(new byte[] {(byte) b}, 0, 1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    update(b, off, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] buf = new byte[(int) Math.min(n, 1 << 16)];
                int got = read(buf, 0, buf.length);
                return Math.max(got, 0);
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    private void update(byte[] b, int off, int n) {
        sha256.update(b, off, n);
        if (md5 != null) {
            md5.update(b, off, n);
        }
        bytes += n;
    }

    /** Bytes hashed so far (read through {@link #wrap}, and the tail once {@link #finish}ed). */
    long bytes() {
        return bytes;
    }

    /** Hashes what the reader left unread of {@code file} (from byte {@link #bytes()} to its end). */
    void finish(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() <= bytes) {
                return;
            }
            ch.position(bytes);
            try (InputStream in = Channels.newInputStream(ch)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    update(buf, 0, n);
                }
            }
        }
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The MD5 as lower-case hex; only when constructed {@code withMd5}. */
    String md5Hex() {
        return HexFormat.of().formatHex(md5.digest());
    }
}
