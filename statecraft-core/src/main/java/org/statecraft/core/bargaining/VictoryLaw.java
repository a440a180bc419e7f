package org.statecraft.core.bargaining;

/**
 * Probability that a coalition of strength C_ab beats one of strength C_ba: C_ab^ν / (C_ab^ν + C_ba^ν)
 * (KTAB's {@code VictoryProbModel}; Linear ν = 1 is the default). O(1).
 */
public enum VictoryLaw {
    LINEAR(1), SQUARE(2), QUARTIC(4), OCTIC(8);

    private final int exponent;

    VictoryLaw(int exponent) {
        this.exponent = exponent;
    }

    public int exponent() {
        return exponent;
    }

    public double probability(double strengthFor, double strengthAgainst) {
        double a = pow(strengthFor);
        double b = pow(strengthAgainst);
        return a / (a + b);
    }

    private double pow(double x) {
        switch (exponent) {
            case 1:
                return x;
            case 2:
                return x * x;
            case 4: {
                double y = x * x;
                return y * y;
            }
            default: {
                double y = x * x;
                y = y * y;
                return y * y;
            }
        }
    }
}
