package io.dpf.runtime.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ControllerMetricsTest {

  @Test
  void reconcileOutcomesDurationsAndQueueDepthAppearPerControllerInPrometheusText() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AtomicInteger depth = new AtomicInteger(7);
    ControllerMetrics metrics = new ControllerMetrics(registry, "mirror", depth::get);

    metrics.succeeded(metrics.startTimer(), false);
    metrics.succeeded(metrics.startTimer(), true);
    metrics.failed(metrics.startTimer());

    assertThat(registry.scrape())
        .contains("dpf_controller_reconcile_total{controller=\"mirror\",result=\"success\"} 1.0")
        .contains("dpf_controller_reconcile_total{controller=\"mirror\",result=\"requeue\"} 1.0")
        .contains("dpf_controller_reconcile_total{controller=\"mirror\",result=\"error\"} 1.0")
        .contains("dpf_controller_reconcile_errors_total{controller=\"mirror\"} 1.0")
        .contains("dpf_controller_reconcile_duration_seconds_count{controller=\"mirror\"} 3")
        .contains("dpf_controller_workqueue_depth{controller=\"mirror\"} 7.0");
  }
}
