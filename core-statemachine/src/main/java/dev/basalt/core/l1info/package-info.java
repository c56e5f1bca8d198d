/**
 * The L1-attributes (L1-info) deposit: the first transaction of every L2 block, calling the L1Block
 * predeploy with the L1 origin's number, time, fees and hash, the sequence number and the fee
 * parameters of the system config. Four calldata forms exist (Bedrock ABI, Ecotone, Isthmus and
 * Jovian packed); {@link dev.basalt.core.l1info.L1InfoForm#forBlock} says which one a block uses.
 *
 * <p>Invariants: encoding is byte-exact with op-node ({@code op-node/rollup/derive/l1_block_info.go})
 * and decoding accepts exactly what op-node's decoders accept (fixed length, selector, zero padding
 * of ABI words and of the batcher address), so decode then encode reproduces the input; fields a
 * form does not carry are zero in an {@link dev.basalt.core.l1info.L1BlockInfo} of that form.
 */
package dev.basalt.core.l1info;
