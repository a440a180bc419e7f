package org.statecraft.core.scenario;

/** A CAMEO event code (a string: "010" is not "10") with its Goldstein value. */
public record EventCode(String cameo, double goldstein) {
    public EventCode {
        if (cameo == null || !cameo.matches("\\d{2,4}")) {
            throw new IllegalArgumentException("a CAMEO code has 2 to 4 digits, was " + cameo);
        }
        if (!(goldstein >= -10 && goldstein <= 10)) {
            throw new IllegalArgumentException("a Goldstein value lies in [-10, 10], was " + goldstein);
        }
    }
}
