package dev.basalt.adapters.p2p.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.Misbehaviour;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.P2pLimits;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.multistream.MultistreamLines;
import dev.basalt.adapters.p2p.noise.HandshakePayload;
import dev.basalt.adapters.p2p.noise.NoiseHandshake;
import dev.basalt.adapters.p2p.wire.ProtoWriter;
import dev.basalt.adapters.p2p.wire.Uvarint;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hand-driven peer breaks each layer's rules; the host refuses the stream or closes the
 * connection, reports the offence through {@link dev.basalt.adapters.p2p.host.PeerPenalty}, and keeps
 * serving well-behaved peers.
 */
class AdversarialPeerTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_STREAMS = 8;
  private static final String FLOOD = "/basalt/flood/1.0.0";
  private static final int STREAM_BUFFER = 512 * 1024;

  private final BlockingQueue<Misbehaviour> reports = new LinkedBlockingQueue<>();
  private final List<CompletableFuture<Void>> floodWrites = new CopyOnWriteArrayList<>();
  private Host host;
  private Multiaddr addr;

  @BeforeEach
  void start() throws Exception {
    P2pLimits limits = P2pLimits.defaults().withMaxStreamsPerConnection(MAX_STREAMS).withHandshakeTimeoutMillis(1500)
        .withMaxStreamWriteBufferBytes(STREAM_BUFFER);
    host = Host.create(HostConfig.defaults(IdentityKey.generate(RANDOM)).withIoThreads(1).withLimits(limits).withPenalty(reports::add));
    host.setProtocolHandler(Echo.PROTOCOL, Echo.server());
    host.setProtocolHandler(FLOOD, stream -> {
      for (int i = 0; i < 8; i++) {
        floodWrites.add(stream.write(new byte[128 * 1024]));
      }
      return (s, d) -> { };
    });
    addr = host.listen(HostLoopbackTest.LOOPBACK).get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    try (Host client = HostLoopbackTest.host(MuxerKind.YAMUX)) {
      var c = client.dial(addr).get(5, TimeUnit.SECONDS);
      assertArrayEquals(new byte[] {4, 2}, Echo.roundTrip(c, new byte[] {4, 2}).get(5, TimeUnit.SECONDS), "host still serves honest peers");
    }
    host.close();
  }

  private Misbehaviour expectReport(Offence offence) throws InterruptedException {
    Misbehaviour m = reports.poll(5, TimeUnit.SECONDS);
    assertNotNull(m, "no penalty report for " + offence);
    assertEquals(offence, m.offence(), m.toString());
    return m;
  }

  // ---- multistream ----

  @Test
  void oversizedMultistreamLineCloses() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.sendRaw(Uvarint.encode(50_000));
      p.sendRaw(new byte[2000]);
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_MULTISTREAM);
  }

  @Test
  void wrongMultistreamHeaderCloses() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.sendRaw(MultistreamLines.encode("/multistream/9.9.9", "/noise"));
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_MULTISTREAM);
  }

  @Test
  void endlessProposalsClose() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.sendRaw(MultistreamLines.encode(MultistreamLines.HEADER));
      try {
        for (int i = 0; i < 40; i++) {
          p.sendRaw(MultistreamLines.encode("/tls/" + i));
        }
      } catch (java.io.IOException closedMidway) {
        // the host may close before the last proposals are written: that is the expected outcome
      }
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_MULTISTREAM);
  }

  @Test
  void silentPeerTimesOut() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.negotiateRaw("/noise"); // then never starts the handshake
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.TIMEOUT);
  }

  // ---- noise ----

  @Test
  void signatureByAnotherKeyIsRefused() throws Exception {
    IdentityKey claimed = IdentityKey.generate(RANDOM);
    IdentityKey signer = IdentityKey.generate(RANDOM);
    try (RawPeer p = new RawPeer(addr)) {
      p.negotiateRaw("/noise");
      // claims `claimed` but signs with `signer`
      p.handshake(NoiseHandshake.withPayload(true, sk -> new ProtoWriter()
          .bytes(1, claimed.publicKey().toProtobuf())
          .bytes(2, signer.sign(concat("noise-libp2p-static-key:".getBytes(), sk)))
          .toByteArray(), RANDOM));
      assertTrue(p.closedByHost());
    }
    Misbehaviour m = expectReport(Offence.BAD_SIGNATURE);
    assertTrue(m.peer().isEmpty(), "no peer ID is believed before the proof");
  }

  @Test
  void signatureOverTheWrongStaticKeyIsRefused() throws Exception {
    IdentityKey me = IdentityKey.generate(RANDOM);
    try (RawPeer p = new RawPeer(addr)) {
      p.negotiateRaw("/noise");
      p.handshake(NoiseHandshake.withPayload(true, sk -> HandshakePayload.create(me, new byte[32]), RANDOM));
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.BAD_SIGNATURE);
  }

  @Test
  void nonSecp256k1IdentityIsRefused() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.negotiateRaw("/noise");
      // an Ed25519 (type 1) key: Basalt only accepts secp256k1 identities, as op-node's network uses
      p.handshake(NoiseHandshake.withPayload(true, sk -> new ProtoWriter()
          .bytes(1, new ProtoWriter().varint(1, 1).bytes(2, new byte[32]).toByteArray())
          .bytes(2, new byte[64]).toByteArray(), RANDOM));
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.HANDSHAKE_FAILED);
  }

  @Test
  void garbageHandshakeMessageIsRefused() throws Exception {
    try (RawPeer p = new RawPeer(addr)) {
      p.negotiateRaw("/noise");
      p.sendRaw(SecureChannel.handshakeFrame(new byte[5])); // shorter than an ephemeral key
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.HANDSHAKE_FAILED);
  }

  @Test
  void undecryptableTransportFrameCloses() throws Exception {
    try (RawPeer p = secured()) {
      byte[] frame = new byte[2 + 100];
      frame[1] = 100;
      p.sendRaw(frame);
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.DECRYPTION_FAILED);
  }

  @Test
  void transportFrameShorterThanItsTagCloses() throws Exception {
    try (RawPeer p = secured()) {
      p.sendRaw(new byte[] {0, 3, 1, 2, 3});
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.DECRYPTION_FAILED);
  }

  // ---- yamux ----

  @Test
  void yamuxDataBeyondTheWindowCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      p.sendPlain(yamux(1, 1, 1, 0)); // window update + SYN: open stream 1
      int tooMuch = P2pLimits.YAMUX_INITIAL_WINDOW + 1;
      p.sendPlain(yamux(0, 0, 1, tooMuch)); // only the header: the length alone breaks the window
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.WINDOW_EXCEEDED);
  }

  @Test
  void yamuxBadVersionCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      byte[] f = yamux(2, 1, 0, 0);
      f[0] = 7;
      p.sendPlain(f);
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_FRAME);
  }

  @Test
  void yamuxStreamsBeyondTheLimitAreReset() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      for (int i = 0; i < MAX_STREAMS + 3; i++) {
        p.sendPlain(yamux(1, 1, 1 + 2 * i, 0));
      }
      for (int i = 0; i < 3; i++) {
        Misbehaviour m = expectReport(Offence.TOO_MANY_STREAMS);
        assertFalse(m.fatal(), "only the stream is refused");
        assertTrue(m.peer().isPresent());
      }
      assertTrue(p.stillOpenAfter(300), "the connection stays up");
    }
  }

  @Test
  void yamuxStreamFloodEventuallyCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      for (int i = 0; i < MAX_STREAMS * 6; i++) {
        p.sendPlain(yamux(1, 1, 1 + 2 * i, 0));
      }
      assertTrue(p.closedByHost());
    }
    Misbehaviour last = null;
    for (Misbehaviour m; (m = reports.poll(2, TimeUnit.SECONDS)) != null; ) {
      last = m;
    }
    assertNotNull(last);
    assertTrue(last.fatal(), last.toString());
  }

  @Test
  void yamuxSynForOurOwnStreamIdsCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      p.sendPlain(yamux(1, 1, 2, 0)); // even IDs belong to the listener (the host)
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_FRAME);
  }

  @Test
  void aPeerThatStopsReadingCannotGrowOurWriteBuffer() throws Exception {
    try (RawPeer p = muxed(MuxerKind.YAMUX)) {
      p.sendPlain(yamux(1, 1, 1, 0));
      byte[] proposal = MultistreamLines.encode(MultistreamLines.HEADER, FLOOD);
      p.sendPlain(concat(yamux(0, 0, 1, proposal.length), proposal));
      // never read again: the host may send 256 KiB (the window), then queues up to 512 KiB, then resets
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (floodWrites.size() < 8 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(8, floodWrites.size());
      CompletableFuture.allOf(floodWrites.toArray(CompletableFuture[]::new)).handle((v, e) -> null).get(5, TimeUnit.SECONDS);
      assertFalse(floodWrites.get(0).isCompletedExceptionally(), "the first 128 KiB fit the peer's window and went out");
      // the sixth write would queue more than 512 KiB: the stream is reset and every unsent write fails
      ExecutionException e = assertThrows(ExecutionException.class, () -> floodWrites.get(7).get());
      assertTrue(e.getCause() instanceof StreamClosedException, e.toString());
      assertTrue(p.stillOpenAfter(300), "only the stream is dropped, not the connection");
    }
  }

  // ---- mplex ----

  @Test
  void mplexOversizedFrameCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.MPLEX)) {
      byte[] header = concat(Uvarint.encode(0), Uvarint.encode(2L << 20)); // NewStream id 0, 2 MiB body
      p.sendPlain(header);
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.OVERSIZED_FRAME);
  }

  @Test
  void mplexUnknownFlagCloses() throws Exception {
    try (RawPeer p = muxed(MuxerKind.MPLEX)) {
      p.sendPlain(new byte[] {(byte) ((3 << 3) | 7), 0});
      assertTrue(p.closedByHost());
    }
    expectReport(Offence.MALFORMED_FRAME);
  }

  @Test
  void mplexStreamsBeyondTheLimitAreReset() throws Exception {
    try (RawPeer p = muxed(MuxerKind.MPLEX)) {
      for (int i = 0; i < MAX_STREAMS + 2; i++) {
        p.sendPlain(concat(Uvarint.encode((long) i << 3), new byte[] {1, (byte) '0'}));
      }
      for (int i = 0; i < 2; i++) {
        assertFalse(expectReport(Offence.TOO_MANY_STREAMS).fatal());
      }
      assertTrue(p.stillOpenAfter(300), "the connection stays up");
    }
  }

  // ---- helpers ----

  private RawPeer secured() throws Exception {
    RawPeer p = new RawPeer(addr);
    p.negotiateRaw("/noise");
    p.handshake(NoiseHandshake.initiator(IdentityKey.generate(RANDOM), host.peerId(), RANDOM));
    return p;
  }

  private RawPeer muxed(MuxerKind muxer) throws Exception {
    RawPeer p = secured();
    p.negotiatePlain(muxer.protocolId());
    return p;
  }

  private static byte[] yamux(int type, int flags, int streamId, int length) {
    byte[] h = new byte[12];
    h[1] = (byte) type;
    h[3] = (byte) flags;
    h[4] = (byte) (streamId >>> 24);
    h[5] = (byte) (streamId >>> 16);
    h[6] = (byte) (streamId >>> 8);
    h[7] = (byte) streamId;
    h[8] = (byte) (length >>> 24);
    h[9] = (byte) (length >>> 16);
    h[10] = (byte) (length >>> 8);
    h[11] = (byte) length;
    return h;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
