package dev.basalt.testdata.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoDeposit;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.l1info.L1OriginFields;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Unsigned;
import dev.basalt.testdata.vectors.Vectors;
import org.junit.jupiter.api.Test;

/**
 * The L1-attributes deposit at the head of each of the 15 real OP Sepolia payloads in kona's
 * executor fixtures: decoded, re-encoded byte for byte, its source hash, and rebuilt from scratch
 * by {@link L1InfoDeposit#build} from the fixture's rollup config and the decoded values.
 */
class KonaExecutorFixturesTest {

  @Test
  void everyFixturesL1InfoDepositDecodesReencodesAndRebuilds() {
    JsonNode index = Vectors.json("l1info/kona-executor-fixtures/INDEX.json");
    assertEquals(15, index.size());
    for (JsonNode entry : index) {
      String file = entry.get("file").asText();
      JsonNode fixture = Vectors.json("l1info/kona-executor-fixtures/" + file);
      RollupConfig rollup = KonaRollupConfigs.fromJson(fixture.get("rollup_config"));
      JsonNode payload = fixture.get("executing_payload");
      long timestamp = Unsigned.parse(payload.get("timestamp").asText());
      Bytes raw = Bytes.fromHex(payload.get("transactions").get(0).asText());

      DepositTransaction tx = DepositTransaction.decode(raw);
      assertEquals(raw, tx.encode(), file);
      assertEquals(Hash32.fromHex(entry.get("l1_info_tx_hash_by_crosscheck").asText()), tx.txHash(), file);
      L1InfoForm form = L1InfoForm.forBlock(rollup, timestamp);
      assertEquals(L1InfoForm.ECOTONE, form, file + " is Holocene era");
      L1BlockInfo info = L1InfoDeposit.parse(tx, form);
      assertEquals(SourceHash.l1Info(info.blockHash(), info.sequenceNumber()), tx.sourceHash(), file);
      assertEquals(Hash32.fromHex(entry.get("l1_info_source_hash").asText()), tx.sourceHash(), file);
      assertEquals(L1InfoDeposit.DEPOSITOR, tx.from(), file);
      assertEquals(L1InfoDeposit.L1_BLOCK_PREDEPLOY, tx.to(), file);
      assertEquals(L1InfoDeposit.REGOLITH_SYSTEM_TX_GAS, tx.gasLimit(), file);
      assertFalse(tx.isSystemTx(), file);

      SystemConfig system = new SystemConfig(info.batcherAddress(), Hash32.ZERO,
          EcotoneScalar.encode(info.blobBaseFeeScalar(), info.baseFeeScalar()), 30_000_000, 0, 0, 0, 0, 0, 0);
      L1OriginFields l1 = new L1OriginFields(info.number(), info.timestamp(), info.baseFee(), info.blockHash(), info.blobBaseFee());
      assertEquals(raw, L1InfoDeposit.build(rollup, system, l1, info.sequenceNumber(), timestamp).encode(), file + " rebuilt");
    }
  }
}
