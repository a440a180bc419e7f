package org.statecraft.io.bargaining;

import java.util.OptionalDouble;
import org.statecraft.core.bargaining.Backtest;
import org.statecraft.core.bargaining.BargainingProblem;

/**
 * One DEU III issue: its problem (one dimension, 0–100), the voting rule in the Council ({@code counvte}:
 * QMV, Unan, ...), the legislative procedure ({@code proc}), the reference point and the actual outcome.
 */
public record DeuIssue(String id, String proposal, String votingRule, String procedure, BargainingProblem problem,
                       OptionalDouble referencePoint, OptionalDouble outcome) {

    /** The issue as a backtest case (requires an outcome), grouped by voting rule. */
    public Backtest.Case toCase() {
        return new Backtest.Case(id, problem, outcome.orElseThrow(), referencePoint, votingRule, procedure);
    }
}
