/**
 * Sequencer mode: the block-building loop ({@link dev.basalt.core.sequencer.Sequencer}) and its L1
 * origin choice, following op-node's {@code op-node/rollup/sequencing}.
 *
 * <p>Invariants: time comes only from events (actions are planned instants, reached through
 * wakeups); every engine call goes through the engine controller's task queue; a block is only
 * built on the current unsafe head and only one build is in progress, so a height never gets two
 * sequenced blocks; an L1 origin is used only after it was read from L1 since the last L1 head
 * change, and an origin L1 no longer has causes a reset instead of a block.
 */
package dev.basalt.core.sequencer;
