package org.statecraft.io.bargaining;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.statecraft.core.DataFormatException;
import org.statecraft.core.bargaining.BargainingProblem;
import org.statecraft.core.bargaining.PceModel;
import org.statecraft.core.bargaining.SmpParameters;
import org.statecraft.core.bargaining.VictoryLaw;
import org.statecraft.core.bargaining.VotingRule;

/**
 * Reads KTAB's SMP XML scenario ({@code smp.xsd}: {@code Scenario/name, desc, prngSeed, ModelParameters?,
 * Dimensions/dName*, Actors/Actor(name, description, capability, Position/dCoord*, Salience/dSal*)}) with its
 * model parameters. Implemented options: VictoryProbModel Linear|Square|Quartic|Octic; VotingRule Binary|PropBin|
 * Proportional|PropCbc|Cubic|ASymProsp; PCEModel ConditionalPCM|MarkovUPCM; StateTransitions Deterministic;
 * BigRRange Mid; BigRAdjust OneThird; ThirdPartyCommit SemiCommit; InterVecBrgn S2P2; BargnModel InitOnlyInterp.
 * Any other value, and an {@code IdealAdjustment} block, is rejected with file, line and column.
 */
public final class KtabXmlReader {
    private KtabXmlReader() {
    }

    /** The scenario and the SMP parameters its file asks for (KTAB's defaults where it is silent). */
    public record KtabScenario(BargainingProblem problem, SmpParameters parameters) {
    }

    public static KtabScenario read(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            return parse(in, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static KtabScenario parse(InputStream in, String file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            return new Parser(r, file).scenario();
        } catch (XMLStreamException e) {
            Location loc = e.getLocation();
            throw new DataFormatException(file, loc == null ? 0 : loc.getLineNumber(), loc == null ? 0 : loc.getColumnNumber(),
                    "malformed XML: " + e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message: ", ""));
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing left to release
                }
            }
        }
    }

    private static final class Parser {
        private final XMLStreamReader r;
        private final String file;
        private String name = "";
        private final List<String> dims = new ArrayList<>();
        private final List<String> actors = new ArrayList<>();
        private final List<Double> caps = new ArrayList<>();
        private final List<double[]> positions = new ArrayList<>();
        private final List<double[]> saliences = new ArrayList<>();
        private VotingRule rule = SmpParameters.DEFAULTS.votingRule();
        private VictoryLaw law = SmpParameters.DEFAULTS.victoryLaw();
        private PceModel pce = SmpParameters.DEFAULTS.pceModel();

        Parser(XMLStreamReader r, String file) {
            this.r = r;
            this.file = file;
        }

        private DataFormatException error(String message) {
            Location l = r.getLocation();
            return new DataFormatException(file, l.getLineNumber(), l.getColumnNumber(), message);
        }

