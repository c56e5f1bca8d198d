package dev.basalt.core.tx;

/** The transaction types L1 carries, by their EIP-2718 type byte (legacy has none on the wire). */
public enum TxType {
  LEGACY(0x00),
  ACCESS_LIST(0x01),
  DYNAMIC_FEE(0x02),
  BLOB(0x03),
  SET_CODE(0x04);

  /** OP Stack deposits (0x7e): never on L1, decoded by the deposit codec, not here. */
  public static final int DEPOSIT_TYPE_BYTE = 0x7e;

  private final int typeByte;

  TxType(int typeByte) {
    this.typeByte = typeByte;
  }

  public int typeByte() {
    return typeByte;
  }

  /** The known type for an EIP-2718 type byte, or null for any other byte. */
  public static TxType ofTypeByte(int b) {
    return switch (b) {
      case 0x01 -> ACCESS_LIST;
      case 0x02 -> DYNAMIC_FEE;
      case 0x03 -> BLOB;
      case 0x04 -> SET_CODE;
      default -> null;
    };
  }
}
