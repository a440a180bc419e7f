package org.statecraft.core.sensitivity;

/**
 * Sobol' low-discrepancy sequence (Sobol' 1967; Bratley &amp; Fox 1988, ACM TOMS 14:88) with the direction
 * numbers of Joe &amp; Kuo (2008) ({@link JoeKuoDirectionNumbers}), in up to {@value #MAX_DIMENSION}
 * dimensions and 52-bit resolution.
 * <p>
 * Point {@code i} is computed directly, without state, from the Gray code {@code g = i ^ (i >>> 1)}:
 * coordinate {@code k} is the XOR of the direction numbers {@code v_{k,b}} over the set bits {@code b} of
 * {@code g}, so it equals the {@code i}-th point of the usual sequential (Antonov–Saleev) generator, and
 * rows can be generated independently by any thread. An optional digital shift (XOR with a fixed 52-bit
 * word per dimension) randomises the sequence while keeping its net properties (Owen 2003, "Quasi-Monte
 * Carlo sampling", SIGGRAPH course notes); coordinates are returned as {@code (x + 1/2) / 2^52}, strictly
 * inside (0, 1), so that quantile functions never see 0 or 1. Immutable and thread-safe. Construction
 * O(d · 52), one coordinate O(log i).
 */
public final class SobolSequence {
    public static final int MAX_DIMENSION = JoeKuoDirectionNumbers.ROWS.length + 1;
    private static final int BITS = 52;
    private static final double SCALE = 0x1.0p-52;

    private final int dimension;
    /** direction[k][b] = v_{k,b+1} scaled to BITS bits. */
    private final long[][] direction;
    private final long[] shift;

    private SobolSequence(int dimension, long[] shift) {
        this.dimension = dimension;
        this.shift = shift;
        this.direction = new long[dimension][BITS];
        for (int b = 0; b < BITS; b++) {
            direction[0][b] = 1L << (BITS - 1 - b);
        }
        for (int k = 1; k < dimension; k++) {
            String[] f = JoeKuoDirectionNumbers.ROWS[k - 1].split(" ");
            int s = Integer.parseInt(f[0]);
            int a = Integer.parseInt(f[1]);
            long[] v = new long[BITS + 1]; // 1-based as in Joe & Kuo's reference code
            for (int i = 1; i <= Math.min(s, BITS); i++) {
                v[i] = Long.parseLong(f[1 + i]) << (BITS - i);
            }
            for (int i = s + 1; i <= BITS; i++) {
                v[i] = v[i - s] ^ (v[i - s] >> s);
                for (int j = 1; j <= s - 1; j++) {
                    v[i] ^= ((a >> (s - 1 - j)) & 1) * v[i - j];
                }
            }
            System.arraycopy(v, 1, direction[k], 0, BITS);
        }
    }

    /** The unshifted sequence; its point 0 is the origin (returned as 2^-53 in every coordinate). */
    public static SobolSequence of(int dimension) {
        return new SobolSequence(requireDimension(dimension), new long[dimension]);
    }

    /**
     * The sequence digitally shifted by {@code shift[k]} (low 52 bits used) in coordinate {@code k}: a
     * randomised QMC design when the shifts are drawn at random.
     */
    public static SobolSequence shifted(long[] shift) {
        requireDimension(shift.length);
        long[] s = new long[shift.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = shift[k] & ((1L << BITS) - 1);
        }
        return new SobolSequence(shift.length, s);
    }

    private static int requireDimension(int dimension) {
        if (dimension < 1 || dimension > MAX_DIMENSION) {
            throw new IllegalArgumentException("Sobol dimension must be in [1, " + MAX_DIMENSION + "], was " + dimension);
        }
        return dimension;
    }

    public int dimension() {
        return dimension;
    }

    /** Writes point {@code index} (0-based, below 2^52) into {@code out[offset .. offset + dimension)}. */
    public void point(long index, double[] out, int offset) {
        if (index < 0 || index >= (1L << BITS)) {
            throw new IllegalArgumentException("Sobol index must be in [0, 2^52), was " + index);
        }
        long gray = index ^ (index >>> 1);
        for (int k = 0; k < dimension; k++) {
            long x = shift[k];
            long g = gray;
            long[] v = direction[k];
            for (int b = 0; g != 0; b++, g >>>= 1) {
                if ((g & 1) != 0) {
                    x ^= v[b];
                }
            }
            out[offset + k] = (x + 0.5) * SCALE;
        }
    }

    /** Point {@code index} as a new array. */
    public double[] point(long index) {
        double[] out = new double[dimension];
        point(index, out, 0);
        return out;
    }
}
