package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.state.StateDigest;
import org.junit.jupiter.api.Test;

/** Same inputs, same outputs: two runs over separately generated copies of a chain agree exactly. */
class PipelineDeterminismTest {
  @Test
  void sameInputsGiveTheSameResultsAndStateHash() {
    PipelineDriver a = new PipelineDriver(new SimChain(SimScenario.allForks(33))).start().runToEnd();
    PipelineDriver b = new PipelineDriver(new SimChain(SimScenario.allForks(33))).start().runToEnd();
    assertEquals(a.results, b.results);
    assertEquals(a.drops, b.drops);
    assertEquals(StateDigest.of(a.pipeline), StateDigest.of(b.pipeline));
    BinaryWriter wa = new BinaryWriter();
    BinaryWriter wb = new BinaryWriter();
    a.pipeline.writeTo(wa);
    b.pipeline.writeTo(wb);
    assertArrayEquals(wa.toByteArray(), wb.toByteArray());
    a.assertRecoveredExactly();
  }
}
