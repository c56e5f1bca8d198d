/**
 * The L1 execution adapter: {@code FetchL1Block} answered from {@code eth_getBlockByNumber} and
 * the block's receipts, head/safe/finalized polling, and the wiring ({@link
 * dev.basalt.adapters.l1.L1Adapter}) that also routes {@code FetchBlobs} to the beacon adapter.
 *
 * <p>Web3j provides the JSON-RPC transport and batching ({@code HttpService} over OkHttp); results
 * stay Jackson trees and go through the project's own converter ({@link dev.basalt.adapters.json}),
 * because Web3j's typed models do not carry every field a block hash covers.
 *
 * <p>Invariants: every request is answered exactly once, from an adapter thread; receipts are
 * fetched by block hash and always checked against the block (count, order, transaction hashes,
 * block hash, contiguous log indices); with {@code trustRpc} false the header hash and the
 * transactions and receipts roots are recomputed, so every byte handed to the core is bound to the
 * block hash; inbox transactions always hash to their declared hash; a blob index counts the blobs
 * of every earlier transaction of the block.
 */
package dev.basalt.adapters.l1;
