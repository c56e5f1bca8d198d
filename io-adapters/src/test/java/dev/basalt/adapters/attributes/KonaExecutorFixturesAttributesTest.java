package dev.basalt.adapters.attributes;

import static dev.basalt.adapters.attributes.FixtureJson.byteList;
import static dev.basalt.adapters.attributes.FixtureJson.bytes;
import static dev.basalt.adapters.attributes.FixtureJson.hash;
import static dev.basalt.adapters.attributes.FixtureJson.u64;
import static dev.basalt.adapters.attributes.FixtureJson.vector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.config.EmbeddedL1Configs;
import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.payload.AttributesMatch;
import dev.basalt.core.derive.payload.AttributesMatcher;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The 15 real OP Sepolia block-building steps of kona's executor fixtures ({@code
 * vectors/i-e2e-fixtures/kona-executor-fixtures}, MANIFEST section i): for each, the preparer gets
 * the fixture's own rollup config (read by the io-adapters loader), the parent, the L1 origin and
 * the batch, and its attributes must be the fixture's {@code executing_payload} byte for byte.
 *
 * <p>Where the fixture stops, inputs are reconstructed as {@link KonaFixtureInputs} explains: the L1
 * origin's fields come from the fixture's own L1-info deposit (the excess blob gas is the one that
 * gives its blob base fee), the parent's system config from that deposit and the parent header. Where
 * INDEX.json says two fixtures chain, the parent is instead read back from the previous step's own
 * output, and that output, completed with the next fixture's execution fields, must hash to the
 * real block hash.
 */
class KonaExecutorFixturesAttributesTest {
  private static final String DIR = "i-e2e-fixtures/kona-executor-fixtures/";
  private static final L1ChainConfig SEPOLIA = EmbeddedL1Configs.forChainId(EmbeddedL1Configs.SEPOLIA).orElseThrow();
  private static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
  /** The fields a fixture's executing_payload has; each is compared below. */
  private static final List<String> FIXTURE_FIELDS = List.of("timestamp", "prevRandao", "suggestedFeeRecipient",
      "parentBeaconBlockRoot", "transactions", "gasLimit", "eip1559Params");

  @Test
  void everyFixturesAttributesAreReproducedAndChainedBlocksHashToTheRealBlock() {
    JsonNode index = vector(DIR + "INDEX.json");
    assertEquals(15, index.size());
    PayloadAttributes previous = null;
    int chainedParents = 0;
    int blockHashes = 0;
    for (int i = 0; i < index.size(); i++) {
      JsonNode entry = index.get(i);
      String file = entry.get("file").asText();
      JsonNode fixture = vector(DIR + file);
      RollupConfig rollup = KonaFixtureInputs.rollupConfig(fixture.get("rollup_config"));
      boolean chained = entry.path("chain_check").asBoolean(false);
      L2BlockInfo parent = chained
          ? KonaFixtureInputs.readBack(rollup, FixtureJson.header(fixture.get("parent_header")), previous.transactions())
          : KonaFixtureInputs.reconstructParent(rollup, fixture);
      chainedParents += chained ? 1 : 0;
      PayloadAttributes derived = derive(rollup, parent, fixture, file);
      assertMatchesFixture(fixture.get("executing_payload"), derived, file);
      if (entry.path("next_fixture_txroot_check").asBoolean(false)) {
        JsonNode next = vector(DIR + index.get(i + 1).get("file").asText());
        assertTheRealBlockIsBuiltFrom(rollup, derived, parent, FixtureJson.header(next.get("parent_header")), entry, file);
        blockHashes++;
      }
      previous = derived;
    }
    // 22884230 -> 22884231 and 26207960 -> 61 -> 62 -> 63 (INDEX.json).
    assertEquals(4, chainedParents);
    assertEquals(4, blockHashes);
  }

  /** Prepares the block and appends the batch: every transaction after the (only) deposit. */
  private static PayloadAttributes derive(RollupConfig rollup, L2BlockInfo parent, JsonNode fixture, String file) {
    JsonNode ep = fixture.get("executing_payload");
    List<Bytes> txs = byteList(ep.get("transactions"));
    PrepareOutcome outcome = new StatefulAttributesPreparer(rollup, SEPOLIA)
        .prepare(parent, KonaFixtureInputs.origin(fixture), u64(ep.get("timestamp")));
    PrepareOutcome.Prepared prepared = assertInstanceOf(PrepareOutcome.Prepared.class, outcome, () -> file + ": " + outcome);
    assertEquals(1, prepared.attributes().transactions().size(), file + ": no user deposits, no upgrade on these blocks");
    List<Bytes> batch = txs.subList(1, txs.size());
    batch.forEach(tx -> assertNotEquals(DepositTransaction.TYPE, tx.get(0) & 0xff, file + ": batch transactions are not deposits"));
    List<Bytes> all = new ArrayList<>(prepared.attributes().transactions());
    all.addAll(batch);
    return prepared.attributes().withTransactions(all, true);
  }

