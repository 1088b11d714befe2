package io.dpf.testkit;

/** Run in a child JVM by {@link NoOrphansIT}: starts a cluster, prints its pids, then waits to be killed. */
public final class OrphanProbe {

  public static void main(String[] args) throws Exception {
    LocalControlPlane plane = LocalControlPlane.startApiServerOnly("orphan-probe");
    System.out.println("PIDS " + plane.pids().stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
