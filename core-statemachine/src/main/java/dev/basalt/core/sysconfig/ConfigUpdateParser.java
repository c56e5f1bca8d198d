package dev.basalt.core.sysconfig;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Parses {@code ConfigUpdate} logs as op-node's {@code ProcessSystemConfigUpdateLogEvent} and its
 * {@code parseSystemConfigUpdate*} functions do. The data is {@code abi.encode(bytes)}: an offset
 * word that must be 32, a length word that must be the payload length (64 for fee scalars, 32
 * otherwise), the payload, and nothing after it; narrow payload types need zero padding.
 *
 * <p>Differences from kona on malformed input: kona reads the update type from the last 8 bytes
 * of topic 2 and accepts more than three topics, op-node compares all 32 bytes and wants exactly
 * three; kona rejects EIP-1559 payloads wider than a u64, op-node uses only the low 8 bytes but
 * rejects a zero denominator with non-zero elasticity and vice versa; kona reads the operator
 * fee exactly as op-node does (bytes 20..24 scalar, 24..32 constant, upper bytes ignored). This
 * class follows op-node.
 *
 * <p>One rule is inferred rather than read: op-node parses the DA-footprint scalar with {@code
 * solabi.ReadUint16}, whose source was not among the stored copies; like its {@code ReadUint64}
 * and {@code ReadAddress}, and like kona's {@code abi_decode_validate}, it is taken to require the
 * 30 padding bytes to be zero.
 */
public final class ConfigUpdateParser {
  /** keccak256("ConfigUpdate(uint256,uint8,bytes)"). */
  public static final Hash32 CONFIG_UPDATE_TOPIC =
      Hash32.fromHex("0x1d2b0bda21d56b8bd12d4f94ebacffdfb35f5e226f84b461103bb8beab6353be");

  private ConfigUpdateParser() {}

  /** Parses a log already known to come from the SystemConfig contract. */
  public static ParsedConfigUpdate parse(Log log) {
    List<Hash32> topics = log.topics();
    if (topics.size() != 3) {
      return rejected(ConfigUpdateError.TOPIC_COUNT, "expected 3 topics, got " + topics.size());
    }
    if (!topics.get(0).equals(CONFIG_UPDATE_TOPIC)) {
      return rejected(ConfigUpdateError.NOT_CONFIG_UPDATE_EVENT, "topic 0 is " + topics.get(0));
    }
    if (!topics.get(1).isZero()) {
      return rejected(ConfigUpdateError.UNKNOWN_VERSION, "version " + topics.get(1));
    }
    ConfigUpdateType type = typeOf(topics.get(2));
    if (type == null) {
      return rejected(ConfigUpdateError.UNKNOWN_TYPE, "update type " + topics.get(2));
    }
    return parsePayload(type, log.data().toArray());
  }

  /** The update type named by a whole 32-byte topic, or null when it names none. */
  static ConfigUpdateType typeOf(Hash32 topic) {
    for (int i = 0; i < Hash32.LENGTH - 1; i++) {
      if (topic.get(i) != 0) {
        return null;
      }
    }
    return ConfigUpdateType.ofCode(topic.get(Hash32.LENGTH - 1) & 0xff);
  }

  /** Parses the ABI-encoded {@code bytes data} of an update of {@code type}. */
  public static ParsedConfigUpdate parsePayload(ConfigUpdateType type, byte[] data) {
    AbiWords in = new AbiWords(data);
    Long pointer = in.uint64();
    if (pointer == null || pointer != AbiWords.WORD) {
      return rejected(ConfigUpdateError.INVALID_POINTER, "offset word is not 32");
    }
    long expectedLength = type == ConfigUpdateType.FEE_SCALARS ? 2 * AbiWords.WORD : AbiWords.WORD;
    Long length = in.uint64();
    if (length == null || length != expectedLength) {
      return rejected(ConfigUpdateError.INVALID_LENGTH, "length word is not " + expectedLength);
    }
    ParsedConfigUpdate parsed = readValue(type, in);
    if (parsed instanceof ParsedConfigUpdate.Parsed && in.remaining() != 0) {
      return rejected(ConfigUpdateError.TOO_MANY_BYTES, in.remaining() + " bytes after the payload");
    }
    return parsed;
  }

