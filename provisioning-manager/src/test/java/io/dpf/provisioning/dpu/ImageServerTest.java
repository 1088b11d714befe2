package io.dpf.provisioning.dpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageServerTest {

  @TempDir
  Path dir;

  @Test
  void servesTheBfbThenTheCfgWholeOrFromAByteOn() throws Exception {
    Files.writeString(dir.resolve("os.bfb"), "0123456789");
    Files.writeString(dir.resolve("dpu.cfg"), "abc");
    HttpClient http = HttpClient.newHttpClient();
    try (ImageServer server = new ImageServer(dir, 0, null)) {
      URI uri = URI.create(server.urlFor("os.bfb", "dpu.cfg"));

      HttpResponse<String> whole = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(whole.statusCode()).isEqualTo(200);
      assertThat(whole.body()).isEqualTo("0123456789abc");

      for (int from : new int[] {4, 10, 12}) {
        HttpResponse<String> rest = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=" + from + "-").build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(rest.statusCode()).isEqualTo(206);
        assertThat(rest.body()).isEqualTo("0123456789abc".substring(from));
        assertThat(rest.headers().firstValue("Content-Range")).contains("bytes " + from + "-12/13");
      }

      HttpResponse<String> beyond = http.send(HttpRequest.newBuilder(uri).header("Range", "bytes=13-").build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(beyond.statusCode()).isEqualTo(416);
      HttpResponse<String> escape = http.send(HttpRequest.newBuilder(URI.create(server.urlFor("..", "dpu.cfg"))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(escape.statusCode()).isEqualTo(404);
    }
  }
}
