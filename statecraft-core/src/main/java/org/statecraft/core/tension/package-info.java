/**
 * The dyadic tension index and escalation detection, shared by observed event data (statecraft-events) and
 * the events the leverage engine simulates, so that both are the same quantity. Pure computation: no IO.
 */
package org.statecraft.core.tension;
