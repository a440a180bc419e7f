package org.statecraft.core.bargaining;

/**
 * Parameters of {@link SpatialModelOfPolitics}. {@link #DEFAULTS} is KTAB's default run (Proportional voting,
 * Linear victory, Conditional PCE, deterministic transitions, Mid risk range, OneThird adjustment,
 * SemiCommit third parties, S2P2 / InitOnlyInterp bargains). KTAB's other options for the risk range, risk
 * adjustment, third-party commitment and bargain interpolation are not implemented: the readers reject them.
 *
 * @param votingRule    how utility differences become votes (challenges, risk PCE and bargain resolution)
 * @param victoryLaw    coalition strength to victory probability (PCE and challenges)
 * @param pceModel      the PCE variant (risk attitudes and bargain resolution)
 * @param maxTurns      stop after this many turns (KTAB: 100)
 * @param stopFraction  stop from turn 2 once the turn's movement is below this fraction of the first turn's
 *                      (KTAB: 0.02)
 */
public record SmpParameters(VotingRule votingRule, VictoryLaw victoryLaw, PceModel pceModel, int maxTurns,
                            double stopFraction) {
    public static final SmpParameters DEFAULTS = new SmpParameters(VotingRule.PROPORTIONAL, VictoryLaw.LINEAR,
            PceModel.CONDITIONAL, 100, 0.02);

    public SmpParameters {
        if (votingRule == null || victoryLaw == null || pceModel == null) {
            throw new IllegalArgumentException("SMP voting rule, victory law and PCE model must be given");
        }
        if (maxTurns < 1) {
            throw new IllegalArgumentException("SMP maxTurns must be >= 1, was " + maxTurns);
        }
        if (!(stopFraction >= 0 && stopFraction < 1)) {
            throw new IllegalArgumentException("SMP stopFraction must be in [0, 1), was " + stopFraction);
        }
    }

    public SmpParameters withMaxTurns(int turns) {
        return new SmpParameters(votingRule, victoryLaw, pceModel, turns, stopFraction);
    }
}
