#!/usr/bin/env bash
# Installs the Debian packages that the real parts of the test environment run on, where they are
# missing: runc and the CNI plugins for the real kubelet node, iptables/conntrack for its kube-proxy,
# Open vSwitch and ping for the SFC controller's tests (ping: traffic through a chain). Idempotent: installed packages are left alone and the
# package lists are only fetched when something is missing. Services are not started (the tests
# start their own containerd and ovs-vswitchd in directories of their own).
#
#   hack/install-packages.sh          install what is missing (needs root and apt-get)
#   hack/install-packages.sh --check  only report what is missing; exit 1 if anything is
set -euo pipefail

packages=(runc containernetworking-plugins iptables conntrack iproute2 util-linux openvswitch-switch iputils-ping)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "[packages] present: ${packages[*]}" >&2
  exit 0
fi
if [[ ${1:-} == --check ]]; then
  echo "[packages] missing: ${missing[*]}" >&2
  exit 1
fi
if [[ $(id -u) != 0 ]] || ! command -v apt-get >/dev/null; then
  echo "[packages] missing ${missing[*]}, and installing them needs root and apt-get;" \
       "the tests that need them will skip and say so" >&2
  exit 0
fi

echo "[packages] installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
# Keep package scripts from starting services (openvswitch-switch would start a system ovs-vswitchd).
policy=/usr/sbin/policy-rc.d
had_policy=false
[[ -e $policy ]] && had_policy=true
if ! $had_policy; then
  printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy"
  trap 'rm -f "$policy"' EXIT
fi
apt_install() { apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
apt_install || { apt-get update -q >&2 && apt_install; }
echo "[packages] installed ${missing[*]}" >&2
