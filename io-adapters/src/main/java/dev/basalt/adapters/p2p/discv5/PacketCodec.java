package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.NodeId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * discv5.1 packet framing (discv5-wire.md "Packet Encoding"):
 * {@code masking-iv (16) || aesctr(dest-id[:16], masking-iv, static-header || authdata) || message}
 * with {@code static-header = "discv5" || 0x0001 || flag || nonce (12) || authdata-size (2)}.
 * Sizes are bounded: 63 ≤ packet ≤ 1280 bytes.
 */
public final class PacketCodec {
  public static final int MAX_PACKET_BYTES = 1280;
  public static final int MIN_PACKET_BYTES = 63;
  static final int IV_BYTES = 16;
  static final int STATIC_HEADER_BYTES = 23;
  static final int NONCE_BYTES = 12;
  private static final byte[] PROTOCOL_ID = "discv5".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  static final int FLAG_ORDINARY = 0;
  static final int FLAG_WHOAREYOU = 1;
  static final int FLAG_HANDSHAKE = 2;

  private PacketCodec() {}

  // ---- decoding ----

  /** Unmasks and parses a datagram addressed to {@code localId}. The message stays encrypted. */
  public static Packet decode(byte[] datagram, int length, NodeId localId) throws Discv5Exception {
    if (length < MIN_PACKET_BYTES || length > MAX_PACKET_BYTES) {
      throw new Discv5Exception("packet size " + length + " outside [63, 1280]");
    }
    byte[] iv = Arrays.copyOfRange(datagram, 0, IV_BYTES);
    byte[] key = Arrays.copyOf(localId.toBytes(), 16);
    // Unmask the static header first, then the authdata whose size it gives (CTR is a stream cipher:
    // unmasking a longer prefix yields the same first bytes).
    byte[] stat = Discv5Crypto.aesCtr(key, iv, datagram, IV_BYTES, STATIC_HEADER_BYTES);
    if (!Arrays.equals(stat, 0, 6, PROTOCOL_ID, 0, 6)) {
      throw new Discv5Exception("protocol id mismatch (not discv5 or not for us)");
    }
    int version = ((stat[6] & 0xff) << 8) | (stat[7] & 0xff);
    if (version != VERSION) {
      throw new Discv5Exception("unsupported discv5 version " + version);
    }
    int flag = stat[8] & 0xff;
    byte[] nonce = Arrays.copyOfRange(stat, 9, 21);
    int authSize = ((stat[21] & 0xff) << 8) | (stat[22] & 0xff);
    int headerEnd = IV_BYTES + STATIC_HEADER_BYTES + authSize;
    if (headerEnd > length) {
      throw new Discv5Exception("authdata-size " + authSize + " runs past the packet");
    }
    byte[] header = Discv5Crypto.aesCtr(key, iv, datagram, IV_BYTES, STATIC_HEADER_BYTES + authSize);
    byte[] ad = new byte[IV_BYTES + header.length];
    System.arraycopy(iv, 0, ad, 0, IV_BYTES);
    System.arraycopy(header, 0, ad, IV_BYTES, header.length);
    byte[] message = Arrays.copyOfRange(datagram, headerEnd, length);
    ByteBuffer auth = ByteBuffer.wrap(header, STATIC_HEADER_BYTES, authSize);
    return switch (flag) {
      case FLAG_ORDINARY -> {
        if (authSize != 32) {
          throw new Discv5Exception("ordinary packet authdata-size " + authSize + " != 32");
        }
        yield new Packet.Ordinary(nonce, nodeId(auth), ad, message);
      }
      case FLAG_WHOAREYOU -> {
        if (authSize != 24 || message.length != 0) {
          throw new Discv5Exception("malformed WHOAREYOU (authdata-size " + authSize + ", trailing " + message.length + ")");
        }
        byte[] idNonce = new byte[16];
        auth.get(idNonce);
        yield new Packet.WhoAreYou(nonce, idNonce, auth.getLong(), ad);
      }
      case FLAG_HANDSHAKE -> decodeHandshake(nonce, auth, authSize, ad, message);
      default -> throw new Discv5Exception("unknown packet flag " + flag);
    };
  }

