package org.statecraft.io.scenario;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Small helpers about scenario files as bytes, for run records. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /** SHA-256 of the file's bytes as 64 lowercase hex digits: what a run record stores to name its scenario. */
    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
