package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/** When a rule fires. Checked each day, in scenario order, after the day's clashes and attacks. */
public sealed interface Trigger {
    /** On a fixed day (0 = the scenario's start date). */
    record OnDay(int day) implements Trigger {
        public OnDay {
            if (day < 0) {
                throw new IllegalArgumentException("a rule's day must be >= 0, was " + day);
            }
        }
    }

    /** On every day with at least one attack. */
    record OnAttack() implements Trigger {
    }

    /** When attacks in the last {@code windowDays} days (today included) reach {@code atLeast}. */
    record AttackCount(int windowDays, int atLeast) implements Trigger {
        public AttackCount {
            if (windowDays < 1 || atLeast < 1) {
                throw new IllegalArgumentException("attack-count trigger needs windowDays >= 1 and atLeast >= 1");
            }
        }
    }

    /** On a day with an armed clash between coercer and target. */
    record OnClash() implements Trigger {
    }

    /** On the day lever {@code lever} (anyone's) is applied: how counter-moves answer a move. */
    record OnLeverUse(String lever) implements Trigger {
        public OnLeverUse {
            Checks.requireId(lever, "trigger lever");
        }
    }

    /**
     * {@code trigger}, but only from day {@code day} on: how a policy is started part-way through a run (the
     * conditioned analysis switches from the recorded policy to each candidate on the record's last day).
     */
    record From(int day, Trigger trigger) implements Trigger {
        public From {
            if (day < 0 || trigger == null) {
                throw new IllegalArgumentException("a from-trigger needs a day >= 0 and a trigger");
            }
            if (trigger instanceof From) {
                throw new IllegalArgumentException("from-triggers do not nest");
            }
        }
    }

    /** On the day the target first meets the demand (its concession reaches the release level). */
    record OnConcession() implements Trigger {
    }
}
