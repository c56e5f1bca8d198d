package dev.basalt.adapters.p2p.identity;

import dev.basalt.adapters.p2p.wire.WireException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A libp2p peer ID: the multihash of a protobuf {@code PublicKey}. Keys whose encoding is at most
 * 42 bytes (secp256k1: 37) use the identity multihash, so the key can be read back from the ID;
 * longer keys use SHA-256. Text form: base58btc ({@code 16Uiu2…} for secp256k1). Compared by the
 * multihash bytes; usable as a map key and sortable.
 */
public final class PeerId implements Comparable<PeerId> {
  private static final int IDENTITY = 0x00;
  private static final int SHA2_256 = 0x12;
  private static final int MAX_INLINE_KEY = 42;

  private final byte[] multihash;
  private final String text;

  private PeerId(byte[] multihash) {
    this.multihash = multihash;
    this.text = Base58.encode(multihash);
  }

  public static PeerId fromPublicKey(Secp256k1PublicKey key) {
    byte[] proto = key.toProtobuf();
    if (proto.length > MAX_INLINE_KEY) {
      byte[] mh = new byte[34];
      mh[0] = SHA2_256;
      mh[1] = 32;
      System.arraycopy(Secp256k1PublicKey.sha256(proto), 0, mh, 2, 32);
      return new PeerId(mh);
    }
    byte[] mh = new byte[2 + proto.length];
    mh[0] = IDENTITY;
    mh[1] = (byte) proto.length;
    System.arraycopy(proto, 0, mh, 2, proto.length);
    return new PeerId(mh);
  }

  /** From multihash bytes (as in a {@code /p2p/} multiaddr component); checks the structure. */
  public static PeerId fromBytes(byte[] multihash) throws WireException {
    if (multihash.length < 2) {
      throw new WireException("peer ID multihash too short");
    }
    int code = multihash[0] & 0xFF;
    int length = multihash[1] & 0xFF;
    if (length != multihash.length - 2) {
      throw new WireException("peer ID multihash length " + length + " but " + (multihash.length - 2) + " bytes follow");
    }
    if (code == SHA2_256 && length == 32) {
      return new PeerId(multihash.clone());
    }
    if (code == IDENTITY && length <= MAX_INLINE_KEY) {
      return new PeerId(multihash.clone());
    }
    throw new WireException("peer ID multihash code 0x" + Integer.toHexString(code) + " length " + length + " not supported");
  }

  /** From base58btc text; throws {@link IllegalArgumentException} with the reason. */
  public static PeerId parse(String text) {
    try {
      return fromBytes(Base58.decode(text));
    } catch (WireException e) {
      throw new IllegalArgumentException("not a peer ID: " + text + " (" + e.getMessage() + ")");
    }
  }

  /** The public key inlined in the ID (identity multihash of a secp256k1 key), if any. */
  public Optional<Secp256k1PublicKey> secp256k1Key() {
    if ((multihash[0] & 0xFF) != IDENTITY) {
      return Optional.empty();
    }
    try {
      return Optional.of(Secp256k1PublicKey.fromProtobuf(Arrays.copyOfRange(multihash, 2, multihash.length)));
    } catch (WireException e) {
      return Optional.empty();
    }
  }

  /** True if {@code key} is the key this ID names. */
  public boolean matches(Secp256k1PublicKey key) {
    return equals(fromPublicKey(key));
  }

  public byte[] toBytes() {
    return multihash.clone();
  }

  @Override
  public int compareTo(PeerId o) {
    return Arrays.compareUnsigned(multihash, o.multihash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PeerId p && Arrays.equals(multihash, p.multihash);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(multihash);
  }

  @Override
  public String toString() {
    return text;
  }
}
