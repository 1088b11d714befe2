package io.dpf.operator.inventory;

/** The DPFOperatorConfig asks for something that cannot be rendered; the message says what to fix. */
public final class InvalidConfigException extends Exception {

  public InvalidConfigException(String message) {
    super(message);
  }
}
