package io.dpf.dpuservice.credentials;

import static io.dpf.api.conditions.ConditionTypes.DPUServiceCredentialRequest.SECRET_RECONCILED;
import static io.dpf.api.conditions.ConditionTypes.DPUServiceCredentialRequest.SERVICE_ACCOUNT_RECONCILED;

import io.dpf.api.Finalizers;
import io.dpf.api.LabelKeys;
import io.dpf.api.common.NamespacedName;
import io.dpf.api.conditions.ConditionTypes;
import io.dpf.api.conditions.Conditions;
import io.dpf.api.conditions.Reasons;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequest;
import io.dpf.api.svc.v1alpha1.DPUServiceCredentialRequestStatus;
import io.dpf.dpuservice.clusters.DpuCluster;
import io.dpf.dpuservice.clusters.DpuClusterRegistry;
import io.dpf.dpuservice.clusters.Namespaces;
import io.dpf.dpuservice.credentials.CredentialSecrets.ApiEndpoint;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.reconcile.Finalizer;
import io.dpf.runtime.reconcile.StatusScope;
import io.dpf.runtime.reconcile.Statuses;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * DPUServiceCredentialRequest → a ServiceAccount in the target cluster (a DPUCluster, or the host),
 * a token for it from the TokenRequest API, and a kubeconfig or token-file Secret on the host,
 * renewed at 80% of the token's life. The Secret records its token's {@link Issuance}; an unchanged
 * request between renewals writes nothing.
 */
public final class DPUServiceCredentialRequestReconciler implements Reconciler<DPUServiceCredentialRequest> {

  public static final String FIELD_MANAGER = "dpuservicecredentialrequest-controller";
  /** The component label of ServiceAccounts this manager created (and so may delete). */
  static final String OWNER = "dpuservice-manager";
  static final Duration RETRY = Duration.ofSeconds(30);
  static final Duration STALE_RECHECK = Duration.ofSeconds(2);

  private final KubernetesClient host;
  private final DpuClusterRegistry registry;
  private final Clock clock;
  private final ServerSideApply apply;
  private final Statuses statuses;

  public DPUServiceCredentialRequestReconciler(KubernetesClient host, DpuClusterRegistry registry, Clock clock) {
    this.host = host;
    this.registry = registry;
    this.clock = clock;
    this.apply = new ServerSideApply(host, FIELD_MANAGER);
    this.statuses = Statuses.of(host, FIELD_MANAGER, clock);
  }

  private record Target(KubernetesClient client, ApiEndpoint endpoint) {}

  @Override
  public Result reconcile(DPUServiceCredentialRequest request) {
    if (request.getMetadata().getDeletionTimestamp() != null) {
      return reconcileDelete(request);
    }
    if (Finalizer.ensure(host, request, Finalizers.DPU_SERVICE_CREDENTIAL_REQUEST)) {
      return Result.done();
    }
    if (statuses.writer().behindOwnWrite(request)) {
      // The copy our last status write was made from: that write's event is on its way, and
      // reconciling this copy would only write the same status again. The requeue is a safety net.
      return Result.requeueAfter(STALE_RECHECK);
    }
    try (StatusScope<DPUServiceCredentialRequestStatus> scope = statuses.open(request,
        DPUServiceCredentialRequestStatus::new, ConditionTypes.DPUServiceCredentialRequest.ALL)) {
      Result result = reconcileNormal(request, scope.status(), scope.conditions());
      scope.succeeded();
      return result;
    }
  }

