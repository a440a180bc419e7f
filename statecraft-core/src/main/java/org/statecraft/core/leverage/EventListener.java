package org.statecraft.core.leverage;

import org.statecraft.core.scenario.EventCode;

/** Receives the events a run emits, in day order (for traces; Monte Carlo aggregates without it). */
@FunctionalInterface
public interface EventListener {
    void onEvent(int day, String source, String target, EventCode code, String what);
}
