package org.statecraft.core.bargaining;

/**
 * Parameters of {@link ExpectedUtilityModel}; each names a point where the published descriptions and codes of
 * Bueno de Mesquita's model differ ({@code docs/models/eum.md} lists them with their sources).
 * {@link #DEFAULTS} follows the published formulas (Bueno de Mesquita 2002; Scholz, Calbert &amp; Smith 2011,
 * as written); {@link #SCHOLZ_CODE} reproduces the Scholz-code replication (jmckib/dmasad
 * {@code bdm_scholz_model.py}) round by round.
 *
 * @param rounds              rounds of offers after round 0 (the model need not converge; every round is reported)
 * @param denominator         how P_ij is normalised
 * @param q                   Q, the probability that the status quo persists if i does not challenge (Scholz: 1)
 * @param t                   T, the probability that things get better for i if the status quo changes (Scholz: 1)
 * @param riskFromNeutralPass when true the risk exponents r_i are computed from a first pass with r = 1 and then
 *                            used for the round's expected utilities; when false r = 1 throughout
 * @param riskPerspective     whose risk exponent evaluates E_j(U_ji), j's challenge of i, when i weighs j's offer
 * @param capitulation        whether an actor capitulates (moves to x_j) when E_ji &gt; 0 &gt; E_ij and E_ji ≤ |E_ij|
 * @param compromiseRanking   which compromise an actor takes when it has several
 * @param range               the Δ that normalises distances
 * @param median              the rule for the median position μ
 * @param tolerance           on the model scale [0, 1]: a rival within this distance holds the same position and
 *                            makes no offer; two offers whose ranking keys differ by at most this are tied, and a
 *                            tie goes to the lower position (independent of actor order). Must be in [0, 1e-3]
 */
