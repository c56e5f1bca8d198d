/**
 * Everything that touches the world. Adapters turn I/O into {@link dev.basalt.core.event.InputEvent}s
 * published on the input ring, and carry out the core's {@link dev.basalt.core.command.Command}s.
 *
 * <p>Invariants: adapters never call into the core directly and never throw into the ring; a
 * failure becomes an event ({@code RequestFailed}) carrying the command's correlation id.
 */
package dev.basalt.adapters;
