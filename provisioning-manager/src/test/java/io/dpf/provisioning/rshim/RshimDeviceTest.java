package io.dpf.provisioning.rshim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rshim boot contract against device directories the test creates (standing in for
 * {@code /dev/rshim<N>}: a {@code boot} file and a {@code misc} file with rshim's fields).
 */
class RshimDeviceTest {

  @TempDir
  Path dev;

  @Test
  void findsTheDeviceReportingTheDpusPciAddress() throws Exception {
    device("rshim0", "pcie-0000:08:00.2");
    Path wanted = device("rshim1", "pcie-0000:4b:00.2");

    assertThat(RshimDevice.find(dev, "0000-4b-00")).hasValueSatisfying(d -> assertThat(d.directory()).isEqualTo(wanted));
    assertThat(RshimDevice.find(dev, "0000-99-00")).isEmpty();
  }

  @Test
  void streamsTheBfbThenBfCfgIntoBootByteForByte() throws Exception {
    RshimDevice device = new RshimDevice(device("rshim0", "pcie-0000:4b:00.2"));
    byte[] bfb = new byte[3 * 1024 * 1024 + 11];
    new Random(7).nextBytes(bfb);
    Path bfbFile = Files.write(dev.resolve("image.bfb"), bfb);
    Path cfgFile = Files.writeString(dev.resolve("dpu.cfg"), "UPDATE_DPU_OS=yes\n");
    AtomicLong written = new AtomicLong();

    device.boot(List.of(bfbFile, cfgFile), written::set);

    byte[] expected = new byte[bfb.length + 18];
    System.arraycopy(bfb, 0, expected, 0, bfb.length);
    System.arraycopy("UPDATE_DPU_OS=yes\n".getBytes(StandardCharsets.UTF_8), 0, expected, bfb.length, 18);
    assertThat(Files.readAllBytes(device.directory().resolve("boot"))).isEqualTo(expected);
    assertThat(written.get()).isEqualTo(expected.length);
    assertThat(Files.readString(device.directory().resolve("misc"))).contains("DISPLAY_LEVEL 2");
  }

  @Test
  void theInstallLogInMiscDecidesTheOutcome() throws Exception {
    Path directory = device("rshim0", "pcie-0000:4b:00.2");
    RshimDevice device = new RshimDevice(directory);
    assertThat(device.outcome()).isEqualTo(RshimDevice.Outcome.INSTALLING);

    Files.writeString(directory.resolve("misc"), " INFO[MISC]: Linux up\n", StandardOpenOption.APPEND);
    assertThat(device.outcome()).isEqualTo(RshimDevice.Outcome.SUCCEEDED);
    assertThat(device.lastLogLine()).isEqualTo("INFO[MISC]: Linux up");

    Files.writeString(directory.resolve("misc"), " ERR[BL2]: CRITICAL ERROR\n", StandardOpenOption.APPEND);
    assertThat(device.outcome()).isEqualTo(RshimDevice.Outcome.FAILED);
  }

  private Path device(String name, String devName) throws Exception {
    Path directory = Files.createDirectories(dev.resolve(name));
    Files.createFile(directory.resolve("boot"));
    Files.writeString(directory.resolve("misc"), "DISPLAY_LEVEL   0 (0:basic, 1:advanced, 2:log)\n"
        + "BOOT_MODE       1 (0:rshim, 1:emmc, 2:emmc-boot-swap)\n"
        + "DEV_NAME        " + devName + "\n"
        + "DEV_INFO        BlueField-3(Rev 1)\n");
    return directory;
  }
}