  private static void assertMatchesFixture(JsonNode ep, PayloadAttributes a, String file) {
    List<String> fields = new ArrayList<>();
    ep.fieldNames().forEachRemaining(fields::add);
    assertEquals(FIXTURE_FIELDS, fields, file + ": every field of the fixture is compared");
    assertEquals(u64(ep.get("timestamp")), a.timestamp(), file);
    assertEquals(hash(ep.get("prevRandao")), a.prevRandao(), file);
    assertEquals(Address.fromHex(ep.get("suggestedFeeRecipient").asText()), a.suggestedFeeRecipient(), file);
    assertEquals(Optional.of(hash(ep.get("parentBeaconBlockRoot"))), a.parentBeaconBlockRoot(), file);
    List<Bytes> expectedTxs = byteList(ep.get("transactions"));
    assertEquals(expectedTxs.get(0), a.transactions().get(0), file + ": the L1-info deposit, byte for byte");
    assertEquals(expectedTxs, a.transactions(), file);
    assertEquals(u64(ep.get("gasLimit")), a.gasLimit(), file);
    assertEquals(Optional.of(bytes(ep.get("eip1559Params"))), a.eip1559Params(), file);
    // Not in the fixture (kona's executor ignores them); the protocol's values for a Holocene block.
    assertEquals(SEQUENCER_FEE_VAULT, a.suggestedFeeRecipient(), file);
    assertEquals(Optional.of(List.of()), a.withdrawals(), file);
    assertTrue(a.noTxPool(), file);
    assertEquals(OptionalLong.empty(), a.minBaseFee(), file);
  }

  /**
   * The next fixture's parent is this block. Its header, with every field derivation decides taken
   * from our attributes and only execution results from the real header, must hash to the real
   * block hash; the real block must match the attributes as the engine controller will check.
   */
  private static void assertTheRealBlockIsBuiltFrom(RollupConfig rollup, PayloadAttributes a, L2BlockInfo parent, BlockHeader real,
      JsonNode entry, String file) {
    assertEquals(real.transactionsRoot(), OrderedTrie.root(a.transactions()), file + ": transactions root");
    BlockHeader ours = new BlockHeader(parent.ref().hash(), real.ommersHash(), a.suggestedFeeRecipient(), real.stateRoot(),
        OrderedTrie.root(a.transactions()), real.receiptsRoot(), real.logsBloom(), real.difficulty(), parent.ref().number() + 1,
        a.gasLimit(), real.gasUsed(), a.timestamp(), FeeParamsExtraData.forAttributes(rollup, a.eip1559Params(), a.minBaseFee()),
        a.prevRandao(), real.nonce(), real.baseFeePerGas(), OrderedTrie.root(List.of()), real.blobGasUsed(), real.excessBlobGas(),
        a.parentBeaconBlockRoot().orElseThrow(), real.requestsHash());
    assertEquals(hash(entry.get("expected_block_hash")), ours.hash(), file + ": block hash");
    ExecutionPayloadEnvelope block = new ExecutionPayloadEnvelope(FixtureJson.payload(real, a.transactions()),
        Optional.of(real.parentBeaconBlockRoot()));
    AttributesMatch match = AttributesMatcher.check(rollup, a, parent.ref().hash(), block);
    assertTrue(match.isMatch(), () -> file + ": " + match);
  }

  @Test
  void theReconstructedL1OriginsCarryTheFixturesBlobBaseFees() {
    // The Holocene-era fixtures predate Sepolia's Prague: their blob base fees are Cancun's, from
    // excess blob gas that is a whole number of blobs (checked here independently of the preparer).
    JsonNode fixture = vector(DIR + "block-22880574.fixture.json");
    L1BlockInfo info = L1InfoCalldata.decode(
        DepositTransaction.decode(byteList(fixture.get("executing_payload").get("transactions")).get(0)).data());
    assertEquals(323_086_530_040L, info.blobBaseFee().longValueExact());
    assertEquals(675 * 131_072L, KonaFixtureInputs.origin(fixture).excessBlobGas().getAsLong());
  }
}
