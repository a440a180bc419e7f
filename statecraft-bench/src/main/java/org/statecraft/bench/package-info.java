/** JMH benchmarks. */
package org.statecraft.bench;
