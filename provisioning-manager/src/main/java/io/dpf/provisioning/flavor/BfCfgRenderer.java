package io.dpf.provisioning.flavor;

import io.dpf.api.provisioning.v1alpha1.ConfigFile;
import io.dpf.api.provisioning.v1alpha1.ConfigFileOperation;
import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import io.dpf.api.provisioning.v1alpha1.NVConfig;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Renders a DPU's {@code bf.cfg}: the file the BFB's installer sources (bfb-install appends it to the
 * BFB stream). Its variables ({@code bfcfgParameters}) tune the installer; its {@code bfb_modify_os}
 * function runs against the freshly installed root at {@code /mnt} and seeds cloud-init, which
 * configures the DPU on first boot. Pure: same input, same bytes, so a re-render never differs.
 */
public final class BfCfgRenderer {

  /** DMS refuses bigger bf.cfg files; we keep the same limit so a flavor works on every install path. */
  public static final int MAX_BYTES = 128 * 1024;
  static final String UBUNTU_PASSWORD = "ubuntu_PASSWORD=";
  static final String JOINED_MARKER = "/opt/dpf/joined_cluster_successfully";

  private BfCfgRenderer() {}

  public static String render(BfCfgInput input) {
    DPUFlavorSpec flavor = input.flavor() == null ? new DPUFlavorSpec() : input.flavor();
    StringBuilder out = new StringBuilder();
    out.append("# bf.cfg of DPU ").append(input.dpuName()).append(", from DPUFlavor ").append(input.flavorName())
        .append(", rendered by the DPF provisioning manager\n");
    for (String parameter : list(flavor.getBfcfgParameters())) {
      if (!parameter.startsWith(UBUNTU_PASSWORD)) {
        out.append(parameter).append('\n');
      }
    }
    out.append("\nbfb_modify_os()\n{\n");
    out.append("mkdir -p /mnt/opt/dpf\n");
    out.append("echo ").append(input.dpuName()).append(" > /mnt/etc/hostname\n");
    kernelParameters(out, flavor);
    out.append("cat << 'DPF_USER_DATA' > /mnt/var/lib/cloud/seed/nocloud-net/user-data\n");
    out.append(CloudInitUserData.render(input, ubuntuPasswordHash(flavor)));
    out.append("DPF_USER_DATA\n}\n");
    String rendered = out.toString();
    int size = rendered.getBytes(StandardCharsets.UTF_8).length;
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException("bf.cfg of " + input.dpuName() + " is " + size + " bytes, more than the "
          + MAX_BYTES + " a DPU accepts; shorten the flavor's configFiles or ovs script");
    }
    return rendered;
  }

  /** The password hash from {@code ubuntu_PASSWORD=...}, which goes to cloud-init rather than the installer. */
  static Optional<String> ubuntuPasswordHash(DPUFlavorSpec flavor) {
    return list(flavor.getBfcfgParameters()).stream().filter(p -> p.startsWith(UBUNTU_PASSWORD))
        .map(p -> unquote(p.substring(UBUNTU_PASSWORD.length()))).filter(p -> !p.isEmpty()).findFirst();
  }

  private static void kernelParameters(StringBuilder out, DPUFlavorSpec flavor) {
    List<String> parameters = flavor.getGrub() == null ? List.of() : list(flavor.getGrub().getKernelParameters());
    if (parameters.isEmpty()) {
      return;
    }
    out.append("sed -i -E 's|^GRUB_CMDLINE_LINUX=.*|GRUB_CMDLINE_LINUX=\"").append(String.join(" ", parameters))
        .append("\"|' /mnt/etc/default/grub\n");
  }

  /** {@code mlxconfig} arguments of the flavor's one nvconfig entry (device {@code *}: every DPU device). */
  static List<String> nvconfigParameters(DPUFlavorSpec flavor) {
    List<String> parameters = new ArrayList<>();
    for (NVConfig nvconfig : list(flavor.getNvconfig())) {
      parameters.addAll(list(nvconfig.getParameters()));
    }
    return parameters;
  }

  static boolean appends(ConfigFile file) {
    return file.getOperation() == ConfigFileOperation.APPEND;
  }

  static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : items;
  }

  private static String unquote(String value) {
    String trimmed = value.trim();
    if (trimmed.length() >= 2 && (trimmed.startsWith("\"") && trimmed.endsWith("\"")
        || trimmed.startsWith("'") && trimmed.endsWith("'"))) {
      return trimmed.substring(1, trimmed.length() - 1);
    }
    return trimmed;
  }
}