public record EumParameters(int rounds, Denominator denominator, double q, double t, boolean riskFromNeutralPass,
                            RiskPerspective riskPerspective, boolean capitulation, CompromiseRanking compromiseRanking,
                            Range range, Median median, double tolerance) {
    /** The tolerance of {@link #DEFAULTS} and {@link #SCHOLZ_CODE}: far above rounding noise, far below any real gap. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    /** The published formulas: pairwise P, each actor's own risk exponent, capitulation, nearest compromise. */
    public static final EumParameters DEFAULTS = new EumParameters(10, Denominator.PAIRWISE, 1, 1, true,
            RiskPerspective.OWN, true, CompromiseRanking.NEAREST, Range.CURRENT, Median.CONDORCET, DEFAULT_TOLERANCE);

    /**
     * The Scholz-code replication (dmasad/bdm-scholz-expected-utility-model {@code bdm_scholz_model.py} at
     * d7c7bbab, which reproduces its {@code Example.log}): global denominator, i's risk exponent for both
     * E_ij and E_ji, no capitulation, the compromise with the lowest weighted position, Δ fixed at round 0.
     */
    public static final EumParameters SCHOLZ_CODE = new EumParameters(10, Denominator.SCHOLZ_GLOBAL, 1, 1, true,
            RiskPerspective.RECEIVER, false, CompromiseRanking.LOWEST_WEIGHTED_POSITION, Range.INITIAL,
            Median.CONDORCET, DEFAULT_TOLERANCE);

    /** Normalisation of the probability that i prevails over j. */
    public enum Denominator {
        /** P_ij = Σ_k [v^k(i,j)]⁺ / Σ_k |v^k(i,j)| (BdM's published formula). */
        PAIRWISE,
        /** Scholz et al.'s code: divide by Σ_k Σ_a Σ_b |v^k(a,b)|, which makes P tiny. */
        SCHOLZ_GLOBAL
    }

    /** Whose risk exponent evaluates j's expected utility of challenging i, as i weighs j's offer. */
    public enum RiskPerspective {
        /** E_j(U_ji) with r_j: each actor's utilities with its own exponent (BdM's text). */
        OWN,
        /** E_j(U_ji) with r_i: i judges j's prospects with its own exponent (the Scholz code). */
        RECEIVER
    }

    /** Which of several compromise offers an actor accepts. */
    public enum CompromiseRanking {
        /** The one that moves it least (BdM; Scholz et al.'s paper). */
        NEAREST,
        /** The one with the lowest (|E_ij| x_i + |E_ji| x_j) / (|E_ij| + |E_ji|) (the Scholz code). */
        LOWEST_WEIGHTED_POSITION
    }

    /** The Δ that normalises distances |x_a − x_b| / Δ. */
    public enum Range {
        /** The range of the current round's positions. */
        CURRENT,
        /** The range of the input positions, kept for every round (the Scholz code). */
        INITIAL,
        /** The whole scale of the problem ({@code scaleMin..scaleMax}; dmasad's {@code GroupDecisionModel}). */
        SCALE
    }

    /** How μ, the median position, is found. */
    public enum Median {
        /** The first actor position (in actor order) that no other beats with r = 1; else the largest total margin. */
        CONDORCET,
        /** The position of the pairwise contest with the largest margin (dmasad's {@code GroupDecisionModel.vote}). */
        LARGEST_MARGIN
    }

    public EumParameters {
        if (rounds < 0) {
            throw new IllegalArgumentException("EUM rounds must be >= 0, was " + rounds);
        }
        if (denominator == null || riskPerspective == null || compromiseRanking == null || range == null || median == null) {
            throw new IllegalArgumentException("EUM denominator, risk perspective, compromise ranking, range and median must be given");
        }
        if (!(q >= 0 && q <= 1) || !(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("EUM Q and T must be in [0, 1], were " + q + " and " + t);
        }
        if (!(tolerance >= 0 && tolerance <= 1e-3)) {
            throw new IllegalArgumentException("EUM tolerance must be in [0, 1e-3], was " + tolerance);
        }
    }

    /** The published-formula choices of {@link #DEFAULTS} for everything not named. */
    public EumParameters(int rounds, Denominator denominator, double q, double t, boolean riskFromNeutralPass) {
        this(rounds, denominator, q, t, riskFromNeutralPass, DEFAULTS.riskPerspective, DEFAULTS.capitulation,
                DEFAULTS.compromiseRanking, DEFAULTS.range, DEFAULTS.median, DEFAULTS.tolerance);
    }

    public EumParameters withRounds(int r) {
        return new EumParameters(r, denominator, q, t, riskFromNeutralPass, riskPerspective, capitulation,
                compromiseRanking, range, median, tolerance);
    }

    public EumParameters withDenominator(Denominator d) {
        return new EumParameters(rounds, d, q, t, riskFromNeutralPass, riskPerspective, capitulation, compromiseRanking,
                range, median, tolerance);
    }

    public EumParameters withRiskPerspective(RiskPerspective p) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, p, capitulation, compromiseRanking,
                range, median, tolerance);
    }

    public EumParameters withCapitulation(boolean allowed) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, riskPerspective, allowed,
                compromiseRanking, range, median, tolerance);
    }

    public EumParameters withCompromiseRanking(CompromiseRanking c) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, riskPerspective, capitulation, c,
                range, median, tolerance);
    }

    public EumParameters withRange(Range r) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, riskPerspective, capitulation,
                compromiseRanking, r, median, tolerance);
    }

    public EumParameters withMedian(Median m) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, riskPerspective, capitulation,
                compromiseRanking, range, m, tolerance);
    }

    public EumParameters withTolerance(double tol) {
        return new EumParameters(rounds, denominator, q, t, riskFromNeutralPass, riskPerspective, capitulation,
                compromiseRanking, range, median, tol);
    }

    public EumParameters withRiskFromNeutralPass(boolean b) {
        return new EumParameters(rounds, denominator, q, t, b, riskPerspective, capitulation, compromiseRanking, range,
                median, tolerance);
    }
}