  private Result reconcileNormal(DPUServiceCredentialRequest request, DPUServiceCredentialRequestStatus status,
      Conditions conditions) {
    try {
      Target target = target(request);
      if (target == null) {
        conditions.setFalse(SERVICE_ACCOUNT_RECONCILED, Reasons.ERROR,
            "DPUCluster " + ref(request.getSpec().getTargetCluster()) + " is not reachable");
        return Result.requeueAfter(RETRY);
      }
      NamespacedName account = request.getSpec().getServiceAccount();
      ensureServiceAccount(target.client(), account);
      conditions.setTrue(SERVICE_ACCOUNT_RECONCILED);
      status.setServiceAccount(ref(account));
      status.setTargetCluster(request.getSpec().getTargetCluster() == null ? null : ref(request.getSpec().getTargetCluster()));
      status.setSecret(ref(request.getSpec().getSecret()));

      Instant now = clock.instant();
      long generation = request.getMetadata().getGeneration() == null ? 0 : request.getMetadata().getGeneration();
      NamespacedName secret = request.getSpec().getSecret();
      Issuance issued = Issuance.recordedOn(
          host.secrets().inNamespace(secret.getNamespace()).withName(secret.getName()).get());
      // A new token when the Secret is gone or holds none, the spec changed, or 80% of its life is over.
      if (issued == null || issued.generation() != generation || !now.isBefore(issued.renewAt())) {
        Duration lifetime = TokenLifetime.requested(request.getSpec().getDuration());
        TokenRequest token = target.client().serviceAccounts().inNamespace(account.getNamespace())
            .withName(account.getName()).tokenRequest(new TokenRequestBuilder().withNewSpec()
                .withExpirationSeconds(lifetime.toSeconds()).endSpec().build());
        issued = new Issuance(now.truncatedTo(ChronoUnit.SECONDS).toString(),
            token.getStatus().getExpirationTimestamp(), generation);
        apply.apply(issued.stamp(CredentialSecrets.render(request, target.endpoint(), token.getStatus().getToken())));
      }
      status.setIssuedAt(issued.issuedAt());
      status.setExpirationTimestamp(issued.expiresAt());
      conditions.setTrue(SECRET_RECONCILED);
      Instant renewAt = issued.renewAt();
      return Result.requeueAfter(Duration.between(now, renewAt).isNegative() ? Duration.ZERO : Duration.between(now, renewAt));
    } catch (RuntimeException e) {
      conditions.setFalse(SECRET_RECONCILED, Reasons.ERROR, e.getMessage());
      throw e;
    }
  }

  private Result reconcileDelete(DPUServiceCredentialRequest request) {
    NamespacedName secret = request.getSpec().getSecret();
    host.secrets().inNamespace(secret.getNamespace()).withName(secret.getName()).delete();
    Target target = target(request);
    if (target != null) {
      NamespacedName account = request.getSpec().getServiceAccount();
      ServiceAccount live = target.client().serviceAccounts().inNamespace(account.getNamespace())
          .withName(account.getName()).get();
      // Only a ServiceAccount we created: one the user made stays theirs.
      if (live != null && live.getMetadata().getLabels() != null
          && ours(live.getMetadata().getLabels().get(LabelKeys.COMPONENT))) {
        target.client().resource(live).delete();
      }
    }
    Finalizer.remove(host, request, Finalizers.DPU_SERVICE_CREDENTIAL_REQUEST);
    return Result.done();
  }

  private Target target(DPUServiceCredentialRequest request) {
    NamespacedName cluster = request.getSpec().getTargetCluster();
    if (cluster == null) {
      return new Target(host, hostEndpoint());
    }
    for (DpuCluster dpuCluster : registry.snapshot().clusters()) {
      if (dpuCluster.namespace().equals(cluster.getNamespace()) && dpuCluster.name().equals(cluster.getName())) {
        return new Target(dpuCluster.client(),
            new ApiEndpoint(dpuCluster.credentials().server(), dpuCluster.credentials().caData()));
      }
    }
    return null;
  }

  private ApiEndpoint hostEndpoint() {
    String server = host.getConfiguration().getMasterUrl();
    server = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    String ca = host.getConfiguration().getCaCertData();
    if (ca == null && host.getConfiguration().getCaCertFile() != null) {
      try {
        ca = Base64.getEncoder().encodeToString(
            Files.readAllBytes(Path.of(host.getConfiguration().getCaCertFile())));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the host CA", e);
      }
    }
    return new ApiEndpoint(server, ca);
  }

  private static void ensureServiceAccount(KubernetesClient client, NamespacedName account) {
    Namespaces.ensure(client, account.getNamespace());
    if (client.serviceAccounts().inNamespace(account.getNamespace()).withName(account.getName()).get() == null) {
      client.serviceAccounts().inNamespace(account.getNamespace()).resource(new ServiceAccountBuilder()
          .withNewMetadata().withName(account.getName())
              .addToLabels(LabelKeys.COMPONENT, OWNER).endMetadata().build()).create();
    }
  }

  private static boolean ours(String component) {
    return OWNER.equals(component);
  }

  private static String ref(NamespacedName name) {
    return name.getNamespace() + "/" + name.getName();
  }
}
