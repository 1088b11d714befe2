package io.dpf.testkit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The API objects one test made, removed when it ends: last made, first deleted, and each waited
 * for until the API server no longer has it (finalizers included, so a manager's own clean-up is
 * part of the wait) before the next goes. Tests that share a cluster and a manager then leave
 * nothing for the next one, in whatever order they run.
 */
public final class OwnedObjects implements AutoCloseable {

  private final KubernetesClient client;
  private final Duration wait;
  private final Deque<HasMetadata> objects = new ArrayDeque<>();

  public OwnedObjects(KubernetesClient client, Duration wait) {
    this.client = client;
    this.wait = wait;
  }

  /** Creates the object and owns it. */
  public synchronized <T extends HasMetadata> T create(T object) {
    T created = client.resource(object).create();
    objects.push(created);
    return created;
  }

  /** Owns an object made some other way (a KWOK node, a Secret a helper wrote). */
  public synchronized <T extends HasMetadata> T own(T object) {
    objects.push(object);
    return object;
  }

  /** Owns the cluster-scoped Node of this name. */
  public Node ownNode(String name) {
    return own(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build());
  }

  /** Creates a namespace of this name and owns it. */
  public Namespace namespace(String name) {
    return create(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build());
  }

  /**
   * Deletes everything owned, newest first, each gone before the next is deleted. One that does not
   * go does not keep the others: the first failure is thrown once all were tried.
   */
  @Override
  public synchronized void close() {
    RuntimeException failure = null;
    while (!objects.isEmpty()) {
      HasMetadata object = objects.pop();
      try {
        var resource = client.resource(object);
        resource.delete();
        resource.waitUntilCondition(Objects::isNull, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException e) {
        RuntimeException notRemoved = new IllegalStateException(object.getKind() + " " + object.getMetadata().getName()
            + " not removed within " + wait, e);
        if (failure == null) {
          failure = notRemoved;
        } else {
          failure.addSuppressed(notRemoved);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
