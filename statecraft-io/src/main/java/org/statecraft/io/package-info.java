/** Scenario files, foreign formats and result writers. */
package org.statecraft.io;
