package dev.basalt.testdata.deposit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.deposit.DecodedDepositLog;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.deposit.SourceHash;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.testdata.vectors.Vectors;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source hashes, raw deposit transactions and deposit logs from vectors/deposits. */
class DepositVectorsTest {

  @Test
  void sourceHashesOfEveryDomain() {
    JsonNode vectors = Vectors.json("deposits/deposit_source_hash_vectors.json").get("vectors");
    int checked = 0;
    for (JsonNode v : vectors) {
      String kind = v.get("kind").asText();
      Hash32 expected = Hash32.fromHex(v.get("expected").asText());
      Hash32 actual;
      if (kind.startsWith("upgrade")) {
        actual = SourceHash.upgrade(v.get("intent").asText());
      } else if (kind.startsWith("l1-info")) {
        actual = SourceHash.l1Info(Hash32.fromHex(v.get("l1_block_hash").asText()), v.get("seq_number").asLong());
      } else if (kind.startsWith("after-force-include")) {
        actual = SourceHash.afterForceInclude(Hash32.fromHex(v.get("l1_block_hash").asText()), v.get("seq_number").asLong());
      } else if (kind.startsWith("user deposit")) {
        actual = SourceHash.userDeposit(Hash32.fromHex(v.get("l1_block_hash").asText()), v.get("log_index").asLong());
      } else {
        throw new AssertionError("unknown kind " + kind);
      }
      assertEquals(expected, actual, kind);
      checked++;
    }
    assertEquals(6, checked);
  }

  @Test
  void rawDepositTransactionsRoundTripAndHash() {
    for (JsonNode v : Vectors.json("deposits/deposit_tx_raw_vectors.json").get("vectors")) {
      String name = v.get("name").asText();
      Bytes raw = Bytes.fromHex(v.get("raw_tx_hex").asText());
      if (name.endsWith("_THIRD_PARTY")) {
        // The unverified Base sample carries 8 bytes after its RLP list (the list header says
        // 262 bytes, 274 are given), so it is no valid encoding; geth rejects it the same way.
        assertThrows(DecodeException.class, () -> DepositTransaction.decode(raw), name);
        continue;
      }
      DepositTransaction tx = DepositTransaction.decode(raw);
      assertEquals(raw, tx.encode(), name);
      JsonNode expected = v.get("expected");
      JsonNode cross = v.get("crosscheck_decoded");
      String hash = expected != null && expected.has("tx_hash") ? expected.get("tx_hash").asText() : cross.get("tx_hash").asText();
      assertEquals(Hash32.fromHex(hash), tx.txHash(), name);
      assertEquals(Hash32.fromHex(cross.get("sourceHash").asText()), tx.sourceHash(), name);
      assertEquals(Address.fromHex(cross.get("from").asText()), tx.from(), name);
      assertEquals(Address.fromHex(cross.get("to").asText()), tx.to(), name);
      assertEquals(cross.get("gas").asLong(), tx.gasLimit(), name);
      assertEquals(cross.get("isSystemTx").asInt() == 1, tx.isSystemTx(), name);
      L1BlockInfo info = L1InfoCalldata.decode(tx.data());
      assertEquals(tx.data(), L1InfoCalldata.encode(info), name);
      assertEquals(cross.get("l1info").get("number").asLong(), info.number(), name);
      assertEquals(cross.get("l1info").get("sequenceNumber").asLong(), info.sequenceNumber(), name);
      assertEquals(SourceHash.l1Info(info.blockHash(), info.sequenceNumber()), tx.sourceHash(), name + " is an L1-info deposit");
      if (expected != null && expected.has("l1BaseFee")) {
        assertEquals(BigInteger.valueOf(expected.get("l1BaseFee").asLong()), info.baseFee(), name);
      }
      if (expected != null && expected.has("l1FeeOverhead")) {
        assertEquals(Hash32.fromHex(word(expected.get("l1FeeOverhead").asLong())), info.l1FeeOverhead(), name);
        assertEquals(Hash32.fromHex(word(expected.get("l1FeeScalar").asLong())), info.l1FeeScalar(), name);
      }
      if (expected != null && expected.has("baseFeeScalar")) {
        assertEquals(expected.get("baseFeeScalar").asLong(), info.baseFeeScalar(), name);
        assertEquals(expected.get("blobBaseFeeScalar").asLong(), info.blobBaseFeeScalar(), name);
        assertEquals(BigInteger.valueOf(expected.get("blobBaseFee").asLong()), info.blobBaseFee(), name);
      }
    }
  }

  private static String word(long v) {
    return String.format("0x%064x", v);
  }

  @Test
  void transactionDepositedLogsGiveTheExpectedDeposits() {
    List<String> names = new ArrayList<>();
    for (JsonNode v : Vectors.json("deposits/transaction_deposited_log_vectors.json").get("vectors")) {
      String name = v.get("name").asText();
      names.add(name);
      JsonNode log = v.get("log");
      List<Hash32> topics = new ArrayList<>();
      log.get("topics").forEach(t -> topics.add(Hash32.fromHex(t.asText())));
      Address emitter = log.has("address") ? Address.fromHex(log.get("address").asText()) : Address.ZERO;
      Hash32 blockHash = Hash32.fromHex(v.has("l1_block_hash") ? v.get("l1_block_hash").asText() : log.get("blockHash").asText());
      long logIndex = v.has("log_index") ? v.get("log_index").asLong() : log.get("logIndex").asLong();
      DepositTransaction tx = assertInstanceOf(DecodedDepositLog.Valid.class,
          DepositLogs.decode(new Log(emitter, topics, Bytes.fromHex(log.get("data").asText())), blockHash, logIndex), name).deposit();
      if (v.has("expected_deposit_tx_2718")) {
        assertEquals(Bytes.fromHex(v.get("expected_deposit_tx_2718").asText()), tx.encode(), name);
      } else {
        JsonNode e = v.get("expected");
        assertEquals(Address.fromHex(e.get("from").asText()), tx.from(), name);
        assertEquals(Address.fromHex(e.get("to").asText()), tx.to(), name);
        assertEquals(new BigInteger(e.get("mint").asText()), tx.mint(), name);
        assertEquals(new BigInteger(e.get("value").asText()), tx.value(), name);
        assertEquals(e.get("gas").asLong(), tx.gasLimit(), name);
        assertEquals(e.get("isCreation").asBoolean(), tx.isCreation(), name);
        assertEquals(Bytes.fromHex(e.get("data").asText()), tx.data(), name);
        assertEquals(SourceHash.userDeposit(blockHash, logIndex), tx.sourceHash(), name);
      }
    }
    assertEquals(List.of("kona_empty_opaque_data", "kona_full_opaque_data_creation", "hildr_eth_deposit"), names);
  }

  @Test
  void aCreationFlagDropsTheTopicTo() {
    JsonNode v = Vectors.json("deposits/transaction_deposited_log_vectors.json").get("vectors").get(1);
    Bytes encoded = Bytes.fromHex(v.get("expected_deposit_tx_2718").asText());
    assertNull(DepositTransaction.decode(encoded).to());
  }
}
