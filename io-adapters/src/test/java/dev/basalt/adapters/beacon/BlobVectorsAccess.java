package dev.basalt.adapters.beacon;

import com.fasterxml.jackson.databind.node.ArrayNode;

/** Lets tests of other packages use the real blob vectors. */
public final class BlobVectorsAccess {
  private BlobVectorsAccess() {}

  public static ArrayNode goerliSidecars() {
    return BlobVectors.goerliSidecars();
  }
}
