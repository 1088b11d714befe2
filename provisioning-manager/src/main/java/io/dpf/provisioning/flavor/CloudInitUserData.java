package io.dpf.provisioning.flavor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dpf.api.provisioning.v1alpha1.ConfigFile;
import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud-init user-data a DPU boots with: the ubuntu user, the tmfifo netplan, sysctls, the
 * flavor's files and scripts, the containerd mirror and the cluster join. Built as a map and written
 * by a YAML library, so no flavor content (scripts with quotes, colons, newlines) can break the YAML.
 */
final class CloudInitUserData {

  static final String TMFIFO_ADDRESS = "192.168.100.2/30";
  static final String OVS_SCRIPT = "/opt/dpf/ovs.sh";
  static final String JOIN_SCRIPT = "/opt/dpf/join_k8s_cluster.sh";
  private static final YAMLMapper YAML = YAMLMapper.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
      .build();

  private CloudInitUserData() {}

  static String render(BfCfgInput input, Optional<String> passwordHash) {
    DPUFlavorSpec flavor = input.flavor() == null ? new DPUFlavorSpec() : input.flavor();
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("hostname", input.dpuName());
    Map<String, Object> ubuntu = new LinkedHashMap<>();
    ubuntu.put("name", "ubuntu");
    ubuntu.put("lock_passwd", false);
    ubuntu.put("groups", "adm, sudo");
    ubuntu.put("sudo", "ALL=(ALL) NOPASSWD:ALL");
    ubuntu.put("shell", "/bin/bash");
    passwordHash.ifPresent(hash -> ubuntu.put("passwd", hash));
    config.put("users", List.of(ubuntu));
    if (passwordHash.isEmpty()) {
      // DPF's default: password "ubuntu", to be changed at first login.
      config.put("chpasswd", Map.of("list", "ubuntu:ubuntu\n", "expire", true));
    }
    config.put("write_files", files(input, flavor));
    config.put("runcmd", commands(input, flavor));
    try {
      return "#cloud-config\n" + YAML.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain maps always serialise", e);
    }
  }

  private static List<Map<String, Object>> files(BfCfgInput input, DPUFlavorSpec flavor) {
    List<Map<String, Object>> files = new ArrayList<>();
    files.add(file("/etc/netplan/60-dpf-tmfifo.yaml", "network:\n  version: 2\n  ethernets:\n    tmfifo_net0:\n"
        + "      addresses: [" + TMFIFO_ADDRESS + "]\n      dhcp4: false\n", "0600", false));
    files.add(file("/etc/modules-load.d/dpf-br_netfilter.conf", "br_netfilter\n", "0644", false));
    StringBuilder sysctl = new StringBuilder("net.bridge.bridge-nf-call-iptables = 1\nnet.ipv4.ip_forward = 1\n");
    if (flavor.getSysctl() != null) {
      BfCfgRenderer.list(flavor.getSysctl().getParameters()).forEach(p -> sysctl.append(p).append('\n'));
    }
    files.add(file("/etc/sysctl.d/99-dpf.conf", sysctl.toString(), "0644", false));
    if (flavor.getOvs() != null && flavor.getOvs().getRawConfigScript() != null) {
      files.add(file(OVS_SCRIPT, flavor.getOvs().getRawConfigScript(), "0755", false));
    }
    if (flavor.getContainerdConfig() != null && flavor.getContainerdConfig().getRegistryEndpoint() != null) {
      files.add(file("/etc/containerd/certs.d/nvcr.io/hosts.toml", "server = \"https://nvcr.io\"\n\n[host.\""
          + flavor.getContainerdConfig().getRegistryEndpoint() + "\"]\n  capabilities = [\"pull\", \"resolve\"]\n",
          "0644", false));
    }
    for (ConfigFile configFile : BfCfgRenderer.list(flavor.getConfigFiles())) {
      files.add(file(configFile.getPath(), configFile.getRaw() == null ? "" : configFile.getRaw(),
          configFile.getPermissions() == null ? "0644" : configFile.getPermissions(), BfCfgRenderer.appends(configFile)));
    }
    input.joinCommand().ifPresent(join -> files.add(file(JOIN_SCRIPT, joinScript(join), "0700", false)));
    return files;
  }

  private static List<String> commands(BfCfgInput input, DPUFlavorSpec flavor) {
    List<String> commands = new ArrayList<>();
    commands.add("sysctl --system");
    List<String> nvconfig = BfCfgRenderer.nvconfigParameters(flavor);
    if (!nvconfig.isEmpty()) {
      commands.add("for dev in /dev/mst/*_pciconf0; do mlxconfig -d \"$dev\" -y set " + String.join(" ", nvconfig)
          + "; done");
    }
    if (flavor.getContainerdConfig() != null && flavor.getContainerdConfig().getRegistryEndpoint() != null) {
      commands.add("systemctl restart containerd");
    }
    if (flavor.getOvs() != null && flavor.getOvs().getRawConfigScript() != null) {
      commands.add(OVS_SCRIPT);
    }
    if (flavor.getGrub() != null && !BfCfgRenderer.list(flavor.getGrub().getKernelParameters()).isEmpty()) {
      // New kernel parameters apply only after the boot menu is rebuilt and the DPU restarts once.
      commands.add("update-grub");
    }
    input.joinCommand().ifPresent(join -> commands.add(JOIN_SCRIPT));
    return commands;
  }

  /** Waits for the host-facing bridge to have an address, joins once, and remembers that it did. */
  static String joinScript(String joinCommand) {
    return "#!/bin/bash\nset -euo pipefail\n"
        + "[ -f " + BfCfgRenderer.JOINED_MARKER + " ] && exit 0\n"
        + "until ip -4 addr show br-comm-ch 2>/dev/null | grep -q inet; do sleep 5; done\n"
        + joinCommand + " --v=5\n"
        + "touch " + BfCfgRenderer.JOINED_MARKER + "\n";
  }

  private static Map<String, Object> file(String path, String content, String permissions, boolean append) {
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("path", path);
    file.put("permissions", permissions);
    file.put("content", content);
    if (append) {
      file.put("append", true);
    }
    return file;
  }
}
