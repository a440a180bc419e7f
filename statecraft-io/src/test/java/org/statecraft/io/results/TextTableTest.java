package org.statecraft.io.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTableTest {
    private static TextTable wide() {
        TextTable t = new TextTable("policy", "a long header of several words", "another long header", "third",
                "notes").leftAlign(0).leftAlign(4);
        t.row("first-policy", "0.25 [0.20, 0.31]", "12.5", "x", "a note long enough to need wrapping in a narrow "
                + "terminal, with many words in it");
        t.row("second", "0.10 [0.05, 0.20]", "-", "yy", "");
        return t;
    }

    @Test
    void aTableThatFitsIsRenderedAsAtFullWidth() {
        TextTable t = new TextTable("policy", "share").leftAlign(0).row("a", "0.5").row("bbb", "0.25");
        assertThat(t.render(100)).isEqualTo(t.render(false));
        assertThat(wide().render(Integer.MAX_VALUE)).isEqualTo(wide().render(false));
    }

    @Test
    void aWideTableKeepsWithinTheWidthAndKeepsEveryCell() {
        for (int width : new int[] {40, 60, 80}) {
            String s = wide().render(width);
            assertThat(s.lines()).as(s).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
            assertThat(s).contains("first-policy", "second", "0.25 [0.20, 0.31]", "12.5", "yy", "wrapping");
            String words = String.join(" ", s.replaceAll("-{3,}", " ").split("\\s+"));
            for (String w : "a long header of several words another long header third notes".split(" ")) {
                assertThat(words).contains(w);
            }
        }
        // every block repeats the key column
        String s = wide().render(40);
        assertThat(s.lines().filter(l -> l.startsWith("first-policy")).count()).isGreaterThan(1);
    }

    @Test
    void wrapCutsAtSpacesAndCutsAWordLongerThanTheLine() {
        assertThat(TextTable.wrap("one two three", 7)).containsExactly("one two", "three");
        assertThat(TextTable.wrap("abcdefghij", 4)).containsExactly("abcd", "efgh", "ij");
        assertThat(TextTable.wrap("", 4)).containsExactly("");
    }
}
