package dev.basalt.adapters.p2p.reqresp;

/** The first byte of a {@code payload_by_number} answer (op-node {@code resultCode}). */
public enum ResultCode {
  SUCCESS(0),
  NOT_FOUND(1),
  INVALID_REQUEST(2),
  UNKNOWN_ERROR(3);

  private final int wire;

  ResultCode(int wire) {
    this.wire = wire;
  }

  public byte wire() {
    return (byte) wire;
  }

  /** The code a byte stands for; bytes 4..255 (reserved) are {@link #UNKNOWN_ERROR}. */
  public static ResultCode of(int b) {
    int v = b & 0xff;
    return v < values().length ? values()[v] : UNKNOWN_ERROR;
  }
}
