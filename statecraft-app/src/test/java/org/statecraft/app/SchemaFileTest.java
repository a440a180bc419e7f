package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The schema copy in docs/ (which the bundled scenario's editor modeline points at) is what the program prints. */
class SchemaFileTest {
    @Test
    void docsSchemaIsTheSchemaTheProgramPrints() throws Exception {
        Path docs = Path.of(System.getProperty("statecraft.root", "."), "docs", "scenario.schema.json");
        Cli r = Cli.run("schema");
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(docs).strip())
                .as("docs/scenario.schema.json is stale: regenerate with ./statecraft schema > docs/scenario.schema.json")
                .isEqualTo(r.out().strip());
    }
}
