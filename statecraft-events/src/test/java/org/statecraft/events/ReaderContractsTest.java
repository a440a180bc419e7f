package org.statecraft.events;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.statecraft.events.acled.AcledReaderTest;

/** {@link EventReaderContract} for the three event readers. */
class ReaderContractsTest {
    @Nested
    class Gdelt extends EventReaderContract {
        @Override
        protected EventFormat format() {
            return EventFormat.GDELT2;
        }

        @Override
        protected Path sample() {
            return Samples.gdeltV2();
        }

        @Override
        protected int headerLines() {
            return 0;
        }
    }

    @Nested
    class Icews extends EventReaderContract {
        @Override
        protected EventFormat format() {
            return EventFormat.ICEWS;
        }

        @Override
        protected Path sample() {
            return Samples.icews();
        }

        @Override
        protected int headerLines() {
            return 1;
        }
    }

    @Nested
    class Acled extends EventReaderContract {
        @Override
        protected EventFormat format() {
            return EventFormat.ACLED;
        }

        /** ACLED forbids redistribution: rows in its layout, generated (one with a note over two lines). */
        @Override
        protected Path sample() throws Exception {
            Path p = tmp.resolve("acled-sample.csv");
            if (!Files.exists(p)) {
                List<String> lines = new ArrayList<>(List.of(AcledReaderTest.HEADER));
                String[] types = {"Battles", "Protests", "Riots", "Explosions/Remote violence", "Strategic developments"};
                for (int i = 0; i < 40; i++) {
                    lines.add(AcledReaderTest.row("PAK" + (1000 + i), "2023-09-" + (10 + i % 20), types[i % types.length],
                            "", "Military Forces of Pakistan (2018-)", 1, "Rioters (Pakistan)", 5, "Pakistan",
                            i == 7 ? "a note, \"quoted\"" : "note " + i));
                }
                Files.write(p, lines);
            }
            return p;
        }

        @Override
        protected int headerLines() {
            return 1;
        }
    }
}
