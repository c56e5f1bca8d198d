package dev.basalt.adapters.p2p.enr;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A verified Ethereum Node Record (EIP-778) with the "v4" identity scheme:
 * {@code rlp([signature, seq, k1, v1, k2, v2, ...])}, keys sorted and unique, signature
 * {@code r || s} over {@code keccak256(rlp([seq, k1, v1, ...]))}, at most 300 bytes.
 * Values are kept as their RLP encodings so unknown entries (e.g. {@code eth}) survive verbatim.
 */
public final class Enr {
  public static final int MAX_SIZE_BYTES = 300;
  public static final String TEXT_PREFIX = "enr:";

  private final long seq;
  private final TreeMap<String, byte[]> pairs;
  private final byte[] signature;
  private final byte[] encoded;
  private final ECPoint publicKey;
  private final NodeId nodeId;

  private Enr(long seq, TreeMap<String, byte[]> pairs, byte[] signature, byte[] encoded, ECPoint publicKey) {
    this.seq = seq;
    this.pairs = pairs;
    this.signature = signature;
    this.encoded = encoded;
    this.publicKey = publicKey;
    this.nodeId = NodeId.of(publicKey);
  }

  // ---- parsing ----

  /** Parses the {@code enr:} base64url text form (padding optional). */
  public static Enr fromText(String text) throws EnrException {
    String t = text.strip();
    if (!t.startsWith(TEXT_PREFIX)) {
      throw new EnrException("ENR text must start with 'enr:'");
    }
    try {
      String b64 = t.substring(TEXT_PREFIX.length());
      while (b64.endsWith("=")) {
        b64 = b64.substring(0, b64.length() - 1);
      }
      return decode(Base64.getUrlDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw new EnrException("ENR text is not base64url: " + e.getMessage());
    }
  }

  public static Enr decode(byte[] rlp) throws EnrException {
    if (rlp.length > MAX_SIZE_BYTES) {
      throw new EnrException("ENR larger than 300 bytes: " + rlp.length);
    }
    return fromItem(Rlp.decodeList(rlp), rlp);
  }

  /** From an RLP list already decoded (e.g. an element of a NODES message). */
  public static Enr fromItem(Rlp.Item item) throws EnrException {
    if (!(item instanceof Rlp.ItemList list)) {
      throw new EnrException("ENR is not an RLP list");
    }
    byte[] encoded = Rlp.encode(list);
    if (encoded.length > MAX_SIZE_BYTES) {
      throw new EnrException("ENR larger than 300 bytes: " + encoded.length);
    }
    return fromItem(list, encoded);
  }

  private static Enr fromItem(Rlp.ItemList list, byte[] encoded) throws EnrException {
    if (list.size() < 2 || list.size() % 2 != 0) {
      throw new EnrException("ENR must hold a signature, a sequence number and key/value pairs");
    }
    byte[] signature = list.bytes(0).value();
    long seq = list.bytes(1).asLong();
    TreeMap<String, byte[]> pairs = new TreeMap<>();
    String previous = null;
    for (int i = 2; i < list.size(); i += 2) {
      String key = new String(list.bytes(i).value(), StandardCharsets.UTF_8);
      if (previous != null && key.compareTo(previous) <= 0) {
        throw new EnrException("ENR keys not sorted or duplicated at '" + key + "'");
      }
      previous = key;
      pairs.put(key, Rlp.encode(list.get(i + 1)));
    }
    byte[] id = valueBytes(pairs, "id");
    if (id == null || !Arrays.equals(id, "v4".getBytes(StandardCharsets.US_ASCII))) {
      throw new EnrException("ENR identity scheme is not v4");
    }
    byte[] key = valueBytes(pairs, "secp256k1");
    if (key == null || key.length != 33) {
      throw new EnrException("ENR lacks a 33-byte secp256k1 key");
    }
    ECPoint pub = Secp256k1.decodePoint(key);
    if (signature.length != 64 || !Secp256k1.verify(pub, Secp256k1.keccak256(content(seq, pairs)), signature)) {
      throw new EnrException("ENR signature invalid");
    }
    return new Enr(seq, pairs, signature, encoded, pub);
  }

  private static byte[] valueBytes(Map<String, byte[]> pairs, String key) throws EnrException {
    byte[] raw = pairs.get(key);
    if (raw == null) {
      return null;
    }
    if (Rlp.decode(raw) instanceof Rlp.Bytes b) {
      return b.value();
    }
    throw new EnrException("ENR value of '" + key + "' is a list");
  }

  private static byte[] content(long seq, TreeMap<String, byte[]> pairs) {
    List<byte[]> items = new ArrayList<>();
    items.add(Rlp.encodeLong(seq));
    for (Map.Entry<String, byte[]> e : pairs.entrySet()) {
      items.add(Rlp.encodeBytes(e.getKey().getBytes(StandardCharsets.UTF_8)));
      items.add(e.getValue());
    }
    return Rlp.encodeList(items);
  }

  // ---- building ----

  public static Builder builder() {
    return new Builder();
  }

  /** A new record with the same entries as this one but changed by {@code edit}, seq + 1, re-signed. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.seq = seq + 1;
    for (Map.Entry<String, byte[]> e : pairs.entrySet()) {
      if (!e.getKey().equals("id") && !e.getKey().equals("secp256k1")) {
        b.pairs.put(e.getKey(), e.getValue());
      }
    }
    return b;
  }

  /** Accumulates entries; {@link #sign} adds {@code id} and {@code secp256k1}. */
  public static final class Builder {
    private long seq = 1;
    private final TreeMap<String, byte[]> pairs = new TreeMap<>();

    public Builder seq(long s) {
      this.seq = s;
      return this;
    }

    public Builder ip(InetAddress address) {
      String key = address.getAddress().length == 4 ? "ip" : "ip6";
      pairs.put(key, Rlp.encodeBytes(address.getAddress()));
      return this;
    }

    public Builder tcp(int port) {
      return port(port == 0 ? null : "tcp", port);
    }

    public Builder udp(int port) {
      return port(port == 0 ? null : "udp", port);
    }

    private Builder port(String key, int port) {
      if (key != null) {
        pairs.put(key, Rlp.encodeLong(port));
      }
      return this;
    }

    public Builder opstack(OpStackEnrData data) {
      pairs.put(OpStackEnrData.KEY, data.encodeRlp());
      return this;
    }

    /** A raw entry; {@code rlpValue} is the RLP encoding of the value. */
    public Builder set(String key, byte[] rlpValue) {
      pairs.put(key, rlpValue.clone());
      return this;
    }

    public Builder remove(String key) {
      pairs.remove(key);
      return this;
    }

    public Enr sign(NodeKey key) {
      TreeMap<String, byte[]> all = new TreeMap<>(pairs);
      all.put("id", Rlp.encodeBytes("v4".getBytes(StandardCharsets.US_ASCII)));
      all.put("secp256k1", Rlp.encodeBytes(key.compressedPublicKey()));
      byte[] sig = key.sign(Secp256k1.keccak256(content(seq, all)));
      List<byte[]> items = new ArrayList<>();
      items.add(Rlp.encodeBytes(sig));
      items.add(Rlp.encodeLong(seq));
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        items.add(Rlp.encodeBytes(e.getKey().getBytes(StandardCharsets.UTF_8)));
        items.add(e.getValue());
      }
      byte[] encoded = Rlp.encodeList(items);
      if (encoded.length > MAX_SIZE_BYTES) {
        throw new IllegalArgumentException("record would exceed 300 bytes: " + encoded.length);
      }
      return new Enr(seq, all, sig, encoded, key.publicKey());
    }
  }

