// js-libp2p GossipSub peers for Basalt's block-gossip interop test (io-adapters,
// dev.basalt.adapters.p2p.JsGossipInteropTest). Nodes are made on demand ("spawn"), each with one
// muxer, Noise, identify and @libp2p/gossipsub configured as op-node configures go-libp2p-pubsub:
// StrictNoSign and op-node's message id. Prints one {"event":"ready"} line, then answers JSON
// commands read from stdin, one per line, e.g. {"id":1,"cmd":"spawn","node":"a","muxer":"yamux",
// "topics":["/optimism/901/3/blocks"],"validator":false}. Binary data travels as 0x-hex.
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
const { gossipsub, TopicValidatorResult } = await import('@libp2p/gossipsub')
const { generateKeyPair } = await import('@libp2p/crypto/keys')
const { peerIdFromString } = await import('@libp2p/peer-id')
const { multiaddr } = await import('@multiformats/multiaddr')
const readline = await import('node:readline')
const crypto = await import('node:crypto')
// Transitive dependencies of the pinned libp2p packages (versions fixed by package-lock.json).
const { secp256k1 } = await import('@noble/curves/secp256k1.js')
const { keccak_256 } = await import('@noble/hashes/sha3.js')

const MAX_GOSSIP_BYTES = 10 * (1 << 20)

/** Snappy block format decoder (no framing), written from the format description; throws on corrupt input. */
function snappyDecode (src, maxLength) {
  let pos = 0
  let length = 0
  for (let shift = 0; ; shift += 7) {
    if (pos >= src.length || shift > 28) throw new Error('bad snappy length header')
    const b = src[pos++]
    length += (b & 0x7f) * 2 ** shift
    if ((b & 0x80) === 0) break
  }
  if (length > maxLength) throw new Error(`snappy length ${length} too large`)
  const out = new Uint8Array(length)
  let o = 0
  while (pos < src.length) {
    const tag = src[pos++]
    const type = tag & 3
    if (type === 0) {
      let len = tag >> 2
      if (len >= 60) {
        const n = len - 59
        if (pos + n > src.length) throw new Error('truncated literal length')
        len = 0
        for (let i = 0; i < n; i++) len += src[pos + i] * 2 ** (8 * i)
        pos += n
      }
      len += 1
      if (pos + len > src.length || o + len > length) throw new Error('literal out of bounds')
      out.set(src.subarray(pos, pos + len), o)
      pos += len
      o += len
      continue
    }
    let len, offset
    if (type === 1) {
      if (pos + 1 > src.length) throw new Error('truncated copy')
      len = 4 + ((tag >> 2) & 7)
      offset = ((tag >> 5) << 8) | src[pos++]
    } else if (type === 2) {
      if (pos + 2 > src.length) throw new Error('truncated copy')
      len = (tag >> 2) + 1
      offset = src[pos] | (src[pos + 1] << 8)
      pos += 2
    } else {
      if (pos + 4 > src.length) throw new Error('truncated copy')
      len = (tag >> 2) + 1
      offset = (src[pos] | (src[pos + 1] << 8) | (src[pos + 2] << 16)) + src[pos + 3] * 2 ** 24
      pos += 4
    }
    if (offset === 0 || offset > o || o + len > length) throw new Error('copy out of bounds')
    for (let i = 0; i < len; i++, o++) out[o] = out[o - offset]
  }
  if (o !== length) throw new Error(`decoded ${o} bytes, header says ${length}`)
  return out
}

/** op-node's message id: sha256(domain ++ u64_le(len(topic)) ++ topic ++ payload)[:20]. */
function opNodeMessageId (topic, data) {
  let domain = Buffer.from([0, 0, 0, 0])
  let payload = data
  try {
    payload = snappyDecode(data, MAX_GOSSIP_BYTES)
    domain = Buffer.from([1, 0, 0, 0])
  } catch (e) {
    payload = data
  }
  const t = Buffer.from(topic, 'utf8')
  const len = Buffer.alloc(8)
  len.writeBigUInt64LE(BigInt(t.length))
  return crypto.createHash('sha256').update(domain).update(len).update(t).update(payload).digest().subarray(0, 20)
}

const hex = (b) => '0x' + Buffer.from(b).toString('hex')
const sha256 = (b) => hex(crypto.createHash('sha256').update(b).digest())
const unhex = (s) => Uint8Array.from(Buffer.from(s.startsWith('0x') ? s.slice(2) : s, 'hex'))

/**
 * The cheap check a JS node may run: the message decodes and starts with a 65-byte secp256k1
 * signature (r, s non-zero, recovery id 0 or 1). Not the full rules: Basalt's core has those.
 */
function signaturePrefixValid (data) {
  let m
  try { m = snappyDecode(data, MAX_GOSSIP_BYTES) } catch (e) { return false }
  if (m.length < 66) return false
  const zero = (a) => a.every(x => x === 0)
  return !zero(m.subarray(0, 32)) && !zero(m.subarray(32, 64)) && m[64] <= 1
}

