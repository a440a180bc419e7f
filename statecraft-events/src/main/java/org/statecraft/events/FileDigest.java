package org.statecraft.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file's digest as lower-case hex (SHA-256 for the store's file records, MD5 for GDELT's published lists). */
public final class FileDigest {
    private FileDigest() {
    }

    /** @param algorithm a {@link MessageDigest} algorithm every JDK has ("MD5", "SHA-256") */
    public static String hex(Path file, String algorithm) throws IOException {
        MessageDigest md = newDigest(algorithm);
        update(md, file);
        return HexFormat.of().formatHex(md.digest());
    }

    /** A fresh digest of {@code algorithm}, one that every JDK has ("MD5", "SHA-256"). */
    public static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // the JDK's security providers must offer MD5 and SHA-256
        }
    }

    /** Adds every byte of {@code file} to {@code md}. */
    public static void update(MessageDigest md, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        }
    }
}