  private static ParsedConfigUpdate readValue(ConfigUpdateType type, AbiWords in) {
    return switch (type) {
      case BATCHER -> address(in, "batcher", ConfigUpdate.Batcher::new);
      case UNSAFE_BLOCK_SIGNER -> address(in, "unsafe block signer", ConfigUpdate.UnsafeBlockSigner::new);
      case FEE_SCALARS -> feeScalars(in);
      case GAS_LIMIT -> u64(in, "gas limit", ConfigUpdate.GasLimit::new);
      case MIN_BASE_FEE -> u64(in, "min base fee", ConfigUpdate.MinBaseFee::new);
      case EIP_1559_PARAMS -> eip1559(in);
      case OPERATOR_FEE -> operatorFee(in);
      case DA_FOOTPRINT_GAS_SCALAR -> daFootprint(in);
    };
  }

  private static ParsedConfigUpdate address(AbiWords in, String what, Function<Address, ConfigUpdate> make) {
    Address a = in.address();
    return a == null ? rejected(ConfigUpdateError.INVALID_VALUE, "could not read " + what) : parsed(make.apply(a));
  }

  private static ParsedConfigUpdate u64(AbiWords in, String what, LongFunction<ConfigUpdate> make) {
    Long v = in.uint64();
    return v == null ? rejected(ConfigUpdateError.INVALID_VALUE, "could not read " + what) : parsed(make.apply(v));
  }

  private static ParsedConfigUpdate feeScalars(AbiWords in) {
    Hash32 overhead = in.word();
    Hash32 scalar = overhead == null ? null : in.word();
    if (scalar == null) {
      return rejected(ConfigUpdateError.INVALID_VALUE, "could not read overhead and scalar");
    }
    return parsed(new ConfigUpdate.FeeScalars(overhead, scalar));
  }

  /** op-node keeps only the last 8 bytes (denominator, elasticity) and checks them together. */
  private static ParsedConfigUpdate eip1559(AbiWords in) {
    Hash32 w = in.word();
    if (w == null) {
      return rejected(ConfigUpdateError.INVALID_VALUE, "could not read eip-1559 params");
    }
    long denominator = u32At(w, 24);
    long elasticity = u32At(w, 28);
    if ((denominator == 0) != (elasticity == 0)) {
      return rejected(ConfigUpdateError.INVALID_EIP1559_PARAMS,
          "denominator " + denominator + " and elasticity " + elasticity + " must both be zero or both non-zero");
    }
    return parsed(new ConfigUpdate.Eip1559Params(denominator, elasticity));
  }

  /** Packed as {@code uint256(scalar) << 64 | constant}; bytes 0..20 are ignored, as op-node does. */
  private static ParsedConfigUpdate operatorFee(AbiWords in) {
    Hash32 w = in.word();
    if (w == null) {
      return rejected(ConfigUpdateError.INVALID_VALUE, "could not read operator fee params");
    }
    long constant = new BinaryReader(w.toArray(), 24, 8).i64();
    return parsed(new ConfigUpdate.OperatorFee(u32At(w, 20), constant));
  }

  private static ParsedConfigUpdate daFootprint(AbiWords in) {
    Integer v = in.uint16();
    return v == null
        ? rejected(ConfigUpdateError.INVALID_VALUE, "could not read DA footprint gas scalar")
        : parsed(new ConfigUpdate.DaFootprintGasScalar(v));
  }

  private static long u32At(Hash32 w, int offset) {
    return new BinaryReader(w.toArray(), offset, 4).i32() & 0xffff_ffffL;
  }

  private static ParsedConfigUpdate parsed(ConfigUpdate update) {
    return new ParsedConfigUpdate.Parsed(update);
  }

  private static ParsedConfigUpdate rejected(ConfigUpdateError error, String detail) {
    return new ParsedConfigUpdate.Rejected(error, detail);
  }
}
