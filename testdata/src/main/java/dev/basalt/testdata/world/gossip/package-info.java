/**
 * The simulated world's block-gossip peers: a world-only unsafe-block-signer key (throwaway, drawn
 * from the seed), the wire messages a real peer would send for a block (snappy-compressed SSZ,
 * signed, on the topic version the block's timestamp selects), and the hostile variants the
 * simulator injects (forged blocks at a height, bad signatures, blocks outside the timestamp
 * window). Nothing here is consensus code: the node under test validates every message itself.
 */
package dev.basalt.testdata.world.gossip;
