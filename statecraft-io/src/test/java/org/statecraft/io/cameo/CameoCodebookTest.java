package org.statecraft.io.cameo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CameoCodebookTest {
    @Test
    void gdeltAndIcewsDifferOnlyWhereTheDataReadmeSays() {
        CameoCodebook g = CameoCodebook.of(CameoCodebook.Scale.GDELT);
        CameoCodebook i = CameoCodebook.of(CameoCodebook.Scale.ICEWS);
        // values from shared/data/cameo/CAMEO.goldsteinscale.txt and cameo-codes.csv
        assertThat(g.goldstein("016")).contains(-2.0);
        assertThat(i.goldstein("016")).contains(-5.0);
        assertThat(g.goldstein("190")).contains(-10.0);
        long differing = g.all().stream()
                .filter(c -> i.goldstein(c.code()).map(v -> Math.abs(v - c.goldstein()) > 1e-9).orElse(false))
                .count();
        assertThat(differing).isEqualTo(4);
    }

    @Test
    void codesAreStringsAndCarryRootAndQuadClass() {
        CameoCodebook g = CameoCodebook.gdelt();
        // "010" (make statement) and "10" (the DEMAND root) are different codes
        assertThat(g.find("010").orElseThrow().name()).isEqualTo("Make statement");
        assertThat(g.find("10").orElseThrow().name()).isEqualTo("DEMAND");
        assertThat(g.find("1")).isEmpty();
        assertThat(g.find("1831").orElseThrow().quadClass()).isEqualTo(4);
        assertThat(g.find("0874").orElseThrow().rootCode()).isEqualTo("08");
        assertThat(g.find("0874").orElseThrow().quadClass()).isEqualTo(2);
        assertThat(g.all()).hasSizeGreaterThanOrEqualTo(311);
    }
}
