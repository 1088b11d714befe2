package io.dpf.runtime.controller;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One primary kind, its reconciler, and the informers whose changes requeue primaries.
 *
 * <p>Lifecycle: {@link #start} runs the informers (on every replica, so a standby has warm caches
 * and honest readiness); {@link #startReconciling} / {@link #stopReconciling} follow leadership.
 * {@link #watch} adds a source on any cluster at run time, e.g. when a DPU cluster appears; closing
 * the returned source removes it.
 */
public final class Controller<R extends HasMetadata> implements AutoCloseable {

  private final String name;
  private final KubernetesClient client;
  private final Class<R> type;
  private final Scope scope;
  private final Reconciler<R> reconciler;
  private final int workerCount;
  private final Backoff<ResourceKey> backoff;
  private final List<Consumer<Controller<R>>> declaredWatches;
  private final List<InformerSource<?>> sources = new CopyOnWriteArrayList<>();
  private final WorkQueue<ResourceKey> queue;
  private InformerSource<R> primary;
  private ReconcileWorkers<R> workers;
  private InformerCache informers;

  private Controller(Builder<R> builder) {
    this.name = builder.name;
    this.client = builder.client;
    this.type = builder.type;
    this.scope = builder.scope;
    this.reconciler = builder.reconciler;
    this.workerCount = builder.workers;
    this.backoff = new Backoff<>(builder.backoffBase, builder.backoffMax);
    this.declaredWatches = List.copyOf(builder.watches);
    this.queue = new WorkQueue<>(name, backoff);
  }

  public static <R extends HasMetadata> Builder<R> builder(
      String name, KubernetesClient client, Class<R> type, Reconciler<R> reconciler) {
    return new Builder<>(name, client, type, reconciler);
  }

  public String name() {
    return name;
  }

  /** Starts the informers in a cache of its own (a controller outside a manager). */
  public void start(MeterRegistry registry) {
    start(registry, new InformerCache());
  }

  /**
   * Starts the informers, shared with every other user of {@code cache} (the manager's: one
   * informer per cluster, kind and scope); reconciling waits for {@link #startReconciling}.
   */
  public synchronized void start(MeterRegistry registry, InformerCache cache) {
    if (primary != null) {
      throw new IllegalStateException(name + " already started");
    }
    informers = cache;
    primary = watch(client, type, scope, KeyMapper.self());
    declaredWatches.forEach(watch -> watch.accept(this));
    ControllerMetrics metrics = new ControllerMetrics(registry, name, queue::depth, this::liveWorkers);
    workers = new ReconcileWorkers<>(name, queue, key -> primary.get(key),
        client.getKubernetesSerialization()::clone, reconciler, metrics, this::hasSynced);
  }

  /**
   * Watches {@code watched} on {@code cluster}; each change requeues the primaries {@code mapper}
   * names. Sources on other clusters than the controller's do not gate readiness.
   */
  public <T extends HasMetadata> InformerSource<T> watch(
      KubernetesClient cluster, Class<T> watched, Scope watchScope, KeyMapper<T> mapper) {
    return watch(cluster, watched, watchScope, mapper, UpdateFilter.all());
  }

  /** As {@link #watch(KubernetesClient, Class, Scope, KeyMapper)}, skipping updates {@code filter} says do not matter. */
  public <T extends HasMetadata> InformerSource<T> watch(
      KubernetesClient cluster, Class<T> watched, Scope watchScope, KeyMapper<T> mapper, UpdateFilter<T> filter) {
    if (informers == null) {
      throw new IllegalStateException(name + " is not started");
    }
    InformerSource<T> source = InformerSource.start(informers, cluster, watched, watchScope, mapper, filter,
        cluster == client, queue::add, sources::remove);
    sources.add(source);
    return source;
  }

  /**
   * Queues a primary because something outside the API changed that its reconcile reads (an Open
   * vSwitch that restarted and lost its flows); changes of watched objects need no call.
   */
  public void enqueue(ResourceKey key) {
    queue.add(key);
  }

  /** Called on becoming leader: everything is looked at once, then changes drive the work. */
  public synchronized void startReconciling() {
    requireStarted();
    primary.list().forEach(object -> queue.add(ResourceKey.of(object)));
    workers.start(workerCount);
  }

  /** Called on losing leadership or shutting down; reconciles in progress may finish. */
  public synchronized void stopReconciling(Duration grace) {
    if (workers != null) {
      workers.stop(grace);
    }
  }

  public boolean isReconciling() {
    return workers != null && workers.isRunning();
  }

  /** Reconcile threads alive now (none on a standby). */
  public int liveWorkers() {
    ReconcileWorkers<R> current = workers;
    return current == null ? 0 : current.liveWorkers();
  }

  /**
   * Why this controller is not ready, for {@code /readyz}: own-cluster informers not synced or not
   * watching, or a controller that should reconcile but has no live worker left.
   */
  public List<String> readinessProblems() {
    List<String> problems = new ArrayList<>();
    unhealthySources().forEach(source -> problems.add(source + " not synced/watching"));
    if (isReconciling() && liveWorkers() == 0) {
      problems.add("no live reconcile worker");
    }
    return problems;
  }

  /** Every informer on the controller's own cluster has its cache filled and its watch open. */
  public boolean isHealthy() {
    return primary != null && unhealthySources().isEmpty();
  }

  /** Descriptions of the own-cluster informers that are not healthy, for {@code /readyz}. */
  public List<String> unhealthySources() {
    return sources.stream().filter(s -> s.gatesReadiness() && !s.isHealthy())
        .map(InformerSource::description).toList();
  }

  /** Every source, on any cluster, healthy or not. */
  public List<InformerSource<?>> sources() {
    return List.copyOf(sources);
  }

  /** The cache of primaries (shared objects: do not mutate). */
  public InformerSource<R> primaryCache() {
    requireStarted();
    return primary;
  }

  @Override
  public synchronized void close() {
    stopReconciling(Duration.ofSeconds(10));
    sources.forEach(InformerSource::close);
    queue.close();
  }

  // Own-cluster caches only: a DPU cluster that is down must not keep every reconcile waiting.
  // Those the reconcilers read without watching count too: a half-filled one reads as "not found".
  private boolean hasSynced() {
    return sources.stream().filter(InformerSource::gatesReadiness).allMatch(InformerSource::hasSynced)
        && informers.on(client).stream().allMatch(KindCache::hasSynced);
  }

  private void requireStarted() {
    if (primary == null) {
      throw new IllegalStateException(name + " is not started");
    }
  }

  /** Settings of a controller; only name, client, kind and reconciler are required. */
  public static final class Builder<R extends HasMetadata> {
    private final String name;
    private final KubernetesClient client;
    private final Class<R> type;
    private final Reconciler<R> reconciler;
    private final List<Consumer<Controller<R>>> watches = new ArrayList<>();
    private Scope scope = Scope.allNamespaces();
    private int workers = 2;
    private Duration backoffBase = Duration.ofMillis(500);
    private Duration backoffMax = Duration.ofMinutes(5);

    private Builder(String name, KubernetesClient client, Class<R> type, Reconciler<R> reconciler) {
      this.name = Objects.requireNonNull(name, "name");
      this.client = Objects.requireNonNull(client, "client");
      this.type = Objects.requireNonNull(type, "type");
      this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
    }

    public Builder<R> scope(Scope primaryScope) {
      this.scope = primaryScope;
      return this;
    }

    public Builder<R> workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("need at least one worker");
      }
      this.workers = count;
      return this;
    }

    /** Retry delays after failures: base, doubling per consecutive failure, capped at max. */
    public Builder<R> backoff(Duration base, Duration max) {
      this.backoffBase = base;
      this.backoffMax = max;
      return this;
    }

    /** A secondary kind on the controller's own cluster, watched for as long as the controller runs. */
    public <T extends HasMetadata> Builder<R> watches(Class<T> watched, Scope watchScope,
        KeyMapper<T> mapper) {
      watches.add(controller -> controller.watch(client, watched, watchScope, mapper));
      return this;
    }

    /** As {@link #watches(Class, Scope, KeyMapper)}, skipping updates {@code filter} says do not matter. */
    public <T extends HasMetadata> Builder<R> watches(Class<T> watched, Scope watchScope,
        KeyMapper<T> mapper, UpdateFilter<T> filter) {
      watches.add(controller -> controller.watch(client, watched, watchScope, mapper, filter));
      return this;
    }

    public Controller<R> build() {
      return new Controller<>(this);
    }
  }
}
