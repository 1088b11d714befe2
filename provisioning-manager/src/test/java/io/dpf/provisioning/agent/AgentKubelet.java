package io.dpf.provisioning.agent;

import io.dpf.provisioning.dpu.install.HostAgentPod;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the kubelets of the host nodes, for rshim host agent pods only (KWOK runs no
 * containers): for every agent pod bound to a node it runs what the pod's container would run, the
 * agent's entry point with the container's args and {@code POD_UID}, as the pod's service account
 * (the client it is given), with the node's {@code /dev} mounted where the pod mounts the host's.
 * A deleted pod's agent is stopped; {@link #restartContainer} is a container crash and restart.
 */
public final class AgentKubelet implements AutoCloseable {

  private final KubernetesClient admin;
  private final KubernetesClient agentClient;
  private final String namespace;
  private final Map<String, Path> devByNode;
  private final Map<String, Thread> running = new ConcurrentHashMap<>();
  private final List<String> started = new CopyOnWriteArrayList<>();
  private final List<Pod> startedPods = new CopyOnWriteArrayList<>();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();
  private final Thread loop;
  private volatile boolean closed;

  /**
   * @param admin reads pods, as the kubelet would
   * @param agentClient the agents' client, e.g. impersonating the chart's host agent service account
   * @param devByNode each host node's {@code /dev}, read at each pod start: a test may add hosts later
   *     (then pass a concurrent map)
   */
  public AgentKubelet(KubernetesClient admin, KubernetesClient agentClient, String namespace, Map<String, Path> devByNode) {
    this.admin = admin;
    this.agentClient = agentClient;
    this.namespace = namespace;
    this.devByNode = devByNode;
    loop = new Thread(this::syncLoop, "agent-kubelet");
    loop.setDaemon(true);
    loop.start();
  }

  /** Pod names whose agent started, once per container start. */
  public List<String> started() {
    return List.copyOf(started);
  }

  /** The pods whose agent started, as they were then. */
  public List<Pod> startedPods() {
    return List.copyOf(startedPods);
  }

  /** "pod: outcome" for every agent run that ended. */
  public List<String> outcomes() {
    return List.copyOf(outcomes);
  }

  /** The agent pods whose agent is running now. */
  public List<String> runningPods() {
    return new ArrayList<>(running.keySet());
  }

  /** As a crashed container restarted by the kubelet: the agent stops at once and starts again. */
  public void restartContainer(String podUid) throws InterruptedException {
    Thread thread = running.remove(podUid);
    if (thread != null) {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  private void syncLoop() {
    while (!closed) {
      try {
        List<Pod> pods = admin.pods().inNamespace(namespace).withLabel("app.kubernetes.io/name", HostAgentPod.APP)
            .list().getItems();
        List<String> live = new ArrayList<>();
        for (Pod pod : pods) {
          String uid = pod.getMetadata().getUid();
          if (pod.getMetadata().getDeletionTimestamp() != null) {
            continue;
          }
          live.add(uid);
          if (!running.containsKey(uid) && !outcomes.stream().anyMatch(o -> o.startsWith(uid + ":"))) {
            start(pod);
          }
        }
        running.keySet().stream().filter(uid -> !live.contains(uid)).toList().forEach(uid -> {
          Thread thread = running.remove(uid);
          if (thread != null) {
            thread.interrupt();
          }
        });
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (!closed) {
          System.err.println("agent kubelet: " + e);
        }
      }
    }
  }

  private void start(Pod pod) {
    String uid = pod.getMetadata().getUid();
    Path dev = devByNode.get(pod.getSpec().getNodeName());
    if (dev == null) {
      return; // not one of the nodes this stand-in runs
    }
    Container container = pod.getSpec().getContainers().get(0);
    List<String> args = container.getArgs().stream()
        .map(arg -> arg.equals("--rshim-root=" + HostAgentPod.DEV) ? "--rshim-root=" + dev : arg).toList();
    List<String> withTestIntervals = new ArrayList<>(args);
    withTestIntervals.add("--progress-seconds=1");
    withTestIntervals.add("--poll-seconds=1");
    Map<String, String> env = new HashMap<>();
    if (container.getEnv() != null) {
      container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> env.put(e.getName(), e.getValue()));
    }
    env.put("POD_UID", uid); // the downward API's metadata.uid
    HostAgentArgs parsed = HostAgentArgs.parse(withTestIntervals.toArray(String[]::new), env);
    Thread thread = new Thread(() -> {
      try {
        HostAgent.Outcome outcome = new HostAgent(agentClient, parsed, Clock.systemUTC()).run();
        outcomes.add(uid + ": " + outcome);
      } catch (InterruptedException stopped) {
        // the pod went or the container "crashed"
      } catch (RuntimeException e) {
        // exit 1: the kubelet would restart the container, and so does the next sync
        System.err.println("agent " + pod.getMetadata().getName() + " exited: " + e);
      } finally {
        running.remove(uid, Thread.currentThread());
      }
    }, "agent-" + pod.getMetadata().getName());
    thread.setDaemon(true);
    running.put(uid, thread);
    started.add(pod.getMetadata().getName());
    startedPods.add(pod);
    thread.start();
  }

  @Override
  public void close() {
    closed = true;
    loop.interrupt();
    running.values().forEach(Thread::interrupt);
  }
}
