package dev.basalt.core.config;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * Hand-typed configs for core tests. Values are OP Mainnet's and Ethereum's, copied from the
 * superchain registry ({@code superchain/configs/mainnet/op.toml} @ 8336d2ae) and go-ethereum
 * ({@code params/config.go} @ 02b73d4e); the loaders in io-adapters check the same numbers
 * against the files themselves.
 */
public final class SampleConfigs {
  private SampleConfigs() {}

  public static SystemConfig opMainnetGenesisSystemConfig() {
    return new SystemConfig(
        Address.fromHex("0x6887246668a3b87F54DeB3b94Ba47a6f63F32985"),
        Hash32.fromHex("0x00000000000000000000000000000000000000000000000000000000000000bc"),
        Hash32.fromHex("0x00000000000000000000000000000000000000000000000000000000000a6fe0"),
        30_000_000, 0, 0, 0, 0, 0, 0);
  }

  public static ForkSchedule opMainnetForks() {
    return ForkSchedule.builder()
        .at(Fork.REGOLITH, 0)
        .at(Fork.CANYON, 1704992401)
        .at(Fork.DELTA, 1708560000)
        .at(Fork.ECOTONE, 1710374401)
        .at(Fork.FJORD, 1720627201)
        .at(Fork.GRANITE, 1726070401)
        .at(Fork.HOLOCENE, 1736445601)
        .at(Fork.ISTHMUS, 1746806401)
        .at(Fork.JOVIAN, 1764691201)
        .at(Fork.KARST, 1783526401)
        .build();
  }

  public static RollupConfig opMainnet() {
    ChainGenesis genesis = new ChainGenesis(
        new BlockId(Hash32.fromHex("0x438335a20d98863a4c0c97999eb2481921ccd28553eac6f913af7c12aec04108"), 17422590),
        new BlockId(Hash32.fromHex("0xdbf6a80fef073de06add9b0d14026d6e5a86c85f6d102c36d3d8e9cf89c2afd3"), 105235063),
        1686068903,
        opMainnetGenesisSystemConfig());
    return new RollupConfig(1, 10, genesis, 2, 600, 3600, 300,
        Address.fromHex("0xFF00000000000000000000000000000000000010"),
        Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed"),
        Address.fromHex("0x229047fed2591dbec1eF1118d64F7aF3dB9EB290"),
        opMainnetForks(), -1, new Eip1559Params(6, 50, 250), true);
  }

  /** Ethereum mainnet's blob schedule (go-ethereum {@code MainnetChainConfig}). */
  public static L1ChainConfig ethereumMainnet() {
    return new L1ChainConfig(1, List.of(
        L1ForkActivation.of(L1Fork.CANCUN, 1710338135, BlobParams.CANCUN),
        L1ForkActivation.of(L1Fork.PRAGUE, 1746612311, BlobParams.PRAGUE),
        L1ForkActivation.withoutBlobChange(L1Fork.OSAKA, 1764798551),
        L1ForkActivation.of(L1Fork.BPO1, 1765290071, new BlobParams(10, 15, 8346193)),
        L1ForkActivation.of(L1Fork.BPO2, 1767747671, new BlobParams(14, 21, 11684671))));
  }

  /** Sepolia's blob schedule (go-ethereum {@code SepoliaChainConfig}). */
  public static L1ChainConfig sepolia() {
    return new L1ChainConfig(11155111, List.of(
        L1ForkActivation.of(L1Fork.CANCUN, 1706655072, BlobParams.CANCUN),
        L1ForkActivation.of(L1Fork.PRAGUE, 1741159776, BlobParams.PRAGUE),
        L1ForkActivation.withoutBlobChange(L1Fork.OSAKA, 1760427360),
        L1ForkActivation.of(L1Fork.BPO1, 1761017184, new BlobParams(10, 15, 8346193)),
        L1ForkActivation.of(L1Fork.BPO2, 1761607008, new BlobParams(14, 21, 11684671))));
  }
}
