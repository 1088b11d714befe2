package io.dpf.runtime.manager;

/**
 * What to do when leadership is lost. In a pod: exit, so the kubelet restarts the container as a
 * fresh candidate (as controller-runtime does). Tests bind something that records the call.
 */
@FunctionalInterface
public interface ProcessExit {

  void exit(int status);
}
