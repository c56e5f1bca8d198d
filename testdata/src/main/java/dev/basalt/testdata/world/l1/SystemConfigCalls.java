package dev.basalt.testdata.world.l1;

import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.math.BigInteger;
import java.util.List;

/**
 * The owner's calls to the SystemConfig contract and the {@code ConfigUpdate(uint256 indexed
 * version, uint8 indexed updateType, bytes data)} logs they emit (specs {@code system-config.md}):
 * version 0, {@code data = abi.encode(bytes payload)} with the payload laid out per update type.
 */
public final class SystemConfigCalls {
  private SystemConfigCalls() {}

  /** The {@code ConfigUpdate} log the contract at {@code systemConfig} emits for {@code update}. */
  public static Log log(Address systemConfig, ConfigUpdate update) {
    List<Hash32> topics = List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, Abi.topic(update.type().code()));
    return new Log(systemConfig, topics, Bytes.wrapOwned(Abi.encodeBytes(payload(update))));
  }

  /** The ABI payload of one update (one word, two for fee scalars). */
  static byte[] payload(ConfigUpdate update) {
    return switch (update) {
      case ConfigUpdate.Batcher b -> Abi.word(b.batcher());
      case ConfigUpdate.FeeScalars f -> Abi.concat(f.overhead().toArray(), f.scalar().toArray());
      case ConfigUpdate.GasLimit g -> Abi.word(g.gasLimit());
      case ConfigUpdate.UnsafeBlockSigner s -> Abi.word(s.signer());
      case ConfigUpdate.Eip1559Params e -> Abi.word(BigInteger.valueOf(e.denominator()).shiftLeft(32).or(BigInteger.valueOf(e.elasticity())));
      case ConfigUpdate.OperatorFee o ->
          Abi.word(BigInteger.valueOf(o.scalar()).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(o.constant()))));
      case ConfigUpdate.MinBaseFee m -> Abi.word(m.minBaseFee());
      case ConfigUpdate.DaFootprintGasScalar d -> Abi.word(d.scalar());
    };
  }

  /** The owner's calldata for {@code update} (the setter the contract exposes for it). */
  public static Bytes calldata(ConfigUpdate update) {
    byte[] args = payload(update);
    String signature = switch (update) {
      case ConfigUpdate.Batcher b -> "setBatcherHash(bytes32)";
      case ConfigUpdate.FeeScalars f -> "setGasConfig(uint256,uint256)";
      case ConfigUpdate.GasLimit g -> "setGasLimit(uint64)";
      case ConfigUpdate.UnsafeBlockSigner s -> "setUnsafeBlockSigner(address)";
      case ConfigUpdate.Eip1559Params e -> "setEIP1559Params(uint32,uint32)";
      case ConfigUpdate.OperatorFee o -> "setOperatorFeeScalars(uint32,uint64)";
      case ConfigUpdate.MinBaseFee m -> "setMinBaseFee(uint64)";
      case ConfigUpdate.DaFootprintGasScalar d -> "setDAFootprintGasScalar(uint16)";
    };
    return Bytes.wrapOwned(Abi.concat(Abi.selector(signature), args));
  }
}
