package dev.basalt.core.sysconfig;

import dev.basalt.core.types.Hash32;

/**
 * Storage slots of L1 contracts a rollup node reads directly (op-node's runtime config). The
 * SystemConfig's signer slot is {@code keccak256("systemconfig.unsafeblocksigner")} itself; the
 * ProtocolVersions slots are {@code bytes32(uint256(keccak256(name)) - 1)}. Values, not derivation
 * inputs: derivation reads logs, never storage.
 */
public final class SystemConfigSlots {
  /** SystemConfig's unsafe-block signer; the address is the low 20 bytes. */
  public static final Hash32 UNSAFE_BLOCK_SIGNER = Hash32.fromHex("0x65a7ed542fb37fe237fdfbdd70b31598523fe5b32879e307bae27a0bd9581c08");
  /** ProtocolVersions' required version ({@code "protocolversion.required"}). */
  public static final Hash32 REQUIRED_PROTOCOL_VERSION = Hash32.fromHex("0x4aaefe95bd84fd3f32700cf3b7566bc944b73138e41958b5785826df2aecace0");
  /** ProtocolVersions' recommended version ({@code "protocolversion.recommended"}). */
  public static final Hash32 RECOMMENDED_PROTOCOL_VERSION = Hash32.fromHex("0xe314dfc40f0025322aacc0ba8ef420b62fb3b702cf01e0cdf3d829117ac2ff1a");

  private SystemConfigSlots() {}
}
