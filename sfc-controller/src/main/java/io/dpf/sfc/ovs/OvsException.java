package io.dpf.sfc.ovs;

/** An OVS command that failed; the message is short enough for a condition and names what failed. */
public final class OvsException extends RuntimeException {

  public OvsException(String message) {
    super(message);
  }
}
