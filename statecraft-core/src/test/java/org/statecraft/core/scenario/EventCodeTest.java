package org.statecraft.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventCodeTest {
    /** GDELT's QuadClass by root: verbal and material cooperation, verbal and material conflict. */
    private static int quadOfRoot(int root) {
        if (root <= 5) {
            return 1;
        }
        if (root <= 9) {
            return 2;
        }
        return root <= 14 ? 3 : 4;
    }

    @Test
    void everyCodeOfEveryRootAndLengthHasItsRootsQuadClass() {
        int codes = 0;
        for (int root = 1; root <= 20; root++) {
            String r = String.format("%02d", root);
            for (String suffix : new String[] {"", "0", "9", "00", "42", "99"}) {
                EventCode c = new EventCode(r + suffix, 0);
                assertThat(c.quadClass()).as(c.cameo()).isEqualTo(quadOfRoot(root));
                codes++;
            }
        }
        assertThat(codes).isEqualTo(120);
    }

    @Test
    void aCodeIsTwoToFourDigitsWithARootFrom01To20() {
        for (String bad : new String[] {"1", "00", "21", "0a1", "12345", "-10", "+10", " 10"}) {
            assertThatThrownBy(() -> new EventCode(bad, 0)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new EventCode("010", 10.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
