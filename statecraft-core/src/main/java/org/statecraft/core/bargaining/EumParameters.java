package org.statecraft.core.bargaining;

/**
 * Parameters of {@link ExpectedUtilityModel}; each names a choice where the literature is ambiguous.
 *
 * @param rounds       rounds of offers after round 0 (the model need not converge; every round is reported)
 * @param denominator  how P_ij is normalised
 * @param q            Q, the probability that the status quo persists if i does not challenge (Scholz: 1)
 * @param t            T, the probability that things get better for i if the status quo changes (Scholz: 1)
 * @param riskFromNeutralPass when true (default) the risk exponents r_i are computed from a first pass with
 *                     r = 1 and then used for the round's expected utilities; when false r = 1 throughout
 */
public record EumParameters(int rounds, Denominator denominator, double q, double t, boolean riskFromNeutralPass) {
    public static final EumParameters DEFAULTS = new EumParameters(10, Denominator.PAIRWISE, 1, 1, true);

    /** Normalisation of the probability that i prevails over j. */
    public enum Denominator {
        /** P_ij = Σ_k [v^k(i,j)]⁺ / Σ_k |v^k(i,j)| (BdM's published formula). */
        PAIRWISE,
        /** Scholz et al.'s code: divide by Σ_k Σ_a Σ_b |v^k(a,b)|, which makes P tiny. */
        SCHOLZ_GLOBAL
    }

    public EumParameters {
        if (rounds < 0) {
            throw new IllegalArgumentException("EUM rounds must be >= 0, was " + rounds);
        }
        if (denominator == null) {
            throw new IllegalArgumentException("EUM denominator must be given");
        }
        if (!(q >= 0 && q <= 1) || !(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("EUM Q and T must be in [0, 1], were " + q + " and " + t);
        }
    }

    public EumParameters withRounds(int r) {
        return new EumParameters(r, denominator, q, t, riskFromNeutralPass);
    }
}
