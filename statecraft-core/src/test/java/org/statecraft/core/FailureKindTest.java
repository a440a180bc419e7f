package org.statecraft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailureKindTest {
    @Test
    void userErrorsAreTypedAndEverythingElseIsABug() {
        assertThat(FailureKind.of(new UsageException("--runs must be >= 1"))).isEqualTo(FailureKind.USAGE);
        assertThat(FailureKind.of(new DataFormatException("f.csv", 3, 2, "not a number"))).isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new ScenarioException("unknown actor"))).isEqualTo(FailureKind.INPUT);
        assertThat(FailureKind.of(new UncheckedIOException(new IOException("disk full")))).isEqualTo(FailureKind.IO);
        // an engine's precondition is a bug, not the user's error
        assertThat(FailureKind.of(new IllegalArgumentException("threads must be >= 1"))).isEqualTo(FailureKind.INTERNAL);
        assertThat(FailureKind.of(new NullPointerException())).isEqualTo(FailureKind.INTERNAL);
    }

    @Test
    void exitCodesAndStatusesSplitUserErrorsFromFailures() {
        for (FailureKind k : FailureKind.values()) {
            boolean user = k == FailureKind.USAGE || k == FailureKind.INPUT;
            assertThat(k.exitCode()).as(k.name()).isEqualTo(user ? 2 : 1);
            assertThat(k.httpStatus()).as(k.name()).isEqualTo(user ? 400 : 500);
            assertThat(k.isBug()).as(k.name()).isEqualTo(k == FailureKind.INTERNAL);
        }
        assertThat(FailureKind.EXIT_OK).isZero();
    }

    @Test
    void messagesLocateFileErrorsAndMarkBugs() {
        assertThat(FailureKind.message(new DataFormatException("f.csv", 3, 2, "not a number"))).isEqualTo("f.csv:3:2: not a number");
        assertThat(FailureKind.message(new UsageException("--runs must be >= 1"))).isEqualTo("--runs must be >= 1");
        assertThat(FailureKind.message(new IllegalStateException("oops"))).isEqualTo("internal error: java.lang.IllegalStateException: oops");
    }

    @Test
    void checksTurnAFailedPreconditionOnUserValuesIntoTheUsersError() {
        IllegalArgumentException precondition = new IllegalArgumentException("runs must be >= 1, was 0");
        UsageException usage = org.assertj.core.api.Assertions.catchThrowableOfType(UsageException.class,
                () -> UsageException.check(() -> {
                    throw precondition;
                }));
        assertThat(usage).hasMessage("runs must be >= 1, was 0");
        DataFormatException format = org.assertj.core.api.Assertions.catchThrowableOfType(DataFormatException.class,
                () -> DataFormatException.check("k.csv", 7, () -> {
                    throw precondition;
                }));
        assertThat(format.located()).isEqualTo("k.csv:7: runs must be >= 1, was 0");
        assertThat(UsageException.check(() -> 42)).isEqualTo(42);
    }
}
