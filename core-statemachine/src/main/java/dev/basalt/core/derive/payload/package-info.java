/**
 * The way back from L2 blocks to derivation: what an existing block says about its L1 origin,
 * sequence number and system config ({@link dev.basalt.core.derive.payload.PayloadBlockInfo}, op-node
 * {@code PayloadToBlockRef}/{@code PayloadToSystemConfig}), the fee parameters of its header
 * ({@link dev.basalt.core.derive.payload.FeeParamsExtraData}), and whether derived attributes
 * describe it ({@link dev.basalt.core.derive.payload.AttributesMatcher}, op-node {@code
 * AttributesMatchBlock}).
 *
 * <p>Invariants: pure functions of the rollup config and the block; a block that does not read
 * back is a value ({@code Invalid}, {@code Mismatch}) with a reason, never an exception; validation
 * accepts exactly what op-node accepts (header {@code extraData} forms, L1-info forms per block).
 */
package dev.basalt.core.derive.payload;
