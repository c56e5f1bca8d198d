package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/** Packs frames into batcher transaction data: calldata payloads, or blobs. */
public final class BatcherPayloads {
  private BatcherPayloads() {}

  /**
   * Groups consecutive frames into payloads of at most {@code maxPayloadBytes} (version byte
   * included); a frame never straddles two payloads. With a limit below two frames' size this is
   * op-batcher's usual one frame per transaction.
   */
  public static List<byte[]> calldata(List<Frame> frames, int maxPayloadBytes) {
    List<byte[]> out = new ArrayList<>();
    List<Frame> current = new ArrayList<>();
    int size = 1;
    for (Frame f : frames) {
      if (1 + f.encodedLength() > maxPayloadBytes) {
        throw new IllegalArgumentException("frame of " + f.encodedLength() + " bytes does not fit a payload of " + maxPayloadBytes);
      }
      if (!current.isEmpty() && size + f.encodedLength() > maxPayloadBytes) {
        out.add(BatcherTxData.encode(current));
        current = new ArrayList<>();
        size = 1;
      }
      current.add(f);
      size += f.encodedLength();
    }
    if (!current.isEmpty()) {
      out.add(BatcherTxData.encode(current));
    }
    return out;
  }

  /** One blob per payload, each holding as many whole frames as fit in 130,044 bytes. */
  public static List<Blob> blobs(List<Frame> frames) {
    List<Blob> out = new ArrayList<>();
    for (EncodedBlob b : encodedBlobs(frames)) {
      out.add(b.blob());
    }
    return out;
  }

  /** As {@link #blobs}, each blob with where its zero tail starts. */
  public static List<EncodedBlob> encodedBlobs(List<Frame> frames) {
    List<EncodedBlob> out = new ArrayList<>();
    for (byte[] payload : calldata(frames, BlobCodec.MAX_DATA_BYTES)) {
      out.add(EncodedBlob.of(payload));
    }
    return out;
  }
}
