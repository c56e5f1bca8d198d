package dev.basalt.core.tx;

import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;

/** Field-by-field encoding of each transaction type's RLP list (package-private helper). */
final class TxWriter {
  private TxWriter() {}

  /** Writes the RLP list of {@code tx}: all fields, or only the signed ones when {@code signing}. */
  static void body(RlpWriter w, Transaction tx, boolean signing) {
    w.startList();
    switch (tx) {
      case LegacyTx t -> legacy(w, t, signing);
      case AccessListTx t -> {
        w.uint256(t.chainId()).uint64(t.nonce()).uint256(t.gasPrice()).uint64(t.gasLimit());
        common(w, t);
      }
      case DynamicFeeTx t -> {
        feeMarket(w, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.gasLimit());
        common(w, t);
      }
      case BlobTx t -> {
        feeMarket(w, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.gasLimit());
        common(w, t);
        w.uint256(t.maxFeePerBlobGas());
        hashes(w, t.blobVersionedHashes());
      }
      case SetCodeTx t -> {
        feeMarket(w, t.chainId(), t.nonce(), t.maxPriorityFeePerGas(), t.maxFeePerGas(), t.gasLimit());
        common(w, t);
        authorizations(w, t.authorizationList());
      }
    }
    if (!signing && tx.type() != TxType.LEGACY) {
      TxSignature sig = tx.signature();
      w.uint64(sig.yParity()).uint256(sig.r()).uint256(sig.s());
    }
    w.endList();
  }

  private static void legacy(RlpWriter w, LegacyTx t, boolean signing) {
    w.uint64(t.nonce()).uint256(t.gasPrice()).uint64(t.gasLimit()).optionalAddress(t.to());
    w.uint256(t.value()).bytes(t.data());
    if (!signing) {
      w.uint256(t.v()).uint256(t.signature().r()).uint256(t.signature().s());
    } else if (t.isProtected()) {
      w.uint256(t.chainId()).uint64(0).uint64(0);
    }
  }

  private static void feeMarket(RlpWriter w, BigInteger chainId, long nonce, BigInteger tip, BigInteger cap, long gas) {
    w.uint256(chainId).uint64(nonce).uint256(tip).uint256(cap).uint64(gas);
  }

  /** to, value, data, accessList: shared by every typed transaction. */
  private static void common(RlpWriter w, Transaction t) {
    w.optionalAddress(t.to()).uint256(t.value()).bytes(t.data());
    w.startList();
    for (AccessTuple tuple : t.accessList()) {
      w.startList().address(tuple.address());
      hashes(w, tuple.storageKeys());
      w.endList();
    }
    w.endList();
  }

  private static void hashes(RlpWriter w, List<Hash32> hashes) {
    w.startList();
    for (Hash32 h : hashes) {
      w.hash(h);
    }
    w.endList();
  }

  private static void authorizations(RlpWriter w, List<Authorization> list) {
    w.startList();
    for (Authorization a : list) {
      w.startList().uint256(a.chainId()).address(a.address()).uint64(a.nonce()).uint64(a.yParity());
      w.uint256(a.r()).uint256(a.s()).endList();
    }
    w.endList();
  }
}
