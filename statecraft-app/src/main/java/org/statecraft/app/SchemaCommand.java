package org.statecraft.app;

import java.util.concurrent.Callable;
import org.statecraft.io.scenario.ScenarioSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code statecraft schema}: prints the scenario format's JSON Schema, for editors and other tools. */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema (draft 2020-12) of the scenario format.",
                "Save it and point your editor at it: statecraft schema > scenario.schema.json"})
public final class SchemaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ScenarioSchema.text());
        spec.commandLine().getOut().flush();
        return StatecraftCommand.EXIT_OK;
    }
}