// op-node's block validation as far as a relay without an engine goes (op-node/p2p/gossip.go
// BuildBlocksValidator): decompress, the timestamp window (at most 60 s old, 5 s ahead), then the
// signature over keccak256(32 zero bytes ‖ chainId as uint256 ‖ keccak256(payload)) must recover to
// the configured unsafe-block signer. A wrong chain id yields another signing hash, so another signer.
function opNodeValidate (topic, data, cfg) {
  let m
  try { m = snappyDecode(data, MAX_GOSSIP_BYTES) } catch (e) { return 'snappy' }
  if (m.length < 65 + 500) return 'too-short'
  const version = Number(topic.split('/')[3]) // /optimism/<chainId>/<n>/blocks: n = version - 1
  const payload = m.subarray(65)
  const timestampAt = (version >= 2 ? 32 : 0) + 32 + 20 + 32 + 32 + 256 + 32 + 8 + 8 + 8
  const timestamp = Number(Buffer.from(payload.subarray(timestampAt, timestampAt + 8)).readBigUInt64LE())
  const now = Math.floor(Date.now() / 1000)
  if (timestamp > now + 5) return 'too-new'
  if (timestamp < now - 60) return 'too-old'
  const v = m[64]
  if (v > 1) return 'signature'
  const signingInput = new Uint8Array(96)
  signingInput.set(Buffer.from(BigInt(cfg.chainId).toString(16).padStart(64, '0'), 'hex'), 32)
  signingInput.set(keccak_256(payload), 64)
  let address
  try {
    const sig = secp256k1.Signature.fromBytes(m.subarray(0, 64), 'compact').addRecoveryBit(v)
    const pub = sig.recoverPublicKey(keccak_256(signingInput)).toBytes(false)
    address = '0x' + Buffer.from(keccak_256(pub.subarray(1)).subarray(12)).toString('hex')
  } catch (e) { return 'signature' }
  return address === cfg.signer.toLowerCase() ? 'accept' : 'wrong-signer'
}

const nodes = new Map() // name -> { node, received: [], validations: [] }

async function spawn (name, muxerName, topics, validate, blockCfg) {
  const state = { received: [], validations: [] }
  const node = await createLibp2p({
    privateKey: await generateKeyPair('secp256k1'),
    addresses: { listen: ['/ip4/127.0.0.1/tcp/0'] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [muxerName === 'mplex' ? mplex() : yamux()],
    services: {
      identify: identify(),
      pubsub: gossipsub({
        globalSignaturePolicy: 'StrictNoSign',
        msgIdFn: (msg) => opNodeMessageId(msg.topic, msg.data),
        allowPublishToZeroTopicPeers: false,
        emitSelf: false,
        heartbeatInterval: 500,
        maxInboundDataLength: MAX_GOSSIP_BYTES + 1024
      })
    }
  })
  state.node = node
  const ps = node.services.pubsub
  ps.addEventListener('gossipsub:message', (evt) => {
    const { propagationSource, msg } = evt.detail
    state.received.push({ topic: msg.topic, sha256: sha256(msg.data), size: msg.data.length, msgId: hex(opNodeMessageId(msg.topic, msg.data)), from: propagationSource.toString(), type: msg.type })
  })
  for (const topic of topics) {
    if (validate) {
      ps.topicValidators.set(topic, (peer, msg) => {
        const reason = blockCfg ? opNodeValidate(msg.topic, msg.data, blockCfg) : (signaturePrefixValid(msg.data) ? 'accept' : 'signature')
        const ok = reason === 'accept'
        state.validations.push({ topic: msg.topic, sha256: sha256(msg.data), from: peer.toString(), result: ok ? 'accept' : 'reject', reason })
        return ok ? TopicValidatorResult.Accept : TopicValidatorResult.Reject
      })
    }
    ps.subscribe(topic)
  }
  nodes.set(name, state)
  return { peerId: node.peerId.toString(), addrs: node.getMultiaddrs().map(a => a.toString()) }
}

function get (name) {
  const s = nodes.get(name)
  if (!s) throw new Error(`no node ${name}`)
  return s
}

async function handle (msg) {
  switch (msg.cmd) {
    case 'spawn':
      return await spawn(msg.node, msg.muxer, msg.topics, !!msg.validator, msg.signer ? { signer: msg.signer, chainId: msg.chainId } : undefined)
    case 'dial': {
      const conn = await get(msg.node).node.dial(multiaddr(msg.addr))
      return { remotePeer: conn.remotePeer.toString(), muxer: conn.multiplexer }
    }
    case 'subscribers':
      return { peers: get(msg.node).node.services.pubsub.getSubscribers(msg.topic).map(p => p.toString()) }
    case 'mesh':
      return { peers: get(msg.node).node.services.pubsub.getMeshPeers(msg.topic) }
    case 'publish': {
      const data = unhex(msg.data)
      const r = await get(msg.node).node.services.pubsub.publish(msg.topic, data)
      return { recipients: r.recipients.map(p => p.toString()), msgId: hex(opNodeMessageId(msg.topic, data)), sha256: sha256(data) }
    }
    case 'received':
      return { messages: get(msg.node).received }
    case 'validations':
      return { validations: get(msg.node).validations }
    case 'messageId':
      return { msgId: hex(opNodeMessageId(msg.topic, unhex(msg.data))) }
    case 'score':
      return { score: get(msg.node).node.services.pubsub.getScore(msg.peer) }
    case 'connections':
      return { connections: get(msg.node).node.getConnections().map(c => ({ remotePeer: c.remotePeer.toString(), muxer: c.multiplexer, status: c.status })) }
    case 'stop': {
      const s = get(msg.node)
      nodes.delete(msg.node)
      await s.node.stop()
      return {}
    }
    case 'hangup':
      await get(msg.node).node.hangUp(peerIdFromString(msg.peer))
      return {}
    default:
      throw new Error(`unknown command ${msg.cmd}`)
  }
}

function answer (obj) {
  process.stdout.write(JSON.stringify(obj) + '\n')
}

answer({ event: 'ready' })

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
  await Promise.allSettled([...nodes.values()].map(s => s.node.stop()))
  process.exit(0)
})
