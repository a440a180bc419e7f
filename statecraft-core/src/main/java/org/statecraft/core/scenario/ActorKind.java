package org.statecraft.core.scenario;

/** What kind of actor a scenario actor is; informs reporting, never the mechanics. */
public enum ActorKind {
    STATE, REGIME, ARMED_GROUP, BLOC, ORGANISATION, POPULATION
}
