package org.statecraft.core.calibration;

/**
 * One case of the TIES data set (Threat and Imposition of Economic Sanctions v4.1; Morgan, Bapat &amp;
 * Kobayashi 2014, Conflict Management and Peace Science 31(5):541–558), reduced to the columns the response
 * curve is calibrated on. Integer codes are TIES's own; {@link #MISSING} marks an empty cell.
 *
 * @param caseId       TIES {@code caseid} (yyyymmdd + two-digit sequence)
 * @param startYear    {@code startyear}
 * @param imposed      {@code imposition} = 1: sanctions were imposed, not only threatened
 * @param finalOutcome {@code finaloutcome}, 1–10 (see {@link #acquiesced()})
 * @param targetCosts  {@code targetcosts}: 1 minor, 2 major, 3 severe
 * @param senderCosts  {@code sendercosts}: 1 minor, 2 major, 3 severe
 * @param institution  {@code institution}: 1 if an international institution was involved as a sender, 0 if not
 */
public record SanctionEpisode(long caseId, int startYear, boolean imposed, int finalOutcome, int targetCosts,
                              int senderCosts, int institution) {
    public static final int MISSING = -1;

    public SanctionEpisode {
        if (finalOutcome != MISSING && (finalOutcome < 1 || finalOutcome > 10)) {
            throw new IllegalArgumentException("finaloutcome must be 1-10 or missing, was " + finalOutcome);
        }
        requireCost(targetCosts, "targetcosts");
        requireCost(senderCosts, "sendercosts");
        if (institution != MISSING && institution != 0 && institution != 1) {
            throw new IllegalArgumentException("institution must be 0, 1 or missing, was " + institution);
        }
    }

    private static void requireCost(int v, String what) {
        if (v != MISSING && (v < 1 || v > 3)) {
            throw new IllegalArgumentException(what + " must be 1 (minor), 2 (major), 3 (severe) or missing, was " + v);
        }
    }

    /** Sanctions were imposed and the case has a final outcome (TIES: 540 such cases). */
    public boolean imposedAndResolved() {
        return imposed && finalOutcome != MISSING;
    }

    /**
     * Final outcome 6 (partial acquiescence by the target after imposition) or 7 (total acquiescence after
     * imposition). Negotiated settlements (10), sender capitulation (8) and stalemate (9) are not acquiescence.
     */
    public boolean acquiesced() {
        return finalOutcome == 6 || finalOutcome == 7;
    }

    /** The case enters the calibration: imposed, resolved, and with a target-cost category. */
    public boolean usableForCalibration() {
        return imposedAndResolved() && targetCosts != MISSING;
    }
}