  private static Packet decodeHandshake(byte[] nonce, ByteBuffer auth, int authSize, byte[] ad, byte[] message)
      throws Discv5Exception {
    if (authSize < 34) {
      throw new Discv5Exception("handshake authdata too short: " + authSize);
    }
    NodeId src = nodeId(auth);
    int sigSize = auth.get() & 0xff;
    int keySize = auth.get() & 0xff;
    if (sigSize != 64 || keySize != 33) {
      throw new Discv5Exception("handshake sig-size/eph-key-size " + sigSize + "/" + keySize + " not v4 (64/33)");
    }
    int recordSize = authSize - 34 - sigSize - keySize;
    if (recordSize < 0) {
      throw new Discv5Exception("handshake authdata shorter than its signature and key");
    }
    byte[] sig = new byte[sigSize];
    auth.get(sig);
    byte[] eph = new byte[keySize];
    auth.get(eph);
    byte[] record = new byte[recordSize];
    auth.get(record);
    return new Packet.Handshake(nonce, src, sig, eph, record, ad, message);
  }

  private static NodeId nodeId(ByteBuffer b) {
    byte[] id = new byte[32];
    b.get(id);
    return NodeId.wrap(id);
  }

  // ---- encoding ----

  /** The unmasked header {@code static-header || authdata}. */
  static byte[] header(int flag, byte[] nonce, byte[] authdata) {
    ByteBuffer b = ByteBuffer.allocate(STATIC_HEADER_BYTES + authdata.length);
    b.put(PROTOCOL_ID).putShort((short) VERSION).put((byte) flag).put(nonce).putShort((short) authdata.length).put(authdata);
    return b.array();
  }

  static byte[] ordinaryAuthdata(NodeId src) {
    return src.toBytes();
  }

  static byte[] whoAreYouAuthdata(byte[] idNonce, long enrSeq) {
    return ByteBuffer.allocate(24).put(idNonce).putLong(enrSeq).array();
  }

  static byte[] handshakeAuthdata(NodeId src, byte[] idSignature, byte[] ephemeralPubkey, byte[] record) {
    return ByteBuffer.allocate(34 + idSignature.length + ephemeralPubkey.length + record.length)
        .put(src.toBytes()).put((byte) idSignature.length).put((byte) ephemeralPubkey.length)
        .put(idSignature).put(ephemeralPubkey).put(record).array();
  }

  /** {@code masking-iv || header}: the associated data of the message (and WHOAREYOU challenge-data). */
  static byte[] authenticatedData(byte[] maskingIv, byte[] header) {
    byte[] ad = new byte[IV_BYTES + header.length];
    System.arraycopy(maskingIv, 0, ad, 0, IV_BYTES);
    System.arraycopy(header, 0, ad, IV_BYTES, header.length);
    return ad;
  }

  /** Masks {@code header} for {@code destId} and appends the already-encrypted message. */
  static byte[] assemble(NodeId destId, byte[] maskingIv, byte[] header, byte[] encryptedMessage) {
    byte[] masked = Discv5Crypto.aesCtr(Arrays.copyOf(destId.toBytes(), 16), maskingIv, header, 0, header.length);
    byte[] out = new byte[IV_BYTES + masked.length + encryptedMessage.length];
    System.arraycopy(maskingIv, 0, out, 0, IV_BYTES);
    System.arraycopy(masked, 0, out, IV_BYTES, masked.length);
    System.arraycopy(encryptedMessage, 0, out, IV_BYTES + masked.length, encryptedMessage.length);
    return out;
  }

  /** A complete message packet (flag 0 or 2): header, then the message encrypted under {@code key}. */
  static byte[] encodeMessagePacket(NodeId destId, byte[] maskingIv, int flag, byte[] nonce, byte[] authdata,
      byte[] key, byte[] messagePlaintext) {
    byte[] header = header(flag, nonce, authdata);
    byte[] ct = Discv5Crypto.aesGcmEncrypt(key, nonce, messagePlaintext, authenticatedData(maskingIv, header));
    return assemble(destId, maskingIv, header, ct);
  }

  /** A WHOAREYOU packet; returns it together with its challenge-data. */
  static byte[][] encodeWhoAreYou(NodeId destId, byte[] maskingIv, byte[] requestNonce, byte[] idNonce, long enrSeq) {
    byte[] header = header(FLAG_WHOAREYOU, requestNonce, whoAreYouAuthdata(idNonce, enrSeq));
    return new byte[][] {assemble(destId, maskingIv, header, new byte[0]), authenticatedData(maskingIv, header)};
  }
}
