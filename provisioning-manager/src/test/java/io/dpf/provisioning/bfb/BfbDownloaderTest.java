package io.dpf.provisioning.bfb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dpf.provisioning.bfb.DownloadFailure.Cause;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BfbDownloaderTest {

  static final long SIZE = 3 * 1024 * 1024 + 17;

  @TempDir
  Path dir;
  BfbFileServer server;
  final BfbDownloader downloader = BfbDownloader.withDefaultClient();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void downloadsTheWholeFileAndRenamesItIntoPlace() throws Exception {
    server = BfbFileServer.serving(SIZE);
    DownloadProgress progress = new DownloadProgress();
    Path destination = dir.resolve("ns-bf.bfb");

    downloader.download(URI.create(server.url("bf.bfb")), dir.resolve(".part"), destination,
        Checksum.parse("sha256:" + BfbFileServer.sha256(SIZE)), progress);

    assertGenerated(destination, SIZE);
    assertThat(dir.resolve(".part")).doesNotExist();
    assertThat(progress.bytes()).isEqualTo(SIZE);
    assertThat(progress.describe()).isEqualTo(SIZE + " of " + SIZE + " bytes (100%)");
  }

  @Test
  void resumesAPartialFileWithARangeRequest() throws Exception {
    server = BfbFileServer.serving(SIZE);
    Path partial = dir.resolve(".part");
    long kept = 1_000_001;
    byte[] head = new byte[(int) kept];
    BfbFileServer.fill(head, 0, head.length);
    Files.write(partial, head);
    Files.writeString(BfbDownloader.validatorFile(partial), "\"generated-" + SIZE + "\"");

    downloader.download(URI.create(server.url("bf.bfb")), partial, dir.resolve("bf.bfb"),
        Checksum.parse("sha256:" + BfbFileServer.sha256(SIZE)), new DownloadProgress());

    assertThat(server.requests()).extracting(BfbFileServer.Request::range).containsExactly("bytes=" + kept + "-");
    assertGenerated(dir.resolve("bf.bfb"), SIZE);
  }

  @Test
  void startsOverWhenThePartialFileBelongsToAnotherVersion() throws Exception {
    server = BfbFileServer.serving(SIZE);
    Path partial = dir.resolve(".part");
    Files.write(partial, new byte[5000]);
    Files.writeString(BfbDownloader.validatorFile(partial), "\"an-older-file\"");

    downloader.download(URI.create(server.url("bf.bfb")), partial, dir.resolve("bf.bfb"), Optional.empty(),
        new DownloadProgress());

    assertGenerated(dir.resolve("bf.bfb"), SIZE);
  }

  @Test
  void namesTheHttpStatus() throws Exception {
    server = BfbFileServer.serving(SIZE);
    URI missing = URI.create(server.url("missing.txt.bfb").replace(".txt.bfb", ".txt"));

    assertThatThrownBy(() -> downloader.download(missing, dir.resolve(".part"), dir.resolve("x.bfb"), Optional.empty(),
        new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.HTTP_STATUS))
        .hasMessageContaining("HTTP 404");
    assertThat(dir.resolve("x.bfb")).doesNotExist();
  }

  @Test
  void refusesAChecksumMismatchAndKeepsNothing() throws Exception {
    server = BfbFileServer.serving(SIZE);

    assertThatThrownBy(() -> downloader.download(URI.create(server.url("bf.bfb")), dir.resolve(".part"),
        dir.resolve("bf.bfb"), Checksum.parse("sha256:" + "0".repeat(64)), new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.CHECKSUM))
        .hasMessageContaining("checksum mismatch");
    assertThat(dir.resolve("bf.bfb")).doesNotExist();
    assertThat(dir.resolve(".part")).doesNotExist();
  }

  @Test
  void namesAnUnknownHost() {
    URI unknown = URI.create("http://no-such-host.invalid/bf.bfb");

    assertThatThrownBy(() -> downloader.download(unknown, dir.resolve(".part"), dir.resolve("bf.bfb"),
        Optional.empty(), new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.DNS))
        .hasMessageContaining("cannot resolve host no-such-host.invalid");
  }

  @Test
  void namesADiskFullError() {
    DownloadFailure failure = BfbDownloader.classify(URI.create("http://h/bf.bfb"),
        new IOException("No space left on device"));

    assertThat(failure.failureCause()).isEqualTo(Cause.DISK_FULL);
    assertThat(failure).hasMessageStartingWith("disk full");
  }

  @Test
  void aConnectionCutMidTransferIsNamedAndTheRetryResumesWhereItStopped() throws Exception {
    server = BfbFileServer.serving(SIZE);
    server.cutNextResponse("bf.bfb", 1_000_000);
    URI url = URI.create(server.url("bf.bfb"));
    Path partial = dir.resolve(".part");
    Optional<Checksum> checksum = Checksum.parse("sha256:" + BfbFileServer.sha256(SIZE));

    assertThatThrownBy(() -> downloader.download(url, partial, dir.resolve("bf.bfb"), checksum, new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.CONNECTION_CUT))
        .hasMessageMatching("downloading " + url + ": connection cut after \\d+ of " + SIZE + " bytes \\(.*EOF.*\\)");
    // What arrived before the cut is kept (the JDK client may drop its last buffers when it sees the EOF).
    long kept = Files.size(partial);
    assertThat(kept).isPositive().isLessThanOrEqualTo(1_000_000);

    downloader.download(url, partial, dir.resolve("bf.bfb"), checksum, new DownloadProgress());

    assertThat(server.requests()).extracting(BfbFileServer.Request::range).containsExactly(null, "bytes=" + kept + "-");
    assertGenerated(dir.resolve("bf.bfb"), SIZE);
  }

  @Test
  void aBodyThatStallsForTheReadTimeoutIsAConnectionCutAndTheRetryResumes() throws Exception {
    server = BfbFileServer.serving(SIZE);
    server.stallNextResponse("bf.bfb", 1_000_000);
    URI url = URI.create(server.url("bf.bfb"));
    Path partial = dir.resolve(".part");
    Optional<Checksum> checksum = Checksum.parse("sha256:" + BfbFileServer.sha256(SIZE));
    BfbDownloader impatient = new BfbDownloader(Duration.ofSeconds(10), Duration.ofMillis(500));

    // Not a stop (an InterruptedException): a stalled server is a broken link, retried from where it stopped.
    assertThatThrownBy(() -> impatient.download(url, partial, dir.resolve("bf.bfb"), checksum, new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.CONNECTION_CUT))
        .hasMessageContaining("connection cut after").hasMessageContaining("timed out");
    long kept = Files.size(partial);
    assertThat(kept).isPositive().isLessThanOrEqualTo(1_000_000);

    impatient.download(url, partial, dir.resolve("bf.bfb"), checksum, new DownloadProgress());

    assertThat(server.requests()).extracting(BfbFileServer.Request::range).containsExactly(null, "bytes=" + kept + "-");
    assertGenerated(dir.resolve("bf.bfb"), SIZE);
  }

  @Test
  void refusesAFileLargerThanTheVolumeBeforeWritingAByte() throws Exception {
    server = BfbFileServer.serving(SIZE);
    long claimed = Files.getFileStore(dir).getUsableSpace() + (1L << 40);
    server.claimSize("huge.bfb", claimed);

    assertThatThrownBy(() -> downloader.download(URI.create(server.url("huge.bfb")), dir.resolve(".part"),
        dir.resolve("huge.bfb"), Optional.empty(), new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.DISK_FULL))
        .hasMessageStartingWith("disk full")
        .hasMessageContaining("needs " + claimed + " more bytes")
        .hasMessageMatching("(?s).* has \\d+ bytes usable");
    assertThat(dir.resolve(".part")).doesNotExist();
  }

  @Test
  void countsWhatThePartialFileAlreadyHoldsTowardsTheSpaceNeeded() throws Exception {
    server = BfbFileServer.serving(SIZE);
    Path partial = dir.resolve(".part");
    long held = 1L << 30;
    // Sparse: a partial file that counts 1 GiB and occupies (almost) nothing.
    try (RandomAccessFile file = new RandomAccessFile(partial.toFile(), "rw")) {
      file.setLength(held);
    }
    // Fits only because the partial file's bytes are reused (with half of them as margin for other builds' writes).
    long claimed = Files.getFileStore(dir).getUsableSpace() + held / 2;
    server.claimSize("big.bfb", claimed);

    assertThatThrownBy(() -> downloader.download(URI.create(server.url("big.bfb")), partial, dir.resolve("big.bfb"),
        Optional.empty(), new DownloadProgress()))
        .isInstanceOfSatisfying(DownloadFailure.class, f -> assertThat(f.failureCause()).isEqualTo(Cause.CONNECTION_CUT));
  }

  static void assertGenerated(Path file, long size) throws Exception {
    assertThat(Files.size(file)).isEqualTo(size);
    byte[] content = Files.readAllBytes(file);
    for (int i = 0; i < content.length; i++) {
      if (content[i] != BfbFileServer.byteAt(i)) {
        throw new AssertionError("byte " + i + " differs");
      }
    }
  }
}
