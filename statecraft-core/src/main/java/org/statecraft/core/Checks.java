package org.statecraft.core;

/** Precondition helpers that return their argument so they read inline (after JGraphT's GraphTests). */
public final class Checks {
    private Checks() {
    }

    public static double requireFinite(double value, String what) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number, was " + value);
        }
        return value;
    }

    public static double requireInRange(double value, double lo, double hi, String what) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(what + " must be in [" + lo + ", " + hi + "], was " + value);
        }
        return value;
    }

    public static double requirePositive(double value, String what) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be > 0, was " + value);
        }
        return value;
    }

    public static double requireNonNegative(double value, String what) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + value);
        }
        return value;
    }

    public static int requireNonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, was " + value);
        }
        return value;
    }

    public static String requireId(String id, String what) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(what + " must be a non-empty id");
        }
        return id;
    }
}
