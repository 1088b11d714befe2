package io.dpf.images;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a container of the image runs: the OCI image config's {@code config} object. Every image
 * is linux/amd64 and created at the epoch, so nothing of the build's time leaks into its digest.
 *
 * @param user "uid" or "uid:gid"; empty for root
 */
public record ImageConfig(List<String> entrypoint, List<String> cmd, List<String> env, String user,
    String workingDir, Map<String, String> labels) {

  public static final String MEDIA_TYPE = "application/vnd.oci.image.config.v1+json";
  static final String EPOCH = "1970-01-01T00:00:00Z";

  public ImageConfig {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
    env = List.copyOf(env);
    user = user == null ? "" : user;
    workingDir = workingDir == null || workingDir.isEmpty() ? "/" : workingDir;
    labels = new TreeMap<>(labels);
  }

  public static ImageConfig entrypoint(String... entrypoint) {
    return new ImageConfig(List.of(entrypoint), List.of(), List.of("PATH=/usr/local/bin:/usr/bin:/bin"), "", "/",
        Map.of());
  }

  public ImageConfig withEnv(List<String> replaced) {
    return new ImageConfig(entrypoint, cmd, replaced, user, workingDir, labels);
  }

  public ImageConfig withUser(String replaced) {
    return new ImageConfig(entrypoint, cmd, env, replaced, workingDir, labels);
  }

  public ImageConfig withCmd(List<String> replaced) {
    return new ImageConfig(entrypoint, replaced, env, user, workingDir, labels);
  }

  public ImageConfig withLabel(String key, String value) {
    Map<String, String> more = new TreeMap<>(labels);
    more.put(key, value);
    return new ImageConfig(entrypoint, cmd, env, user, workingDir, more);
  }

  /** The config blob: this, the layers' diff ids, and a history line per layer. */
  String json(List<Layer> layers) {
    Map<String, Object> config = new LinkedHashMap<>();
    if (!user.isEmpty()) {
      config.put("User", user);
    }
    config.put("Env", env);
    if (!entrypoint.isEmpty()) {
      config.put("Entrypoint", entrypoint);
    }
    if (!cmd.isEmpty()) {
      config.put("Cmd", cmd);
    }
    config.put("WorkingDir", workingDir);
    if (!labels.isEmpty()) {
      config.put("Labels", labels);
    }
    Map<String, Object> rootfs = new LinkedHashMap<>();
    rootfs.put("type", "layers");
    rootfs.put("diff_ids", layers.stream().map(Layer::diffId).toList());
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("architecture", "amd64");
    image.put("os", "linux");
    image.put("created", EPOCH);
    image.put("config", config);
    image.put("rootfs", rootfs);
    image.put("history", layers.stream().map(l -> history()).toList());
    return Json.write(image);
  }

  // Map.of would iterate in a per-JVM random order, and the digest with it.
  private static Map<String, Object> history() {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("created", EPOCH);
    h.put("created_by", "dpf-images");
    return h;
  }
}
