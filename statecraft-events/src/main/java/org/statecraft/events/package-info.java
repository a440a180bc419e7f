/** Event data: readers, CAMEO tables, the DuckDB store, the tension index and change points. */
package org.statecraft.events;