        KtabScenario scenario() throws XMLStreamException {
            r.nextTag();
            if (!r.getLocalName().equals("Scenario")) {
                throw error("expected <Scenario>, found <" + r.getLocalName() + ">");
            }
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "name" -> name = r.getElementText().trim();
                    case "desc", "prngSeed" -> r.getElementText();
                    case "ModelParameters" -> parameters();
                    case "Dimensions" -> {
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            expect("dName");
                            dims.add(r.getElementText().trim());
                        }
                    }
                    case "Actors" -> {
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            expect("Actor");
                            actor();
                        }
                    }
                    case "IdealAdjustment" -> throw error("IdealAdjustment (ideal accommodation) is not supported: "
                            + "Statecraft's SMP keeps ideals at the current positions (KTAB's identity default)");
                    default -> throw error("unexpected element <" + r.getLocalName() + "> in <Scenario>");
                }
            }
            if (actors.isEmpty()) {
                throw error("the scenario has no actors");
            }
            int d = positions.get(0).length;
            if (dims.isEmpty()) {
                for (int k = 0; k < d; k++) {
                    dims.add("dim" + k);
                }
            }
            int n = actors.size();
            double[] cap = new double[n];
            for (int i = 0; i < n; i++) {
                cap[i] = caps.get(i);
            }
            return DataFormatException.check(file, 0, () -> new KtabScenario(new BargainingProblem(name, actors, dims,
                    cap, positions.toArray(new double[0][]), KtabCsvReader.normalise(saliences.toArray(new double[0][]))),
                    new SmpParameters(rule, law, pce, SmpParameters.DEFAULTS.maxTurns(),
                            SmpParameters.DEFAULTS.stopFraction())));
        }

        private void expect(String element) {
            if (!r.getLocalName().equals(element)) {
                throw error("expected <" + element + ">, found <" + r.getLocalName() + ">");
            }
        }

        private void parameters() throws XMLStreamException {
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String key = r.getLocalName();
                Location l = r.getLocation();
                String value = r.getElementText().trim();
                String v = value.toLowerCase(Locale.ROOT);
                switch (key) {
                    case "VictoryProbModel" -> law = switch (v) {
                        case "linear" -> VictoryLaw.LINEAR;
                        case "square" -> VictoryLaw.SQUARE;
                        case "quartic" -> VictoryLaw.QUARTIC;
                        case "octic" -> VictoryLaw.OCTIC;
                        default -> throw unknown(l, key, value, "Linear, Square, Quartic, Octic");
                    };
                    case "VotingRule" -> rule = switch (v) {
                        case "binary" -> VotingRule.BINARY;
                        case "propbin" -> VotingRule.PROP_BIN;
                        case "proportional", "prop" -> VotingRule.PROPORTIONAL;
                        case "propcbc" -> VotingRule.PROP_CBC;
                        case "cubic" -> VotingRule.CUBIC;
                        case "asymprosp" -> VotingRule.ASYM_PROSP;
                        default -> throw unknown(l, key, value, "Binary, PropBin, Proportional, PropCbc, Cubic, ASymProsp");
                    };
                    case "PCEModel" -> pce = switch (v) {
                        case "conditionalpcm", "conditional" -> PceModel.CONDITIONAL;
                        case "markovupcm", "markovuniform" -> PceModel.MARKOV_UNIFORM;
                        default -> throw unknown(l, key, value, "ConditionalPCM, MarkovUPCM");
                    };
                    case "StateTransitions" -> require(l, key, value, v, "deterministic", "deterministicstm");
                    case "BigRRange" -> require(l, key, value, v, "mid");
                    case "BigRAdjust" -> require(l, key, value, v, "onethird");
                    case "ThirdPartyCommit" -> require(l, key, value, v, "semicommit");
                    case "InterVecBrgn" -> require(l, key, value, v, "s2p2");
                    case "BargnModel" -> require(l, key, value, v, "initonlyinterp");
                    default -> throw new DataFormatException(file, l.getLineNumber(), l.getColumnNumber(),
                            "unknown model parameter <" + key + ">");
                }
            }
        }

        private void require(Location l, String key, String value, String v, String... allowed) {
            if (!List.of(allowed).contains(v)) {
                throw unknown(l, key, value, allowed[0] + " (the only value implemented)");
            }
        }

        private DataFormatException unknown(Location l, String key, String value, String expected) {
            return new DataFormatException(file, l.getLineNumber(), l.getColumnNumber(),
                    "unknown or unsupported " + key + " '" + value + "'; expected " + expected);
        }

        private void actor() throws XMLStreamException {
            String actorName = null;
            Double cap = null;
            List<Double> pos = new ArrayList<>();
            List<Double> sal = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "name" -> actorName = r.getElementText().trim();
                    case "description" -> r.getElementText();
                    case "capability" -> cap = number("capability", 0, 1e8);
                    case "Position" -> {
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            expect("dCoord");
                            pos.add(number("position", 0, 100) / 100);
                        }
                    }
                    case "Salience" -> {
                        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                            expect("dSal");
                            sal.add(number("salience", 0, 100) / 100);
                        }
                    }
                    default -> throw error("unexpected element <" + r.getLocalName() + "> in <Actor>");
                }
            }
            if (actorName == null || actorName.isEmpty() || actorName.length() > 25) {
                throw error("actor name must have 1 to 25 characters, was '" + actorName + "'");
            }
            if (cap == null) {
                throw error("actor " + actorName + " has no <capability>");
            }
            int expected = dims.isEmpty() ? (positions.isEmpty() ? pos.size() : positions.get(0).length) : dims.size();
            if (pos.size() != expected || sal.size() != expected) {
                throw error("actor " + actorName + " needs " + expected + " dCoord and dSal values, has " + pos.size()
                        + " and " + sal.size());
            }
            double sum = sal.stream().mapToDouble(Double::doubleValue).sum();
            if (sum > 1 + 1e-8) {
                throw error("saliences of " + actorName + " sum to " + Math.round(sum * 1e6) / 1e4 + ", more than 100");
            }
            actors.add(actorName);
            caps.add(cap);
            positions.add(pos.stream().mapToDouble(Double::doubleValue).toArray());
            saliences.add(sal.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private double number(String what, double lo, double hi) throws XMLStreamException {
            Location l = r.getLocation();
            String text = r.getElementText().trim();
            double v;
            try {
                v = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new DataFormatException(file, l.getLineNumber(), l.getColumnNumber(), what + " must be a number, was '" + text + "'");
            }
            if (!(v >= lo && v <= hi)) {
                throw new DataFormatException(file, l.getLineNumber(), l.getColumnNumber(),
                        what + " must be in [" + Csv.fmt(lo) + ", " + Csv.fmt(hi) + "], was " + text);
            }
            return v;
        }
    }
}
