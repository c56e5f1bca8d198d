/**
 * Sequencer mode, following op-node's {@code op-node/rollup/sequencing}: the core's entry point
 * ({@link dev.basalt.core.sequencer.Sequencer}), its build loop (slot timing and build scheduling,
 * {@code BuildScheduler}), its admin API and conductor handling ({@code SequencerAdmin}), its L1
 * origin choice ({@code OriginSelector}) and the state they share and snapshot ({@code
 * SequencerState}).
 *
 * <p>Invariants: time comes only from events (actions are planned instants, reached through
 * wakeups); every engine call goes through the engine controller's task queue; a block is only
 * built on the current unsafe head and only one build is in progress, so a height never gets two
 * sequenced blocks; an L1 origin is used only after it was read from L1 since the last L1 head
 * change, and an origin L1 no longer has causes a reset instead of a block.
 */
package dev.basalt.core.sequencer;
