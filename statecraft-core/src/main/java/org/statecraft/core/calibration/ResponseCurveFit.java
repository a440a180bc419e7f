package org.statecraft.core.calibration;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.statecraft.core.numerics.SpecialFunctions;
import org.statecraft.core.scenario.Demand;
import org.statecraft.core.scenario.Provenance;
import org.statecraft.core.scenario.Quantity;
import org.statecraft.core.scenario.Scenario;

/**
 * A fitted response curve of the leverage engine: the target's resolve K is lognormal(μ, σ), so under a
 * constant credible pressure Π the probability of conceding the release level z_r is
 * Φ((ln(Π / z_r^γ) − μ − Σ_c δ_c x_c) / σ) (docs/models/leverage.md, "The TIES anchor"). The fit is made with
 * z_r = 1 (TIES acquiescence is concession of the sender's demand).
 *
 * @param mu                 μ_K, mean of ln K (K in relative-daily-loss units)
 * @param sigma              σ_K &gt; 0, standard deviation of ln K
 * @param muStandardError    standard error of μ_K (delta method), NaN if unknown
 * @param sigmaStandardError standard error of σ_K (delta method), NaN if unknown
 * @param muSigmaCorrelation correlation of the estimates of μ_K and σ_K (delta method), NaN if unknown
 * @param logResolveShifts   δ_c per covariate key: added to ln K when the indicator x_c is 1 (negative: less resolve)
 * @param pressure           the target-cost → pressure mapping the fit assumed
 * @param trainingCases      cases the fit used
 * @param split              how training cases were chosen ({@link CalibrationSplit#describe()})
 * @param source             the data, e.g. {@code TIES v4.1}
 */
public record ResponseCurveFit(double mu, double sigma, double muStandardError, double sigmaStandardError,
                               Map<String, Double> logResolveShifts, TargetCostPressure pressure, int trainingCases,
                               String split, String source, double muSigmaCorrelation) {

    /** A fit whose estimates' correlation is unknown. */
    public ResponseCurveFit(double mu, double sigma, double muStandardError, double sigmaStandardError,
                            Map<String, Double> logResolveShifts, TargetCostPressure pressure, int trainingCases,
                            String split, String source) {
        this(mu, sigma, muStandardError, sigmaStandardError, logResolveShifts, pressure, trainingCases, split, source,
                Double.NaN);
    }

    public ResponseCurveFit {
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be finite, was " + mu);
        }
        if (!(sigma > 0 && Double.isFinite(sigma))) {
            throw new IllegalArgumentException("sigma must be > 0, was " + sigma);
        }
        if (pressure == null) {
            throw new IllegalArgumentException("pressure mapping is required");
        }
        if (trainingCases < 0) {
            throw new IllegalArgumentException("trainingCases must be >= 0, was " + trainingCases);
        }
        logResolveShifts = Map.copyOf(logResolveShifts == null ? Map.of() : logResolveShifts);
        for (Map.Entry<String, Double> e : logResolveShifts.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new IllegalArgumentException("log-resolve shift '" + e.getKey() + "' must be finite, was " + e.getValue());
            }
        }
    }

    /** P(concede | constant pressure Π) for a case with every indicator at 0. */
    public double probability(double pressure) {
        return probability(pressure, Map.of());
    }

    /** P(concede | constant pressure Π, indicators), indicators by covariate key (absent = 0). */
    public double probability(double pressure, Map<String, Integer> indicators) {
        if (!(pressure > 0)) {
            return 0;
        }
        double shift = 0;
        for (Map.Entry<String, Integer> e : indicators.entrySet()) {
            Double d = logResolveShifts.get(e.getKey());
            if (d == null) {
                throw new IllegalArgumentException("no log-resolve shift for '" + e.getKey() + "'; fitted: "
                        + logResolveShifts.keySet());
            }
            shift += d * e.getValue();
        }
        return SpecialFunctions.normalCdfPrecise((Math.log(pressure) - mu - shift) / sigma);
    }

    /** The resolve distribution K ~ lognormal(median e^μ, gsd e^σ) at the point estimates. */
    public Quantity.LogNormal pointResolve() {
        return new Quantity.LogNormal(Math.exp(mu), Math.exp(sigma), provenance());
    }

    /**
     * The resolve distribution with the fit's estimation error carried into the runs
     * ({@link Quantity.FittedLogNormal}), when the standard errors are known; else {@link #pointResolve()}.
     */
    public Quantity resolve() {
        if (!Double.isFinite(muStandardError) || !Double.isFinite(sigmaStandardError)) {
            return pointResolve();
        }
        double r = Double.isFinite(muSigmaCorrelation) ? Math.max(-1, Math.min(1, muSigmaCorrelation)) : 0;
        return new Quantity.FittedLogNormal(mu, sigma, muStandardError, sigmaStandardError, r, provenance());
    }

    private Provenance provenance() {
        return Provenance.assumption("response curve fitted to " + source + ", " + split + ", n=" + trainingCases
                + (Double.isFinite(muStandardError) ? ", with its estimation error" : ""));
    }

    /**
     * {@code scenario} with its target's resolve ({@code demand.complianceCost}) replaced by {@link #resolve()};
     * everything else unchanged.
     */
    public Scenario applyTo(Scenario scenario) {
        var d = scenario.demand();
        var demand = new Demand(d.issue(), d.description(), d.coercer(), d.target(),
                d.currentPosition(), d.demandedPosition(), resolve(), d.capacity(), d.releaseLevel(), d.convexity(),
                d.lookaheadDays(), d.decisionRatePerDay(), d.partialLevel(), d.allOrNothing(), d.backslideHazard(),
                d.backslideGraceDays(), d.backslideBelow(), d.concessionEvent());
        return scenario.withDemand(demand);
    }

    /** Shifts in a stable (insertion) order for printing. */
    public Map<String, Double> orderedShifts() {
        return new LinkedHashMap<>(new TreeMap<>(logResolveShifts));
    }
}
