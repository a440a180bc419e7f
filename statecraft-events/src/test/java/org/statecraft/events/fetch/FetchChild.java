package org.statecraft.events.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

/** Run in a separate JVM by {@link KilledFetchTest}: fetches a date range until done or killed. */
public final class FetchChild {
    private FetchChild() {
    }

    public static void main(String[] args) throws Exception {
        new GdeltFetcher(new GdeltFetcher.Options(args[0], Path.of(args[1]), 2, Duration.ofMillis(1),
                Duration.ofSeconds(10), true)).fetch(LocalDate.parse(args[2]), LocalDate.parse(args[3]), line -> {
                    System.out.println(line);
                    System.out.flush();
                });
        System.out.println("done");
    }
}
