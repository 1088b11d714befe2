package io.dpf.runtime.manager;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import io.dpf.runtime.controller.Controller;
import io.dpf.runtime.controller.InformerCache;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What every manager binds: its settings, a client (from the environment unless replaced), the
 * metrics registry, the set of controllers (modules add to it with {@code @ProvidesIntoSet
 * Controller<?>}) and what to do on lost leadership (exit unless replaced).
 */
public final class ManagerModule extends AbstractModule {

  private static final TypeLiteral<Controller<?>> CONTROLLER = new TypeLiteral<>() {};

  private final ManagerSettings settings;

  public ManagerModule(ManagerSettings settings) {
    this.settings = settings;
  }

  /** The set modules add their controllers to. */
  public static Multibinder<Controller<?>> controllers(Binder binder) {
    return Multibinder.newSetBinder(binder, CONTROLLER);
  }

  /** Replaces the client from the environment (~/.kube/config or the pod's service account). */
  public static Module useClient(KubernetesClient client) {
    return binder -> OptionalBinder.newOptionalBinder(binder, KubernetesClient.class)
        .setBinding().toInstance(client);
  }

  /** Replaces exiting the JVM on lost leadership, e.g. in tests. */
  public static Module onLostLeadership(ProcessExit exit) {
    return binder -> OptionalBinder.newOptionalBinder(binder, ProcessExit.class)
        .setBinding().toInstance(exit);
  }

  @Override
  protected void configure() {
    bind(ManagerSettings.class).toInstance(settings);
    controllers(binder());
    OptionalBinder.newOptionalBinder(binder(), KubernetesClient.class).setDefault()
        .toProvider(() -> new KubernetesClientBuilder().build()).in(Singleton.class);
    OptionalBinder.newOptionalBinder(binder(), ProcessExit.class).setDefault()
        .toInstance(System::exit);
    bind(MeterRegistry.class).to(PrometheusMeterRegistry.class);
    // One informer per cluster, kind and scope for every controller and reconciler of the manager.
    bind(InformerCache.class).in(Singleton.class);
  }

  @Provides
  @Singleton
  PrometheusMeterRegistry meterRegistry() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registry.config().commonTags("manager", settings.name());
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }
}
