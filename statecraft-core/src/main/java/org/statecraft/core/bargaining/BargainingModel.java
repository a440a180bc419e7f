package org.statecraft.core.bargaining;

/** A bargaining forecaster: a pure function from a problem to a {@link ForecastResult}. */
public interface BargainingModel {
    /** Short name used on the command line and in reports. */
    String name();

    ForecastResult forecast(BargainingProblem problem);
}
