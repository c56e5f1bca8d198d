package dev.basalt.testdata.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.basalt.core.rlp.RlpException;
import dev.basalt.core.rlp.RlpReader;

class RlpFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void readerNeverThrowsAnythingButRlpException(byte[] input) {
    try {
      RlpReader r = new RlpReader(input);
      while (r.hasNext()) {
        if (r.peekKind() == RlpReader.Kind.LIST) {
          r.readList();
        } else {
          r.readBytes();
        }
      }
    } catch (RlpException expected) {
      // Malformed input is reported, never anything else.
    }
  }
}
