/**
 * Derivation pipeline tests on generated chains: a simulated L1 ({@code SimL1}) carrying what a
 * simulated batcher ({@code SimPlan}, {@code SimBatcher}) posted for a simulated sequencer's chain
 * ({@code SimChain}), faults included, driven through the pipeline by {@code PipelineDriver} with a
 * stand-in engine ({@code SimEngine}). The chain model and the engine hash blocks with the same
 * function, so "recovered exactly" means block hashes, not just contents, agree.
 */
package dev.basalt.testdata.pipeline;
