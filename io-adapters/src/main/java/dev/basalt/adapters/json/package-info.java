/**
 * Ethereum JSON-RPC objects to core values: block headers of every fork ({@link
 * dev.basalt.adapters.json.RpcHeaders}), transactions of every type back to their EIP-2718
 * envelopes, OP deposits included ({@link dev.basalt.adapters.json.RpcTransactions}), whole
 * {@code eth_getBlockByNumber} documents ({@link dev.basalt.adapters.json.RpcBlock}) and L1
 * receipts ({@link dev.basalt.adapters.json.RpcReceipt}). One converter shared by the operator
 * tools ({@code basalt block-hash}, {@code basalt decode tx}) and the RPC-backed L1 adapter.
 *
 * <p>Invariants: parsing is strict about every field it reads (type, length, range) and ignores
 * fields it does not need; any problem is a {@link dev.basalt.adapters.json.JsonFormatException}
 * whose message starts with the JSON path of the offending value; a value that parses always
 * re-encodes to the bytes the chain hashed, so recomputed hashes and roots are meaningful.
 */
package dev.basalt.adapters.json;
