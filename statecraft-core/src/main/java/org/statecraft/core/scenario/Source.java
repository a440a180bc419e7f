package org.statecraft.core.scenario;

import org.statecraft.core.Checks;

/** An entry of the scenario's source list, referred to by id from the numbers it supports. */
public record Source(String id, String citation, String url, String note) {
    public Source {
        Checks.requireId(id, "source id");
        if (citation == null || citation.isBlank()) {
            throw new IllegalArgumentException("source " + id + " needs a citation");
        }
    }
}
