package io.dpf.provisioning.flavor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dpf.api.provisioning.v1alpha1.ConfigFile;
import io.dpf.api.provisioning.v1alpha1.ConfigFileOperation;
import io.dpf.api.provisioning.v1alpha1.ContainerdConfig;
import io.dpf.api.provisioning.v1alpha1.DPUFlavorSpec;
import io.dpf.api.provisioning.v1alpha1.Grub;
import io.dpf.api.provisioning.v1alpha1.NVConfig;
import io.dpf.api.provisioning.v1alpha1.OVS;
import io.dpf.api.provisioning.v1alpha1.Sysctl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BfCfgRendererTest {

  static final String JOIN =
      "kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash sha256:00";

  @Test
  void installerParametersComeFirstAndThePasswordGoesToCloudInit() {
    DPUFlavorSpec flavor = new DPUFlavorSpec();
    flavor.setBfcfgParameters(List.of("UPDATE_ATF_UEFI=yes", "UPDATE_DPU_OS=yes", "ubuntu_PASSWORD='$1$abc$hash'"));

    String bfCfg = render(flavor, Optional.empty());

    assertThat(bfCfg.lines().skip(1).limit(2)).containsExactly("UPDATE_ATF_UEFI=yes", "UPDATE_DPU_OS=yes");
    assertThat(bfCfg).doesNotContain("ubuntu_PASSWORD");
    JsonNode userData = userData(bfCfg);
    assertThat(userData.at("/users/0/passwd").asText()).isEqualTo("$1$abc$hash");
    assertThat(userData.has("chpasswd")).isFalse();
  }

  @Test
  void withoutAPasswordTheDefaultMustBeChangedAtFirstLogin() {
    JsonNode userData = userData(render(new DPUFlavorSpec(), Optional.empty()));

    assertThat(userData.at("/chpasswd/expire").asBoolean()).isTrue();
    assertThat(userData.at("/chpasswd/list").asText()).isEqualTo("ubuntu:ubuntu\n");
  }

  @Test
  void theDpuIsNamedAfterItsDpuObjectAndTalksToTheHostOverTmfifo() {
    String bfCfg = render(new DPUFlavorSpec(), Optional.empty());

    assertThat(bfCfg).contains("echo worker-1-0000-4b-00 > /mnt/etc/hostname");
    JsonNode userData = userData(bfCfg);
    assertThat(userData.at("/hostname").asText()).isEqualTo("worker-1-0000-4b-00");
    assertThat(file(userData, "/etc/netplan/60-dpf-tmfifo.yaml").at("/content").asText()).contains("tmfifo_net0")
        .contains("192.168.100.2/30");
  }

  @Test
  void flavorContentsBecomeFilesAndCommands() {
    DPUFlavorSpec flavor = new DPUFlavorSpec();
    Grub grub = new Grub();
    grub.setKernelParameters(List.of("console=hvc0", "hugepages=3072"));
    flavor.setGrub(grub);
    Sysctl sysctl = new Sysctl();
    sysctl.setParameters(List.of("net.ipv4.ip_forward=1", "net.ipv4.tcp_rmem=4096 87380 6291456"));
    flavor.setSysctl(sysctl);
    NVConfig nvconfig = new NVConfig();
    nvconfig.setDevice("*");
    nvconfig.setParameters(List.of("PF_TOTAL_SF=20", "PER_PF_NUM_SF=1"));
    flavor.setNvconfig(List.of(nvconfig));
    OVS ovs = new OVS();
    ovs.setRawConfigScript("_ovs-vsctl() {\n  ovs-vsctl --no-wait --timeout 15 \"$@\"\n}\n"
        + "_ovs-vsctl set Open_vSwitch . other_config:doca-init=true\n");
    flavor.setOvs(ovs);
    ContainerdConfig containerd = new ContainerdConfig();
    containerd.setRegistryEndpoint("https://mirror.example.com");
    flavor.setContainerdConfig(containerd);
    ConfigFile append = new ConfigFile();
    append.setPath("/etc/mellanox/mlnx-bf.conf");
    append.setOperation(ConfigFileOperation.APPEND);
    append.setRaw("ALLOW_SHARED_RQ=\"no\"\n");
    append.setPermissions("0644");
    flavor.setConfigFiles(List.of(append));

    String bfCfg = render(flavor, Optional.of(JOIN));

    assertThat(bfCfg).contains("GRUB_CMDLINE_LINUX=\"console=hvc0 hugepages=3072\"");
    JsonNode userData = userData(bfCfg);
    assertThat(file(userData, "/etc/sysctl.d/99-dpf.conf").at("/content").asText())
        .contains("net.bridge.bridge-nf-call-iptables = 1").contains("net.ipv4.tcp_rmem=4096 87380 6291456");
    assertThat(file(userData, "/opt/dpf/ovs.sh").at("/content").asText()).isEqualTo(ovs.getRawConfigScript());
    assertThat(file(userData, "/opt/dpf/ovs.sh").at("/permissions").asText()).isEqualTo("0755");
    assertThat(file(userData, "/etc/containerd/certs.d/nvcr.io/hosts.toml").at("/content").asText())
        .contains("[host.\"https://mirror.example.com\"]");
    assertThat(file(userData, "/etc/mellanox/mlnx-bf.conf").at("/append").asBoolean()).isTrue();
    assertThat(file(userData, "/opt/dpf/join_k8s_cluster.sh").at("/content").asText())
        .contains("br-comm-ch").contains(JOIN + " --v=5").contains("/opt/dpf/joined_cluster_successfully");
    assertThat(userData.at("/runcmd")).extracting(JsonNode::asText).contains(
        "for dev in /dev/mst/*_pciconf0; do mlxconfig -d \"$dev\" -y set PF_TOTAL_SF=20 PER_PF_NUM_SF=1; done",
        "/opt/dpf/ovs.sh", "update-grub", "/opt/dpf/join_k8s_cluster.sh");
  }

  @Test
  void renderingIsStable() {
    DPUFlavorSpec flavor = new DPUFlavorSpec();
    flavor.setBfcfgParameters(List.of("UPDATE_ATF_UEFI=yes"));

    assertThat(render(flavor, Optional.of(JOIN))).isEqualTo(render(flavor, Optional.of(JOIN)));
  }

  @Test
  void refusesMoreThanADpuAccepts() {
    DPUFlavorSpec flavor = new DPUFlavorSpec();
    OVS ovs = new OVS();
    ovs.setRawConfigScript("#".repeat(BfCfgRenderer.MAX_BYTES));
    flavor.setOvs(ovs);

    assertThatThrownBy(() -> render(flavor, Optional.empty())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("more than the 131072");
  }

  static String render(DPUFlavorSpec flavor, Optional<String> join) {
    return BfCfgRenderer.render(new BfCfgInput("worker-1-0000-4b-00", "dpf-provisioning-hbn-ovn", flavor, join));
  }

  static JsonNode userData(String bfCfg) {
    String start = "> /mnt/var/lib/cloud/seed/nocloud-net/user-data\n";
    String body = bfCfg.substring(bfCfg.indexOf(start) + start.length(), bfCfg.indexOf("DPF_USER_DATA\n}"));
    assertThat(body).startsWith("#cloud-config\n");
    try {
      return new YAMLMapper().readTree(body);
    } catch (Exception e) {
      throw new AssertionError("user-data is not YAML:\n" + body, e);
    }
  }

  static JsonNode file(JsonNode userData, String path) {
    for (JsonNode file : userData.at("/write_files")) {
      if (path.equals(file.at("/path").asText())) {
        return file;
      }
    }
    throw new AssertionError("no file " + path + " in " + userData);
  }
}
