// discv5 peers for Basalt's Java interop test (Discv5JsInteropTest).
// Usage: node discv5-peer.mjs '<json>' with json = {"lookupMs": 300, "nodes": [{"port": 1234, "chain": 901, "boot": ["enr:..."]}]}
// Prints one JSON object per line: {"event":"enr",...} once per node, then "table" snapshots and "discovered" events.
// Node 20 lacks Promise.withResolvers, which the libp2p 2.x helpers use.
if (typeof Promise.withResolvers !== "function") {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}

const { Discv5 } = await import("@chainsafe/discv5");
const { SignableENR } = await import("@chainsafe/enr");
const { generateKeyPair } = await import("@libp2p/crypto/keys");
const { multiaddr } = await import("@multiformats/multiaddr");

const spec = JSON.parse(process.argv[2]);
const out = (o) => process.stdout.write(JSON.stringify(o) + "\n");

// op-node's opstack entry: uvarint(chainId) ++ uvarint(version 0); the ENR encodes it as an RLP byte string.
function opstack(chainId) {
  const bytes = [];
  let v = BigInt(chainId);
  while (v >= 0x80n) { bytes.push(Number((v & 0x7fn) | 0x80n)); v >>= 7n; }
  bytes.push(Number(v));
  bytes.push(0);
  return Uint8Array.from(bytes);
}

const strip = (id) => id.toLowerCase().replace(/^0x/, "");
const nodes = [];
for (const [i, n] of spec.nodes.entries()) {
  const privateKey = await generateKeyPair("secp256k1");
  const enr = SignableENR.createFromPrivateKey(privateKey);
  enr.ip = "127.0.0.1";
  enr.udp = n.port;
  enr.tcp = 9000 + i;
  if (n.chain) enr.set("opstack", opstack(n.chain));
  const d = Discv5.create({
    enr, privateKey,
    bindAddrs: { ip4: multiaddr(`/ip4/127.0.0.1/udp/${n.port}`) },
    config: { enrUpdate: false, requestTimeout: 1000, lookupTimeout: 3000, pingInterval: 5000 },
  });
  d.on("discovered", (e) => out({ event: "discovered", node: i, id: strip(e.nodeId) }));
  await d.start();
  for (const b of n.boot || []) d.addEnr(b);
  nodes.push(d);
  out({ event: "enr", node: i, id: strip(enr.nodeId), enr: enr.encodeTxt() });
}

setInterval(async () => {
  for (const [i, d] of nodes.entries()) {
    try { await d.findRandomNode(); } catch (e) { /* empty table early on */ }
    out({ event: "table", node: i, ids: d.kadValues().map((e) => strip(e.nodeId)) });
  }
}, spec.lookupMs || 300);

process.stdin.on("end", async () => { for (const d of nodes) await d.stop(); process.exit(0); });
process.stdin.resume();
