package org.statecraft.spark;

import java.io.Serializable;
import org.statecraft.core.leverage.CredibilityRule;
import org.statecraft.core.leverage.LeverageModel;
import org.statecraft.io.scenario.ScenarioReader;

/**
 * How an executor obtains the compiled scenario: engines are not serialised, a small recipe is, and each
 * task partition compiles its own {@link LeverageModel} from it (once per partition).
 */
@FunctionalInterface
public interface ModelSource extends Serializable {
    LeverageModel model();

    /** A scenario given as YAML text (the file's content, so executors need no shared file system). */
    static ModelSource yaml(String yaml, String nameForMessages, CredibilityRule credibility) {
        return new Yaml(yaml, nameForMessages, credibility);
    }

    /** The YAML recipe. */
    record Yaml(String yaml, String nameForMessages, CredibilityRule credibility) implements ModelSource {
        private static final long serialVersionUID = 1L;

        @Override
        public LeverageModel model() {
            return new LeverageModel(ScenarioReader.readString(yaml, nameForMessages), credibility);
        }
    }
}
