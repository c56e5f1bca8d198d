package dev.basalt.adapters.p2p.noise;

/** A failed handshake or an undecryptable frame. {@code badSignature} marks identity proof failures. */
public final class NoiseException extends Exception {
  private final boolean badSignature;

  public NoiseException(String message, boolean badSignature) {
    super(message, null, false, false);
    this.badSignature = badSignature;
  }

  public boolean badSignature() {
    return badSignature;
  }
}
