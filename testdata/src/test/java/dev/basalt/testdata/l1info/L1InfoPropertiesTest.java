package dev.basalt.testdata.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.deposit.Garbage;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Seeded round trips of every L1-info form, and mutated calldata that must decode or be rejected. */
class L1InfoPropertiesTest {
  private static final long SEED = 0x5EED_D3_0002L;

  static L1BlockInfo randomInfo(SimRng rng, L1InfoForm form) {
    L1BlockInfo.Common c = new L1BlockInfo.Common(rng.nextLong(), rng.nextLong(), u256(rng), Hash32.wrap(rng.bytes(32)),
        rng.nextLong(), Address.wrap(rng.bytes(20)));
    return switch (form) {
      case BEDROCK -> L1BlockInfo.bedrock(c, Hash32.wrap(rng.bytes(32)), Hash32.wrap(rng.bytes(32)));
      case ECOTONE -> L1BlockInfo.ecotone(c, u256(rng), u32(rng), u32(rng));
      case ISTHMUS -> L1BlockInfo.isthmus(c, u256(rng), u32(rng), u32(rng), u32(rng), rng.nextLong());
      case JOVIAN -> L1BlockInfo.jovian(c, u256(rng), u32(rng), u32(rng), u32(rng), rng.nextLong(), rng.nextInt(0x10000));
    };
  }

  private static BigInteger u256(SimRng rng) {
    return new BigInteger(1, rng.bytes(rng.nextInt(33)));
  }

  private static long u32(SimRng rng) {
    return rng.nextLong() & 0xffff_ffffL;
  }

  @Test
  void everyFormRoundTrips() {
    SimRng rng = new SimRng(SEED).fork("l1info-roundtrip");
    for (int i = 0; i < 2_000; i++) {
      L1InfoForm form = L1InfoForm.values()[i % L1InfoForm.values().length];
      L1BlockInfo info = randomInfo(rng, form);
      Bytes calldata = L1InfoCalldata.encode(info);
      assertEquals(form.length(), calldata.length());
      assertEquals(info, L1InfoCalldata.decode(calldata), "case " + i);
      assertEquals(info, L1InfoCalldata.decode(calldata, form), "case " + i);
    }
  }

  @Test
  void mutatedCalldataDecodesCanonicallyOrIsRejected() {
    SimRng rng = new SimRng(SEED).fork("l1info-garbage");
    for (int i = 0; i < 5_000; i++) {
      L1InfoForm form = L1InfoForm.values()[rng.nextInt(L1InfoForm.values().length)];
      byte[] input = Garbage.mutate(rng, L1InfoCalldata.encode(randomInfo(rng, form)).toArray());
      try {
        L1BlockInfo info = L1InfoCalldata.decode(Bytes.of(input));
        assertEquals(Bytes.of(input), L1InfoCalldata.encode(info), "case " + i);
      } catch (DecodeException expected) {
        // wrong length, selector or padding
      }
    }
  }
}
