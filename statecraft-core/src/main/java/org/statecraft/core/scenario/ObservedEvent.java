package org.statecraft.core.scenario;

import java.time.LocalDate;

/** Something that happened, from a source: shown beside simulated events and in the tension series. */
public record ObservedEvent(LocalDate date, String actor, String counterpart, EventCode code, String description,
                            String source) {
}
