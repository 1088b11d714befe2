package io.dpf.provisioning.bfb;

import io.dpf.api.Finalizers;
import io.dpf.api.Names;
import io.dpf.api.provisioning.v1alpha1.BFB;
import io.dpf.api.provisioning.v1alpha1.BFBPhase;
import io.dpf.api.provisioning.v1alpha1.BFBStatus;
import io.dpf.provisioning.ProvisioningSettings;
import io.dpf.provisioning.References;
import io.dpf.runtime.apply.ServerSideApply;
import io.dpf.runtime.apply.StatusWriter;
import io.dpf.runtime.controller.Reconciler;
import io.dpf.runtime.controller.Result;
import io.dpf.runtime.events.EventRecorder;
import io.dpf.runtime.reconcile.Finalizer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BFB: its file in the BFB volume, downloaded once. Recipe: finalizer → (deleting? wait for users,
 * stop the download, delete the files, drop the finalizer) → file present? Ready → download running?
 * report progress → last attempt failed? Error, retry after a capped backoff → start a download.
 * One status write at the end, only when it changed; progress is polled every
 * {@code progressInterval}, which is what throttles progress writes.
 */
public final class BfbReconciler implements Reconciler<BFB> {

  static final String FIELD_MANAGER = "bfb-controller";
  private static final Logger LOG = LoggerFactory.getLogger(BfbReconciler.class);

  private final KubernetesClient client;
  private final ProvisioningSettings settings;
  private final BfbDownloads downloads;
  private final References references;
  private final StatusWriter statusWriter;
  private final EventRecorder events;
  private final Clock clock;

  public BfbReconciler(KubernetesClient client, ProvisioningSettings settings, BfbDownloads downloads,
      References references, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.downloads = downloads;
    this.clock = clock;
    this.references = references;
    this.statusWriter = new StatusWriter(new ServerSideApply(client, FIELD_MANAGER), client.getKubernetesSerialization());
    this.events = new EventRecorder(client, FIELD_MANAGER, clock);
  }

  /** The file a BFB is kept in: {@code spec.fileName}, defaulting to {@code <ns>-<name>.bfb}. */
  public static String fileName(BFB bfb) {
    String fileName = bfb.getSpec().getFileName();
    return fileName != null ? fileName : Names.bfbFileName(bfb.getMetadata().getNamespace(), bfb.getMetadata().getName());
  }

  @Override
  public Result reconcile(BFB bfb) throws IOException {
    if (Finalizer.deleting(bfb)) {
      return reconcileDelete(bfb);
    }
    Finalizer.ensure(client, bfb, Finalizers.BFB);
    BFBStatus status = new BFBStatus();
    Result result = reconcileFile(bfb, status);
    BFBPhase before = bfb.getStatus() == null ? null : bfb.getStatus().getPhase();
    if (statusWriter.update(bfb, status) && status.getPhase() != before) {
      // After the write: a failed write runs the reconcile again and must not record the Event twice.
      // Each failed attempt is one: `kubectl describe bfb` then tells why a BFB is not Ready (DPF #29).
      switch (status.getPhase()) {
        case ERROR -> events.record(bfb, "Warning", "DownloadFailed", status.getMessage());
        case DOWNLOADING -> events.record(bfb, "Normal", "Downloading", "downloading " + bfb.getSpec().getUrl());
        case READY -> events.record(bfb, "Normal", "Ready", "BFB is in " + settings.bfbDir().resolve(fileName(bfb)));
        default -> { }
      }
    }
    return result;
  }

  private Result reconcileFile(BFB bfb, BFBStatus status) {
    String key = key(bfb);
    Path destination = settings.bfbDir().resolve(fileName(bfb));
    Optional<BfbDownloads.Attempt> attempt = downloads.current(key);
    if (attempt.isPresent() && attempt.get().running()) {
      return downloading(status, bfb, attempt.get());
    }
    if (Files.exists(destination)) {
      downloads.forget(key);
      status.setPhase(BFBPhase.READY);
      return Result.requeueAfter(settings.recheckInterval());
    }
    Optional<Checksum> checksum;
    try {
      checksum = Checksum.parse(annotation(bfb, Checksum.ANNOTATION));
    } catch (IllegalArgumentException e) {
      // Nothing to retry: the user fixes the annotation, which is an event.
      status.setPhase(BFBPhase.ERROR);
      status.setMessage(e.getMessage());
      return Result.done();
    }
    Optional<DownloadFailure> failure = attempt.flatMap(BfbDownloads.Attempt::failure);
    if (failure.isPresent()) {
      Duration delay = settings.retryDelay(attempt.get().number());
      Instant retryAt = attempt.get().endedAt().plus(delay);
      Instant now = clock.instant();
      if (now.isBefore(retryAt)) {
        status.setPhase(BFBPhase.ERROR);
        status.setMessage(failure.get().getMessage() + " (attempt " + attempt.get().number() + "; retrying after "
            + delay.toSeconds() + "s)");
        return Result.requeueAfter(Duration.between(now, retryAt));
      }
    }
    LOG.info("BFB {}: downloading {} to {}", key, bfb.getSpec().getUrl(), destination);
    BfbDownloads.Attempt started = downloads.start(key, URI.create(bfb.getSpec().getUrl()), partialFile(bfb),
        destination, checksum);
    return downloading(status, bfb, started);
  }

  private Result downloading(BFBStatus status, BFB bfb, BfbDownloads.Attempt attempt) {
    status.setPhase(BFBPhase.DOWNLOADING);
    String retry = attempt.number() > 1 ? " (attempt " + attempt.number() + ")" : "";
    status.setMessage("downloading " + bfb.getSpec().getUrl() + ": " + attempt.progress().describe() + retry);
    return Result.requeueAfter(settings.progressInterval());
  }

  private Result reconcileDelete(BFB bfb) throws IOException {
    if (!Finalizer.has(bfb, Finalizers.BFB)) {
      return Result.done();
    }
    BFBStatus status = new BFBStatus();
    status.setPhase(BFBPhase.DELETING);
    List<String> users = references.toBfb(bfb.getMetadata().getNamespace(), bfb.getMetadata().getName());
    if (!users.isEmpty()) {
      // DPF refuses this in a webhook; here the finalizer holds the BFB until its users are gone.
      status.setMessage("deletion waits until these stop using the BFB: " + String.join(", ", users));
      statusWriter.update(bfb, status);
      return Result.done();
    }
    downloads.cancel(key(bfb));
    Path partial = partialFile(bfb);
    Files.deleteIfExists(partial);
    Files.deleteIfExists(BfbDownloader.validatorFile(partial));
    Files.deleteIfExists(settings.bfbDir().resolve(fileName(bfb)));
    Finalizer.remove(client, bfb, Finalizers.BFB);
    LOG.info("BFB {}: files deleted, finalizer removed", key(bfb));
    return Result.done();
  }

  /** Hidden and named by UID: a BFB recreated under the same name never resumes another URL's bytes. */
  private Path partialFile(BFB bfb) {
    return settings.bfbDir().resolve(".bfb-" + bfb.getMetadata().getUid() + ".part");
  }

  private static String key(BFB bfb) {
    return bfb.getMetadata().getNamespace() + "/" + bfb.getMetadata().getName();
  }

  private static String annotation(BFB bfb, String key) {
    return bfb.getMetadata().getAnnotations() == null ? null : bfb.getMetadata().getAnnotations().get(key);
  }
}
