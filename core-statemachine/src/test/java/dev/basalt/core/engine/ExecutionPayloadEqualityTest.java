package dev.basalt.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The written-out {@link ExecutionPayload#equals} against a record's component-wise equality, component by component. */
class ExecutionPayloadEqualityTest {
  private static final RecordComponent[] COMPONENTS = ExecutionPayload.class.getRecordComponents();

  private static byte[] bytes(SplittableRandom random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /** A fresh value of the component's type (a new instance even when equal to another). */
  private static Object value(String name, SplittableRandom random) {
    return switch (name) {
      case "parentHash", "stateRoot", "receiptsRoot", "prevRandao", "blockHash" -> Hash32.wrap(bytes(random, 32));
      case "feeRecipient" -> Address.wrap(bytes(random, 20));
      case "logsBloom" -> Bytes.wrapOwned(bytes(random, 256));
      case "extraData" -> Bytes.wrapOwned(bytes(random, random.nextInt(20)));
      case "blockNumber", "gasLimit", "gasUsed", "timestamp" -> random.nextLong(1_000_000);
      case "baseFeePerGas" -> BigInteger.valueOf(random.nextLong(1_000_000_000));
      case "transactions" -> {
        List<Bytes> txs = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          txs.add(Bytes.wrapOwned(bytes(random, 1 + random.nextInt(50))));
        }
        yield txs;
      }
      case "withdrawals" -> random.nextBoolean() ? Optional.empty() : Optional.of(List.of());
      case "blobGasUsed", "excessBlobGas" -> random.nextBoolean() ? OptionalLong.empty() : OptionalLong.of(random.nextLong(1000));
      case "withdrawalsRoot" -> random.nextBoolean() ? Optional.empty() : Optional.of(Hash32.wrap(bytes(random, 32)));
      default -> throw new IllegalStateException("a component this test does not know: " + name);
    };
  }

  /** The same value as a new instance (so equality cannot lean on identity). */
  private static Object copy(Object v) {
    return switch (v) {
      case Hash32 h -> Hash32.wrap(h.toArray());
      case Bytes b -> Bytes.of(b.toArray());
      case BigInteger i -> new BigInteger(i.toByteArray());
      case List<?> l -> new ArrayList<>(l.stream().map(ExecutionPayloadEqualityTest::copy).toList());
      default -> v;
    };
  }

  private static ExecutionPayload build(Object[] values) throws Exception {
    Class<?>[] types = new Class<?>[COMPONENTS.length];
    for (int i = 0; i < types.length; i++) {
      types[i] = COMPONENTS[i].getType();
    }
    return ExecutionPayload.class.getDeclaredConstructor(types).newInstance(values);
  }

  private static boolean componentWise(ExecutionPayload a, ExecutionPayload b) throws Exception {
    for (RecordComponent c : COMPONENTS) {
      if (!c.getAccessor().invoke(a).equals(c.getAccessor().invoke(b))) {
        return false;
      }
    }
    return true;
  }

  @Test
  void equalExactlyWhenEveryComponentIsEqual() throws Exception {
    SplittableRandom random = new SplittableRandom(23);
    for (int round = 0; round < 300; round++) {
      Object[] values = new Object[COMPONENTS.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = value(COMPONENTS[i].getName(), random);
      }
      ExecutionPayload p = build(values);
      Object[] same = new Object[values.length];
      for (int i = 0; i < values.length; i++) {
        same[i] = copy(values[i]);
      }
      ExecutionPayload q = build(same);
      assertEquals(p, q);
      assertEquals(p.hashCode(), q.hashCode());
      for (int i = 0; i < values.length; i++) {
        Object[] changed = same.clone();
        changed[i] = value(COMPONENTS[i].getName(), random);
        ExecutionPayload r = build(changed);
        assertEquals(componentWise(p, r), p.equals(r), COMPONENTS[i].getName());
        assertEquals(componentWise(p, r), r.equals(p), COMPONENTS[i].getName());
        if (!values[i].equals(changed[i])) {
          assertNotEquals(p, r, COMPONENTS[i].getName());
        }
      }
    }
  }
}
