package org.statecraft.app.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.statecraft.core.scenario.Scenario;
import org.statecraft.io.scenario.LocatedProblem;

/**
 * The web app's caps on the work one request can ask for, checked when a scenario is validated or a run is
 * submitted, each answered {@code 400} with a located message that names the cap. The command line has none of
 * them: {@code statecraft analyze} runs whatever the machine allows.
 *
 * <p>A run allocates per policy and per day, so what bounds its memory and time is runs × days × policies
 * ({@code maxWork}); {@code maxRuns} and {@code maxDays} bound each factor alone. {@code maxKeys} bounds the number
 * of mapping keys of a scenario text so that validation stays short whatever is sent. The scan that locates the
 * fields is one pass of the YAML token stream, linear in the size of the text.
 *
 * @param maxRuns      Monte Carlo runs per policy
 * @param maxDays      the scenario's horizonDays
 * @param maxWork      runs × horizonDays × policies
 * @param maxBodyBytes the largest request body
 * @param maxKeys      mapping keys in one scenario text
 */
public record WebLimits(int maxRuns, int maxDays, long maxWork, int maxBodyBytes, int maxKeys) {
    public WebLimits {
        if (maxRuns < 1 || maxDays < 1 || maxWork < 1 || maxBodyBytes < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("every cap must be >= 1");
        }
    }

    /**
     * 100,000 runs, 3,650 days (ten years), 2·10⁸ policy-run-days (the bundled case at its 2,000 runs is
     * 2.9·10⁶; 2·10⁸ takes a few minutes on two cores), 1 MiB bodies, 20,000 keys (the bundled case has about 400).
     */
    public static WebLimits defaults() {
        return new WebLimits(100_000, 3_650, 200_000_000L, 1 << 20, 20_000);
    }

    public WebLimits withBody(int bytes) {
        return new WebLimits(maxRuns, maxDays, maxWork, bytes, maxKeys);
    }

    public WebLimits withWork(int runs, int days, long work) {
        return new WebLimits(runs, days, work, maxBodyBytes, maxKeys);
    }

    /** Where a top-level key of the scenario text is, or line 1 column 1 when it is absent. */
    record Located(String key, int line, int column) {
    }

    /**
     * Checks the text before it is parsed into a scenario: its number of mapping keys and its {@code horizonDays}.
     * {@link ApiError} 400 with every problem located.
     */
    public void checkText(String yaml, String name) {
        List<LocatedProblem> problems = new ArrayList<>();
        Located horizon = null;
        long horizonDays = -1;
        int keys = 0;
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                switch (t) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        keys++;
                        if (keys > maxKeys) {
                            JsonLocation l = p.currentTokenLocation();
                            problems.add(new LocatedProblem(name, line(l), column(l), "",
                                    "the scenario has more than " + maxKeys + " keys, over the web app's cap maxKeys = "
                                            + maxKeys + " (the command line has no such cap)"));
                            throw new ApiError(400, problems.get(0).message(), problems);
                        }
                        if (depth == 1 && "horizonDays".equals(p.currentName())) {
                            JsonLocation l = p.currentTokenLocation();
                            horizon = new Located("horizonDays", line(l), column(l));
                            JsonToken v = p.nextToken();
                            if (v == JsonToken.VALUE_NUMBER_INT) {
                                horizonDays = p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? Long.MAX_VALUE : p.getLongValue();
                            } else if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                                depth++;
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        } catch (IOException e) {
            return; // a syntax error: the scenario reader reports it with its location
        }
        if (horizon != null && horizonDays > maxDays) {
            problems.add(new LocatedProblem(name, horizon.line(), horizon.column(), "/horizonDays",
                    "horizonDays " + horizonDays + " is over the web app's cap maxDays = " + maxDays
                            + " (the command line has no such cap)"));
        }
        if (!problems.isEmpty()) {
            throw new ApiError(400, problems.get(0).message(), problems);
        }
    }

    /**
     * Checks a submission: runs within 1–{@code maxRuns} and runs × days × policies within {@code maxWork}.
     * The work problem is located at the scenario's {@code policies} key.
     */
    public void checkWork(String yaml, String name, Scenario scenario, long runs) {
        if (runs < 1 || runs > maxRuns) {
            throw new ApiError(400, "runs must be between 1 and the web app's cap maxRuns = " + maxRuns + ", was " + runs);
        }
        long days = scenario.horizonDays();
        if (days > maxDays) {
            throw new ApiError(400, "horizonDays " + days + " is over the web app's cap maxDays = " + maxDays);
        }
        long work = runs * days * scenario.policies().size();
        if (work > maxWork) {
            Located at = locate(yaml, "policies");
            LocatedProblem p = new LocatedProblem(name, at.line(), at.column(), "/policies",
                    "runs × horizonDays × policies = " + runs + " × " + days + " × " + scenario.policies().size() + " = "
                            + work + " is over the web app's cap maxWork = " + maxWork
                            + "; ask for fewer runs, a shorter horizon or fewer policies (the command line has no such cap)");
            throw new ApiError(400, p.message(), List.of(p));
        }
    }

    /** The most base samples a sensitivity analysis may ask for in the web app. */
    public static final int MAX_SAMPLES = 1024;

    /**
     * Checks a sensitivity analysis: samples within 2–{@link #MAX_SAMPLES}, replicates 1–16, and its simulations ×
     * days within {@code maxWork}.
     */
    public void checkSensitivity(long samples, long replicates, long simulations, int days) {
        if (samples < 2 || samples > MAX_SAMPLES) {
            throw new ApiError(400, "samples must be between 2 and the web app's cap " + MAX_SAMPLES + ", was " + samples);
        }
        if (replicates < 1 || replicates > 16) {
            throw new ApiError(400, "replicates must be between 1 and 16, was " + replicates);
        }
        if (simulations * days > maxWork) {
            throw new ApiError(400, "the sensitivity analysis needs " + simulations + " simulations × " + days + " days = "
                    + simulations * days + ", over the web app's cap maxWork = " + maxWork + "; ask for fewer samples or replicates");
        }
    }

    /** The line and column of a top-level key, in one pass of the token stream. */
    static Located locate(String yaml, String key) {
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            int depth = 0;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 1 && key.equals(p.currentName())) {
                    JsonLocation l = p.currentTokenLocation();
                    return new Located(key, line(l), column(l));
                }
            }
        } catch (IOException e) {
            // fall through: no location
        }
        return new Located(key, 1, 1);
    }

    private static int line(JsonLocation l) {
        return Math.max(1, l.getLineNr());
    }

    private static int column(JsonLocation l) {
        return Math.max(1, l.getColumnNr());
    }
}