  // ---- accessors ----

  public long seq() {
    return seq;
  }

  public NodeId nodeId() {
    return nodeId;
  }

  public ECPoint publicKey() {
    return publicKey;
  }

  /** The 33-byte compressed key (also the libp2p identity key). */
  public byte[] compressedPublicKey() {
    return Secp256k1.compress(publicKey);
  }

  public byte[] signature() {
    return signature.clone();
  }

  /** The RLP encoding of the value of {@code key}, if present. */
  public Optional<byte[]> rawValue(String key) {
    byte[] v = pairs.get(key);
    return v == null ? Optional.empty() : Optional.of(v.clone());
  }

  public Map<String, byte[]> entries() {
    return Collections.unmodifiableMap(pairs);
  }

  public Optional<InetAddress> ip4() {
    return address("ip", 4);
  }

  public Optional<InetAddress> ip6() {
    return address("ip6", 16);
  }

  private Optional<InetAddress> address(String key, int len) {
    try {
      byte[] v = valueBytes(pairs, key);
      if (v == null || v.length != len) {
        return Optional.empty();
      }
      return Optional.of(InetAddress.getByAddress(v));
    } catch (EnrException | UnknownHostException e) {
      return Optional.empty();
    }
  }

  public Optional<Integer> tcp() {
    return port("tcp");
  }

  public Optional<Integer> udp() {
    return port("udp");
  }

  public Optional<Integer> udp6() {
    return port("udp6");
  }

  public Optional<Integer> tcp6() {
    return port("tcp6");
  }

  private Optional<Integer> port(String key) {
    try {
      byte[] v = valueBytes(pairs, key);
      if (v == null) {
        return Optional.empty();
      }
      long p = new Rlp.Bytes(v).asLong();
      return p > 0 && p <= 65535 ? Optional.of((int) p) : Optional.empty();
    } catch (EnrException e) {
      return Optional.empty();
    }
  }

  /** The UDP endpoint discovery talks to: IPv4 first, then IPv6. */
  public Optional<InetSocketAddress> udpEndpoint() {
    if (ip4().isPresent() && udp().isPresent()) {
      return Optional.of(new InetSocketAddress(ip4().get(), udp().get()));
    }
    if (ip6().isPresent() && (udp6().isPresent() || udp().isPresent())) {
      return Optional.of(new InetSocketAddress(ip6().get(), udp6().orElseGet(() -> udp().get())));
    }
    return Optional.empty();
  }

  /** The decoded {@code opstack} entry, empty when absent or malformed. */
  public Optional<OpStackEnrData> opstack() {
    byte[] raw = pairs.get(OpStackEnrData.KEY);
    if (raw == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(OpStackEnrData.decodeRlp(raw));
    } catch (EnrException e) {
      return Optional.empty();
    }
  }

  public byte[] encode() {
    return encoded.clone();
  }

  public int encodedSize() {
    return encoded.length;
  }

  public String toText() {
    return TEXT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(encoded);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Enr e && Arrays.equals(encoded, e.encoded);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(encoded);
  }

  @Override
  public String toString() {
    return "Enr[id=" + nodeId.toShortString() + ", seq=" + seq + ", udp=" + udpEndpoint().orElse(null)
        + ", tcp=" + tcp().orElse(null) + ", opstack=" + opstack().orElse(null) + "]";
  }
}
