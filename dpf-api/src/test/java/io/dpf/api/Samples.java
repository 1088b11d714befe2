package io.dpf.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The YAML samples under src/test/resources/samples: the seed's manifests and the reference's examples. */
public final class Samples {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** "apiVersion/kind" → Java type, for every kind the module defines. */
  public static final Map<String, Class<? extends CustomResource<?, ?>>> TYPES = ApiTypes.all().stream()
      .collect(Collectors.toMap(t -> HasMetadata.getApiVersion(t) + "/" + HasMetadata.getKind(t), Function.identity()));

  private Samples() {
  }

  /** The samples folder, also when it is read from this module's test jar (ApiValidationIT in dpf-testkit). */
  public static Path directory() {
    try {
      URI uri = Samples.class.getClassLoader().getResource("samples").toURI();
      if ("jar".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // opened by an earlier call
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Path> all() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String text(String fileName) {
    try {
      return Files.readString(directory().resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode tree(Path file) {
    try {
      try (var in = Files.newInputStream(file)) {
        return YAML.readTree(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Class<? extends CustomResource<?, ?>> typeOf(JsonNode tree) {
    String key = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
    Class<? extends CustomResource<?, ?>> type = TYPES.get(key);
    if (type == null) {
      throw new IllegalArgumentException("no Java type for " + key);
    }
    return type;
  }
}
