package org.statecraft.core.calibration;

/**
 * Case features beyond target costs that may shift the target's log-resolve. Each is a 0/1 indicator; a case
 * whose value is missing is left out of a fit that uses the covariate.
 */
public enum Covariate {
    /** An international institution took part as a sender (TIES {@code institution} = 1). */
    INSTITUTION("institution"),
    /** The sanctions cost the sender major or severe costs (TIES {@code sendercosts} ≥ 2): costly signal. */
    SENDER_COSTS("senderCosts");

    private final String key;

    Covariate(String key) {
        this.key = key;
    }

    /** The name used in files and output. */
    public String key() {
        return key;
    }

    public static Covariate ofKey(String key) {
        for (Covariate c : values()) {
            if (c.key.equalsIgnoreCase(key) || c.name().equalsIgnoreCase(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown covariate '" + key + "'; expected one of institution, senderCosts");
    }

    /** The indicator's value, or -1 if the case lacks it. */
    int value(SanctionEpisode e) {
        return switch (this) {
            case INSTITUTION -> e.institution() == SanctionEpisode.MISSING ? -1 : e.institution();
            case SENDER_COSTS -> e.senderCosts() == SanctionEpisode.MISSING ? -1 : (e.senderCosts() >= 2 ? 1 : 0);
        };
    }
}
