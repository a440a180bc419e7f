package org.statecraft.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine-read output does not depend on the default locale. Under Turkish rules "I".toLowerCase() is the
 * dotless "ı" and "i".toUpperCase() the dotted "İ" (the classic trap for enum names such as HORIZON and
 * INTERNATIONAL); German rules would write 0,5 for 0.5. The same analysis under tr-TR, de-DE and ROOT gives
 * the same bytes, with neither Turkish letter in them.
 */
class TurkishLocaleTest {
    private static String analyse(Locale locale, Path out) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            Cli r = Cli.run("analyze", AnalyzeCommandTest.FILE, "--runs", "40", "--format", "json", "-q",
                    "--out", out.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            return r.out() + Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8)
                    + Files.readString(out.resolve("policies.csv"), StandardCharsets.UTF_8)
                    + Files.readString(out.resolve("summary.md"), StandardCharsets.UTF_8)
                            .replace(out.toString(), "OUT");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void analysisOutputIsTheSameUnderTurkishAndGermanDefaultLocales(@TempDir Path dir) throws Exception {
        String root = analyse(Locale.ROOT, Files.createDirectory(dir.resolve("root")));
        String turkish = analyse(Locale.forLanguageTag("tr-TR"), Files.createDirectory(dir.resolve("tr")));
        String german = analyse(Locale.GERMANY, Files.createDirectory(dir.resolve("de")));
        assertThat(turkish).doesNotContain("ı", "İ").contains("\"belief\"", "international");
        assertThat(turkish).isEqualTo(root);
        assertThat(german).isEqualTo(root);
    }
}
