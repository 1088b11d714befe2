package io.dpf.provisioning.redfish;

import io.dpf.runtime.tls.KeyAndCertificate;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * OpenStack's {@code sushy-emulator} (PyPI {@code sushy-tools}), a third-party Redfish emulator, run
 * with its fake systems driver: one ComputerSystem named {@code Bluefield} (its id too, so the
 * client's path needs no redirect), HTTPS with the given certificate, Basic auth from a bcrypt
 * htpasswd file. Installed into a venv under {@code target/} on first use; when Python, pip or PyPI
 * is not there, {@link #unavailable} says why so the test can be skipped instead of failing.
 */
final class SushyEmulator implements AutoCloseable {

  static final String VERSION = "2.2.0";
  static final Path VENV = Path.of("target", "sushy");
  static final String SYSTEM_ID = "Bluefield";

  private final Process process;
  private final URI uri;
  private final Path log;

  private SushyEmulator(Process process, URI uri, Path log) {
    this.process = process;
    this.uri = uri;
    this.log = log;
  }

  /** Why the emulator cannot be installed here, or empty when it is installed (now or before). */
  static Optional<String> unavailable() {
    if (Files.isExecutable(VENV.resolve("bin/sushy-emulator"))) {
      return Optional.empty();
    }
    Optional<String> venv = run(List.of("python3", "-m", "venv", VENV.toString()), "python3 -m venv");
    if (venv.isPresent()) {
      return venv;
    }
    return run(List.of(VENV.resolve("bin/pip").toString(), "install", "-q", "sushy-tools==" + VERSION),
        "pip install sushy-tools==" + VERSION);
  }

  static SushyEmulator start(KeyAndCertificate tls, String user, String password, Path workDir) throws IOException {
    Path cert = workDir.resolve("tls.crt");
    Path key = workDir.resolve("tls.key");
    tls.writeTo(cert, key);
    Path htpasswd = workDir.resolve("htpasswd");
    // sushy-tools accepts bcrypt digests only; its venv has the bcrypt module to make one.
    Process digest = new ProcessBuilder(VENV.resolve("bin/python").toString(), "-c",
        "import bcrypt,sys; print(bcrypt.hashpw(sys.argv[1].encode(), bcrypt.gensalt()).decode())", password)
        .redirectErrorStream(true).start();
    String hash = new String(digest.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    Files.writeString(htpasswd, user + ":" + hash + "\n");
    Path config = workDir.resolve("emulator.conf");
    Files.writeString(config, "SUSHY_EMULATOR_AUTH_FILE = '" + htpasswd.toAbsolutePath() + "'\n"
        + "SUSHY_EMULATOR_STATE_DIR = '" + workDir.resolve("state").toAbsolutePath() + "'\n"
        + "SUSHY_EMULATOR_FAKE_SYSTEMS = [{'uuid': '" + SYSTEM_ID + "', 'name': '" + SYSTEM_ID + "', "
        + "'power_state': 'On', 'external_notifier': False, 'nics': []}]\n");
    int port = freePort();
    Path log = workDir.resolve("emulator.log");
    Process process = new ProcessBuilder(VENV.resolve("bin/sushy-emulator").toString(), "--config", config.toString(),
        "--fake", "-i", "127.0.0.1", "-p", Integer.toString(port),
        "--ssl-certificate", cert.toString(), "--ssl-key", key.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    SushyEmulator emulator = new SushyEmulator(process, URI.create("https://127.0.0.1:" + port), log);
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return emulator;
  }

  URI uri() {
    return uri;
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static Optional<String> run(List<String> command, String what) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return Optional.of(what + " did not finish in 10 minutes");
      }
      return process.exitValue() == 0 ? Optional.empty()
          : Optional.of(what + " failed (exit " + process.exitValue() + "): " + tail(output));
    } catch (IOException e) {
      return Optional.of(what + " could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(what + " interrupted");
    }
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.length() <= 600 ? trimmed : "..." + trimmed.substring(trimmed.length() - 600);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
