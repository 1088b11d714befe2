package io.dpf.cli.read;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Turns a failed request into the one line a user needs: what the server said, or why it did not answer. */
final class Problems {

  private Problems() {
  }

  static String describe(Throwable failure) {
    if (failure instanceof KubernetesClientException k && k.getStatus() != null && k.getStatus().getMessage() != null) {
      return k.getStatus().getMessage();
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == failure ? message : message + " (" + root.getClass().getSimpleName() + ")";
  }
}
