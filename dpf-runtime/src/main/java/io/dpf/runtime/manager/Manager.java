package io.dpf.runtime.manager;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.dpf.runtime.controller.KindCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a set of controllers: informers on every replica, reconciling only on the Lease holder,
 * plus the health/metrics endpoint. A manager's {@code main} is one line:
 * {@code Manager.run(new ManagerModule(ManagerSettings.inCluster("x")), new XControllersModule())}.
 */
public final class Manager implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Manager.class);

  private final ManagerSettings settings;
  private final KubernetesClient client;
  private final List<Controller<?>> controllers;
  private final PrometheusMeterRegistry metrics;
  private final ProcessExit processExit;
  private final InformerCache informers;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private HealthEndpoint endpoint;
  private LeaderElection election;
  private volatile boolean running;
  private volatile boolean closing;

  @Inject
  Manager(ManagerSettings settings, KubernetesClient client, Set<Controller<?>> controllers,
      PrometheusMeterRegistry metrics, ProcessExit processExit, InformerCache informers) {
    this.informers = informers;
    this.settings = settings;
    this.client = client;
    this.controllers = List.copyOf(controllers);
    this.metrics = metrics;
    this.processExit = processExit;
  }

  public static Manager create(Module... modules) {
    return Guice.createInjector(modules).getInstance(Manager.class);
  }

  /** For {@code main}: starts, stops gracefully on SIGTERM, returns when stopped. */
  public static void run(Module... modules) throws InterruptedException {
    Injector injector = Guice.createInjector(modules);
    Manager manager = injector.getInstance(Manager.class);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      manager.close();
      injector.getInstance(KubernetesClient.class).close();
    }, "manager-shutdown"));
    manager.start();
    manager.stopped.await();
  }

  public synchronized void start() {
    if (running || closing) {
      throw new IllegalStateException("a manager starts once");
    }
    running = true;
    try {
      endpoint = new HealthEndpoint(settings.httpPort(), () -> running, this::readinessProblems, metrics);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + settings.httpPort(), e);
    }
    endpoint.start();
    controllers.forEach(controller -> controller.start(metrics, informers));
    settings.leaderElectionSettings().ifPresentOrElse(leaderElection -> {
      election = new LeaderElection(client, leaderElection, this::startReconciling, this::lostLeadership);
      election.start();
    }, this::startReconciling);
    LOG.info("{} started: {} controllers, endpoint on port {}", settings.name(), controllers.size(),
        endpoint.port());
  }

  public int httpPort() {
    return endpoint.port();
  }

  /** True while this replica holds the Lease (always true without leader election). */
  public boolean isLeader() {
    return election == null ? running : election.isLeader();
  }

  public boolean isReady() {
    return readinessProblems().isEmpty();
  }

  public List<Controller<?>> controllers() {
    return controllers;
  }

  /** The informers every controller and reconciler of this manager share. */
  public InformerCache informers() {
    return informers;
  }

  /** Stops reconciling, then hands the Lease over, then stops watching. */
  @Override
  public void close() {
    synchronized (this) {
      if (closing) {
        return;
      }
      closing = true;
    }
    LOG.info("{} stopping", settings.name());
    controllers.forEach(controller -> controller.stopReconciling(settings.shutdownGrace()));
    if (election != null) {
      election.close();
    }
    controllers.forEach(Controller::close);
    informers.close();
    running = false;
    if (endpoint != null) {
      endpoint.close();
    }
    stopped.countDown();
  }

  private void startReconciling() {
    controllers.forEach(Controller::startReconciling);
  }

  private void lostLeadership() {
    controllers.forEach(controller -> controller.stopReconciling(settings.shutdownGrace()));
    if (!closing) {
      LOG.error("{} lost leadership; exiting so a fresh process can campaign again", settings.name());
      // Off this thread: an exit runs shutdown hooks, which wait for the elector this thread serves.
      new Thread(() -> processExit.exit(1), "leadership-lost-exit").start();
    }
  }

  private List<String> readinessProblems() {
    List<String> problems = new ArrayList<>();
    if (!running) {
      problems.add("manager is not running");
    }
    controllers.forEach(controller -> controller.readinessProblems()
        .forEach(problem -> problems.add(controller.name() + ": " + problem)));
    // Caches the reconcilers read without any controller watching them.
    Set<String> watched = new HashSet<>();
    controllers.forEach(controller -> controller.sources().forEach(source -> watched.add(source.description())));
    informers.on(client).stream().filter(cache -> !cache.isHealthy()).map(KindCache::description)
        .filter(cache -> !watched.contains(cache)).distinct()
        .forEach(cache -> problems.add("cache of " + cache + " not synced/watching"));
    return problems;
  }
}
