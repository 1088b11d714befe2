package io.dpf.sfc.chains;

import java.util.List;

/**
 * What one flow of a chain does: a packet that comes in on {@code inPort} teaches the switch where
 * its source MAC lives (a learnt flow per peer) and is flooded to every peer.
 */
public record ChainFlow(int inPort, List<Integer> peers) {

  public ChainFlow {
    peers = List.copyOf(peers);
  }
}
