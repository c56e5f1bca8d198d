package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.p2p.SnappyBlock;
import dev.basalt.core.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalLong;

/**
 * OP Stack gossip message ids. op-node ({@code BuildMsgIdFn}, every revision): {@code
 * sha256(domain ++ u64_le(len(topic)) ++ topic ++ payload)[:20]} where {@code payload} is the snappy
 * decoded data and {@code domain = 01000000} when the data decodes (to at most 10 MiB), else the raw
 * data with {@code domain = 00000000}. The spec text and kona leave the topic out; that variant is
 * {@link Variant#SPEC}. The id is local (never on the wire inside the message) but IHAVE/IWANT use
 * it, so the op-node form is the default.
 */
public final class MessageIds {
  public enum Variant {
    OP_NODE,
    SPEC
  }

  private static final byte[] VALID_SNAPPY = {1, 0, 0, 0};
  private static final byte[] INVALID_SNAPPY = {0, 0, 0, 0};

  private MessageIds() {}

  public static Bytes of(Variant variant, String topic, byte[] data) {
    byte[] domain = INVALID_SNAPPY;
    byte[] payload = data;
    OptionalLong declared = SnappyBlock.decodedLength(data);
    if (declared.isPresent() && declared.getAsLong() <= GossipValidator.MAX_GOSSIP_BYTES) {
      try {
        payload = SnappyBlock.decode(data, GossipValidator.MAX_GOSSIP_BYTES);
        domain = VALID_SNAPPY;
      } catch (SnappyBlock.CorruptException e) {
        payload = data;
      }
    }
    MessageDigest sha = sha256();
    sha.update(domain);
    if (variant == Variant.OP_NODE) {
      byte[] t = topic.getBytes(StandardCharsets.UTF_8);
      byte[] len = new byte[8];
      for (int i = 0; i < 8; i++) {
        len[i] = (byte) ((long) t.length >>> (8 * i));
      }
      sha.update(len);
      sha.update(t);
    }
    sha.update(payload);
    return Bytes.of(sha.digest(), 0, 20);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
