package dev.basalt.testdata.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.basalt.core.block.BlockHeaderCodec;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.ConfigCodec;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.deposit.DepositLogs;
import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.tx.ReceiptCodec;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.util.ArrayList;
import java.util.List;

/**
 * Protocol decoders fed arbitrary bytes. Each may only succeed or throw {@link DecodeException}
 * (which covers {@code RlpException}); result values report everything else.
 */
class DecoderFuzzTest {
  private static final String DURATION = "30s";

  @FuzzTest(maxDuration = DURATION)
  void transactions(byte[] input) {
    try {
      TxCodec.decode(input);
    } catch (DecodeException expected) {
      // malformed transaction
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void depositTransactions(byte[] input) {
    try {
      DepositTransaction.decode(input);
    } catch (DecodeException expected) {
      // malformed deposit
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void blockHeaders(byte[] input) {
    try {
      BlockHeaderCodec.decode(input);
    } catch (DecodeException expected) {
      // malformed header
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void receipts(byte[] input) {
    try {
      ReceiptCodec.decode(input);
    } catch (DecodeException expected) {
      // malformed receipt
    }
  }

  @FuzzTest(maxDuration = DURATION)
  void l1InfoCalldata(byte[] input) {
    try {
      L1InfoCalldata.decode(Bytes.of(input));
    } catch (DecodeException expected) {
      // not an L1-info call
    }
  }

  /** Deposit and config-update logs: a result value for every input, never an exception. */
  @FuzzTest(maxDuration = DURATION)
  void portalAndSystemConfigLogs(FuzzedDataProvider data) {
    List<Hash32> topics = new ArrayList<>();
    int topicCount = data.consumeInt(0, 4);
    for (int i = 0; i < topicCount; i++) {
      topics.add(Hash32.wrap(fixed(data.consumeBytes(32), 32)));
    }
    Address emitter = Address.wrap(fixed(data.consumeBytes(20), 20));
    Log log = new Log(emitter, topics, Bytes.of(data.consumeRemainingAsBytes()));
    DepositLogs.decode(log, Hash32.ZERO, 7);
    ConfigUpdateParser.parse(log);
  }

  /** The binary codecs the journal and snapshots rely on. */
  @FuzzTest(maxDuration = DURATION)
  void coreValueCodecs(byte[] input) {
    for (int which = 0; which < 4; which++) {
      try {
        BinaryReader r = new BinaryReader(input);
        switch (which) {
          case 0 -> ValueCodec.readCoreConfig(r);
          case 1 -> ValueCodec.readL1Block(r);
          case 2 -> ConfigCodec.readRollupConfig(r);
          default -> ConfigCodec.readL1ChainConfig(r);
        }
      } catch (DecodeException expected) {
        // malformed encoding
      }
    }
  }

  private static byte[] fixed(byte[] bytes, int length) {
    byte[] out = new byte[length];
    System.arraycopy(bytes, 0, out, 0, Math.min(bytes.length, length));
    return out;
  }
}
