/**
 * Node discovery v5.1 (ethereum/devp2p discv5) for the rollup node's P2P layer: finds peers of our
 * L2 chain in the discv5 DHT shared with Ethereum L1, as op-node (geth {@code p2p/discover}) and
 * kona ({@code discv5} crate) do.
 *
 * <ul>
 *   <li>{@link dev.basalt.adapters.p2p.discv5.Discv5Service}: the service (one UDP socket, one thread that
 *       sleeps in {@code select} until a datagram or a deadline); API for the node: start, peers of
 *       our chain ({@code onPeer}), {@code localEnr}, {@code table} (for {@code opp2p_discoveryTable}), close.
 *   <li>{@link dev.basalt.adapters.p2p.discv5.DiscoveryConfig}: what the {@code --p2p.*} flags map onto.
 *   <li>Wire: {@link dev.basalt.adapters.p2p.discv5.PacketCodec} (masked headers, three packet kinds),
 *       {@link dev.basalt.adapters.p2p.discv5.MessageCodec} (PING, PONG, FINDNODE, NODES, TALKREQ/TALKRESP),
 *       {@link dev.basalt.adapters.p2p.discv5.Discv5Crypto} (AES-CTR/GCM, ECDH + HKDF, id-signature);
 *       checked against the official wire test vectors.
 *   <li>Sessions and handshakes: {@code Discv5Handler}; our requests and their responses
 *       (request-ids, retries, timeouts, queueing behind a handshake): {@code OutgoingRequests};
 *       routing: {@code RoutingTable} (k = 16, 256 buckets, replacement lists, one liveness PING per
 *       tick); lookups: {@code Lookup} (alpha = 3); what the service does on its thread (bootstrap,
 *       periodic lookups and revalidation, peer store, record updates, our public IP from PONG
 *       votes): {@code TableMaintenance}.
 * </ul>
 *
 * <p>Invariants: all mutable state lives on the discovery thread; every cache (sessions,
 * challenges, records, requests in flight, NODES records per request) is bounded; untrusted input
 * that does not decode, authenticate or match a request is dropped and counted with a log line
 * ({@code DropLog}), never thrown to the caller. Only records whose {@code opstack} entry names our
 * chain with version 0 are offered as peers; the table itself holds every valid record.
 */
package dev.basalt.adapters.p2p.discv5;
