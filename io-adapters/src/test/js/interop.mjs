// js-libp2p peer for Basalt's Java interop tests (io-adapters, dev.basalt.adapters.p2p.tcp.JsInteropTest).
// Starts two nodes with secp256k1 identities, one yamux-only and one mplex-only, both with Noise,
// identify, ping and an echo protocol, prints one "ready" JSON line, then answers JSON commands read
// from stdin, one per line: {"id":1,"cmd":"dial","node":"yamux","addr":"/ip4/..."}.
// Answers go to stdout as JSON lines carrying the command's id; logs go to stderr.

// node 20 lacks Promise.withResolvers, which libp2p 3 uses.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function () {
    let resolve, reject
    const promise = new Promise((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}

const { createLibp2p } = await import('libp2p')
const { noise } = await import('@chainsafe/libp2p-noise')
const { yamux } = await import('@chainsafe/libp2p-yamux')
const { mplex } = await import('@libp2p/mplex')
const { tcp } = await import('@libp2p/tcp')
const { identify } = await import('@libp2p/identify')
const { ping } = await import('@libp2p/ping')
const { generateKeyPair } = await import('@libp2p/crypto/keys')
const { peerIdFromString } = await import('@libp2p/peer-id')
const { multiaddr } = await import('@multiformats/multiaddr')
const readline = await import('node:readline')
const crypto = await import('node:crypto')

const ECHO = '/basalt/echo/1.0.0'
const identified = new Map() // node name -> Map(peerId -> {agentVersion, protocols})

async function makeNode (name, muxer) {
  const node = await createLibp2p({
    privateKey: await generateKeyPair('secp256k1'),
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [muxer],
    services: { identify: identify(), ping: ping() }
  })
  identified.set(name, new Map())
  node.addEventListener('peer:identify', (evt) => {
    const r = evt.detail
    identified.get(name).set(r.peerId.toString(), { agentVersion: r.agentVersion, protocols: r.protocols })
  })
  await node.handle(ECHO, async (stream) => {
    try {
      for await (const chunk of stream) {
        if (!stream.send(chunk.subarray ? chunk.subarray() : chunk)) {
          await stream.onDrain()
        }
      }
      await stream.close()
    } catch (e) {
      process.stderr.write(`echo handler: ${e}\n`)
    }
  })
  return node
}

const nodes = {
  yamux: await makeNode('yamux', yamux()),
  mplex: await makeNode('mplex', mplex())
}

function describe (node) {
  return { peerId: node.peerId.toString(), type: node.peerId.type, addrs: node.getMultiaddrs().map(a => a.toString()) }
}

async function waitIdentified (name, peer, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    const r = identified.get(name).get(peer)
    if (r) return r
    await new Promise(resolve => setTimeout(resolve, 20))
  }
  throw new Error(`no identify result for ${peer} on ${name}`)
}

async function echo (node, target, size) {
  const data = crypto.randomBytes(size)
  const stream = await node.dialProtocol(target, ECHO)
  const chunks = []
  let got = 0
  const reading = (async () => {
    for await (const chunk of stream) {
      const b = chunk.subarray ? chunk.subarray() : chunk
      chunks.push(Buffer.from(b))
      got += b.length
    }
  })()
  for (let off = 0; off < size; off += 16384) {
    if (!stream.send(data.subarray(off, Math.min(size, off + 16384)))) {
      await stream.onDrain()
    }
  }
  await stream.close()
  await reading
  return Buffer.concat(chunks).equals(data)
}

async function handle (msg) {
  const node = nodes[msg.node]
  switch (msg.cmd) {
    case 'dial': {
      const conn = await node.dial(multiaddr(msg.addr))
      const rtt = await node.services.ping.ping(multiaddr(msg.addr))
      const echoOk = await echo(node, conn.remotePeer, msg.size ?? 200000)
      const id = await waitIdentified(msg.node, conn.remotePeer.toString())
      return { remotePeer: conn.remotePeer.toString(), remoteType: conn.remotePeer.type, muxer: conn.multiplexer, encryption: conn.encryption, rtt, echoOk, identify: id }
    }
    case 'identified':
      return await waitIdentified(msg.node, msg.peer)
    case 'ping':
      return { rtt: await node.services.ping.ping(peerIdFromString(msg.peer)) }
    case 'connections':
      return { connections: node.getConnections().map(c => ({ remotePeer: c.remotePeer.toString(), muxer: c.multiplexer, direction: c.direction, status: c.status })) }
    case 'hangup':
      await node.hangUp(peerIdFromString(msg.peer))
      return {}
    default:
      throw new Error(`unknown command ${msg.cmd}`)
  }
}

function answer (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

answer({ event: 'ready', nodes: { yamux: describe(nodes.yamux), mplex: describe(nodes.mplex) } })

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', (line) => {
  if (!line.trim()) return
  let msg
  try { msg = JSON.parse(line) } catch (e) { answer({ error: `bad JSON: ${e}` }); return }
  handle(msg).then(
    (result) => answer({ id: msg.id, ok: true, result }),
    (err) => answer({ id: msg.id, ok: false, error: String(err && err.stack ? err.stack : err) })
  )
})
rl.on('close', async () => {
  await Promise.allSettled(Object.values(nodes).map(n => n.stop()))
  process.exit(0)
})
