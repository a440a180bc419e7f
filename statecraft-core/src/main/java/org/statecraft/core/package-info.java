/**
 * Statecraft's core: scenario records and the engines that read them, pure Java with no dependency beyond the
 * JDK (no file, network, console or clock; randomness handed in as a {@code RandomGenerator}). This package holds
 * the unchecked exception hierarchy ({@link org.statecraft.core.StatecraftException} and its typed user-input
 * subclasses), {@link org.statecraft.core.FailureKind}, which maps any failure to an exit code and HTTP status at
 * the edges, and the precondition helpers of {@link org.statecraft.core.Checks}. The subpackages depend on one
 * another without a cycle ({@code PackageCyclesTest}).
 */
package org.statecraft.core;
