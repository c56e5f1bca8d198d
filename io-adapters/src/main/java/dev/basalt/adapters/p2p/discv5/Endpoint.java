package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.NodeId;
import java.net.InetSocketAddress;

/** Node ID and UDP endpoint: sessions and challenges are tied to both (discv5-theory.md "Session Cache"). */
record Endpoint(NodeId id, InetSocketAddress address) {}
