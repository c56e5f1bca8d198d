package dev.basalt.core.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.crypto.Keccak;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class L1InfoFormTest {
  @Test
  void selectorsAreTheKeccakPrefixesOfTheFunctionSignatures() {
    assertEquals(selector("setL1BlockValues(uint64,uint64,uint256,bytes32,uint64,bytes32,uint256,uint256)"), L1InfoForm.BEDROCK.selector());
    assertEquals(selector("setL1BlockValuesEcotone()"), L1InfoForm.ECOTONE.selector());
    assertEquals(selector("setL1BlockValuesIsthmus()"), L1InfoForm.ISTHMUS.selector());
    assertEquals(selector("setL1BlockValuesJovian()"), L1InfoForm.JOVIAN.selector());
    assertEquals(260, L1InfoForm.BEDROCK.length());
    assertEquals(164, L1InfoForm.ECOTONE.length());
    assertEquals(176, L1InfoForm.ISTHMUS.length());
    assertEquals(178, L1InfoForm.JOVIAN.length());
  }

  private static int selector(String signature) {
    byte[] h = Keccak.hash(signature.getBytes(StandardCharsets.UTF_8)).toArray();
    return ((h[0] & 0xff) << 24) | ((h[1] & 0xff) << 16) | ((h[2] & 0xff) << 8) | (h[3] & 0xff);
  }

  @Test
  void eachActivationBlockKeepsThePreviousForm() {
    // Canyon at 100, Delta 200, Ecotone 300, Fjord 400, ..., Isthmus 700, Jovian 800, Karst 900.
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.KARST), false);
    assertEquals(L1InfoForm.BEDROCK, L1InfoForm.forBlock(rollup, 298));
    assertEquals(L1InfoForm.BEDROCK, L1InfoForm.forBlock(rollup, 300));
    assertEquals(L1InfoForm.ECOTONE, L1InfoForm.forBlock(rollup, 302));
    assertEquals(L1InfoForm.ECOTONE, L1InfoForm.forBlock(rollup, 700));
    assertEquals(L1InfoForm.ISTHMUS, L1InfoForm.forBlock(rollup, 702));
    assertEquals(L1InfoForm.ISTHMUS, L1InfoForm.forBlock(rollup, 800));
    assertEquals(L1InfoForm.JOVIAN, L1InfoForm.forBlock(rollup, 802));
    assertEquals(L1InfoForm.JOVIAN, L1InfoForm.forBlock(rollup, 900));
    assertEquals(L1InfoForm.JOVIAN, L1InfoForm.forBlock(rollup, 902));
  }

  @Test
  void activationBetweenBlocksMakesTheNextBlockTheActivationBlock() {
    RollupConfig rollup = TestRollupConfigs.withForks(
        ForkSchedule.builder().at(Fork.REGOLITH, 0).at(Fork.CANYON, 0).at(Fork.DELTA, 0).at(Fork.ECOTONE, 401).build(), false);
    assertEquals(L1InfoForm.BEDROCK, L1InfoForm.forBlock(rollup, 402));
    assertEquals(L1InfoForm.ECOTONE, L1InfoForm.forBlock(rollup, 404));
  }

  @Test
  void forksTogetherAtOneLaterBlockUseBedrockThere() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.JOVIAN, 100), false);
    assertEquals(L1InfoForm.BEDROCK, L1InfoForm.forBlock(rollup, 100));
    assertEquals(L1InfoForm.JOVIAN, L1InfoForm.forBlock(rollup, 102));
  }

  @Test
  void forksAtGenesisAreNeverInAnActivationBlock() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.allAt(Fork.ISTHMUS, 0), false);
    assertEquals(L1InfoForm.ISTHMUS, L1InfoForm.forBlock(rollup, 2));
    assertEquals(L1InfoForm.ISTHMUS, L1InfoForm.forBlock(rollup, 0));
  }

  @Test
  void detectNeedsBothSelectorAndLength() {
    byte[] ecotone = new byte[164];
    ecotone[0] = 0x44;
    ecotone[1] = 0x0a;
    ecotone[2] = 0x5e;
    ecotone[3] = 0x20;
    assertEquals(L1InfoForm.ECOTONE, L1InfoForm.detect(ecotone));
    assertNull(L1InfoForm.detect(new byte[164]));
    assertNull(L1InfoForm.detect(Arrays.copyOf(ecotone, 176)));
    assertNull(L1InfoForm.detect(new byte[3]));
  }
}
