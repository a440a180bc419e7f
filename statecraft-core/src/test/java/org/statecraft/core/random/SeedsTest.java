package org.statecraft.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void mixIsTheSplitMix64FinaliserOfTheJdk() {
        // reference: java.util.SplittableRandom(s).nextLong() is mix64(s + GOLDEN_GAMMA) with the same
        // finaliser (Steele, Lea & Flood 2014, variant 13), so the JDK is an independent implementation
        SplittableRandom seeds = new SplittableRandom(42);
        for (int i = 0; i < 1000; i++) {
            long s = seeds.nextLong();
            assertThat(Seeds.mix(s + 0x9e3779b97f4a7c15L)).as("s = %d", s).isEqualTo(new SplittableRandom(s).nextLong());
        }
    }

    @Test
    void streamNumbersNeverCollide() {
        int[] numbers = Arrays.stream(SeedStream.values()).mapToInt(SeedStream::number).toArray();
        assertThat(Arrays.stream(numbers).distinct().count()).isEqualTo(numbers.length);
        assertThat(SeedStream.PARAMETERS.number()).isEqualTo(Seeds.PARAMETERS);
        assertThat(SeedStream.DYNAMICS.number()).isEqualTo(Seeds.DYNAMICS);
    }

    @Test
    void noTwoStreamsOrIndicesOrMastersShareASeed() {
        // 3 masters x 20,000 indices x every stream: a collision would make two uses draw the same numbers
        Set<Long> seen = new HashSet<>();
        int count = 0;
        for (long master : new long[] {0, 1, 20230906L}) {
            for (long index = 0; index < 20_000; index++) {
                for (SeedStream s : SeedStream.values()) {
                    seen.add(Seeds.seed(master, index, s));
                    count++;
                }
            }
        }
        assertThat(seen).hasSize(count);
    }

    @Test
    void aStreamIsAPureFunctionOfMasterIndexAndStream() {
        // two generators made apart, with another drawn from in between, give the same sequence
        RandomGenerator a = Seeds.generator(7, 123, SeedStream.DYNAMICS);
        Seeds.generator(7, 124, SeedStream.DYNAMICS).nextLong();
        RandomGenerator b = Seeds.generator(7, 123, SeedStream.DYNAMICS.number());
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
        }
        assertThat(Seeds.generator(7, 123, SeedStream.SOBOL_ROWS).nextLong())
                .isNotEqualTo(Seeds.generator(7, 123, SeedStream.DYNAMICS).nextLong());
    }
}
