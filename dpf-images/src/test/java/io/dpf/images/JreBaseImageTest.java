package io.dpf.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JreBaseImageTest {

  @Test
  void findsTheCLibrariesAndTheLoaderTheJavaLauncherLinks() throws Exception {
    Map<String, Path> libraries = JreBaseImage.sharedLibraries(Path.of(System.getProperty("java.home")));

    assertThat(libraries.keySet()).anyMatch(p -> p.matches("(usr/)?lib/x86_64-linux-gnu/libc\\.so\\.6"))
        .anyMatch(p -> p.endsWith("ld-linux-x86-64.so.2"))
        .noneMatch(p -> p.startsWith("/"))
        .noneMatch(p -> p.contains("libjvm.so"));
    assertThat(libraries.values()).allMatch(p -> p.toFile().isFile());
  }

  @Test
  void runsAsTheNonRootUserWithJavaOnThePath() {
    String json = JreBaseImage.config().json(List.of());

    assertThat(json).contains("\"User\":\"65532:65532\"", "PATH=/opt/java/bin:", "JAVA_HOME=/opt/java");
  }
}
