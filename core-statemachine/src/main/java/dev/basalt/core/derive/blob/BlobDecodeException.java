package dev.basalt.core.derive.blob;

import dev.basalt.core.codec.DecodeException;

/** A blob that is not valid version-0 OP Stack blob data; the spec ignores such a blob whole. */
public final class BlobDecodeException extends DecodeException {
  private static final long serialVersionUID = 1L;

  /** op-node's error kinds, in the order its decoder checks them. */
  public enum Reason {
    /** Byte 1 is not encoding version 0 ({@code ErrBlobInvalidEncodingVersion}). */
    INVALID_VERSION,
    /** The u24 length exceeds 130,044 ({@code ErrBlobInvalidLength}). */
    INVALID_LENGTH,
    /** A decoded field element has one of its two top bits set ({@code ErrBlobInvalidFieldElement}). */
    INVALID_FIELD_ELEMENT,
    /** Decoded bytes past the length are not zero ({@code ErrBlobExtraneousDataFieldElement}). */
    EXTRANEOUS_DATA_FIELD_ELEMENT,
    /** Blob bytes after the last decoded field element are not zero ({@code ErrBlobExtraneousData}). */
    EXTRANEOUS_DATA
  }

  private final Reason reason;

  public BlobDecodeException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
