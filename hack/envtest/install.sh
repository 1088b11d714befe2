#!/usr/bin/env bash
# Makes the local Kubernetes binaries exist and prints the directory that holds them.
#
#   hack/envtest/install.sh [component ...]   build what is missing, print the asset directory on stdout
#
# Components (default: control-plane):
#   control-plane  etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, helm
#   node           kubelet, kube-proxy, containerd, ctr, containerd-shim-runc-v2, pause (a real node)
#   argocd         Argo CD's application-controller and repo-server (one binary, two symlinks), a
#                  miniredis for them, and Argo CD's CRDs from its module (argocd-crds/)
#   all            every component above
# Everything is built from published Go modules pinned in the folders beside this script (no Docker,
# no prebuilt downloads) into ${XDG_CACHE_HOME:-$HOME/.cache}/dpf/envtest/<k8s-version>/.
# A component is only trusted once it holds every binary and its stamp, so an interrupted build is
# resumed, never half-used; concurrent callers (several test JVMs, several checkouts) wait on a lock
# instead of building into the same directory. If KUBEBUILDER_ASSETS names a directory that already
# holds the control-plane binaries (a user's envtest set-up), that directory is used for them.
# Progress goes to stderr; stdout carries only the directory, for callers to capture.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Versions are read from the pinned go.mod files, so bumping a pin is the only edit needed.
pinned() { awk -v m="$1" '$1==m {print $2; exit} $1=="require" && $2==m {print $3; exit}' "$here/$2/go.mod"; }
k8s_version=$(pinned k8s.io/kubernetes kubernetes)
etcd_version=$(pinned go.etcd.io/etcd/server/v3 etcd)
kwok_version=$(pinned sigs.k8s.io/kwok kwok)
helm_version=$(pinned helm.sh/helm/v3 helm)
containerd_version=$(pinned github.com/containerd/containerd/v2 containerd)
argocd_version=$(pinned github.com/argoproj/argo-cd/v3 argocd)
miniredis_version=$(pinned github.com/alicebob/miniredis/v2 argocd)
# Argo CD v3.6 needs Go 1.27: its wrapper names the toolchain, which the go command fetches once from
# the module proxy for that build only (the other builds stay on the machine's Go).
argocd_toolchain=$(awk '$1=="toolchain" {print $2; exit}' "$here/argocd/go.mod")
# Our own mains live in the wrapper too: a change to them must rebuild, so their hash is in the stamp.
argocd_wrapper=$(cd "$here/argocd" && cat go.mod go.sum cmd/*/main.go | sha256sum | cut -c1-12)
for v in k8s_version etcd_version kwok_version helm_version containerd_version argocd_version miniredis_version argocd_toolchain; do
  [[ -n "${!v}" ]] || { echo "[envtest] cannot read $v from $here/*/go.mod" >&2; exit 1; }
done

log() { echo "[envtest] $*" >&2; }

components=("$@")
((${#components[@]})) || components=(control-plane)
[[ " ${components[*]} " == *" all "* ]] && components=(control-plane node argocd)

binaries_of() {
  case $1 in
    control-plane) echo "etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok helm kwok-stages.yaml" ;;
    node) echo "kubelet kube-proxy containerd ctr containerd-shim-runc-v2 pause" ;;
    argocd) echo "argocd argocd-application-controller argocd-repo-server miniredis argocd-crds/application-crd.yaml argocd-crds/appproject-crd.yaml argocd-crds/applicationset-crd.yaml" ;;
    *) log "unknown component '$1' (expected control-plane, node, argocd or all)"; exit 2 ;;
  esac
}
versions_of() {
  case $1 in
    control-plane) echo "kubernetes=$k8s_version etcd=$etcd_version kwok=$kwok_version helm=$helm_version" ;;
    node) echo "kubernetes=$k8s_version containerd=$containerd_version pause=$k8s_version" ;;
    argocd) echo "argocd=$argocd_version miniredis=$miniredis_version go=$argocd_toolchain wrapper=$argocd_wrapper" ;;
  esac
}
# The control plane keeps the stamp name it always had, so existing caches stay valid.
stamp_of() { [[ $1 == control-plane ]] && echo .complete || echo ".complete-$1"; }

has_all() { # dir component
  local b
  for b in $(binaries_of "$2"); do
    [[ -e "$1/$b" ]] || return 1
  done
}
complete() { # dir component
  [[ -f "$1/$(stamp_of "$2")" && "$(cat "$1/$(stamp_of "$2")")" == "$(versions_of "$2")" ]] && has_all "$1" "$2"
}

cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/dpf/envtest
out="$cache_root/${k8s_version#v}"

if [[ ${#components[@]} == 1 && ${components[0]} == control-plane && -n "${KUBEBUILDER_ASSETS:-}" ]] \
    && has_all "$KUBEBUILDER_ASSETS" control-plane; then
  log "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
  echo "$KUBEBUILDER_ASSETS"
  exit 0
fi

todo=()
for c in "${components[@]}"; do
  binaries_of "$c" >/dev/null
  complete "$out" "$c" || todo+=("$c")
done
if ((${#todo[@]} == 0)); then
  log "binaries present in $out (${components[*]})"
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { log "Go is required to build ${todo[*]} (apt-get install golang or see go.dev)"; exit 1; }
mkdir -p "$out"
exec 9>"$cache_root/.lock"
if ! flock -n 9; then
  log "another build holds $cache_root/.lock; waiting for it"
  flock 9
fi
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
build_flags=(-trimpath -buildvcs=false)

minor=$(echo "$k8s_version" | cut -d. -f2)
ver_pkg=k8s.io/component-base/version
k8s_ldflags="-s -w -X $ver_pkg.gitVersion=$k8s_version -X $ver_pkg.gitMajor=1 -X $ver_pkg.gitMinor=$minor \
 -X $ver_pkg.gitTreeState=clean -X $ver_pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"

build() { # module-dir ldflags tags output-dir packages...
  local mod=$1 ldflags=$2 tags=$3 dest=$4; shift 4
  log "building $* (module $mod)"
  (cd "$here/$mod" && go build "${build_flags[@]}" -tags "$tags" -ldflags "$ldflags" -o "$dest/" "$@")
}
k8s_tags=selinux,notest,grpcnotrace

build_kubernetes() { # binaries...
  local missing=() b
  for b in "$@"; do [[ -x "$out/$b" ]] || missing+=("k8s.io/kubernetes/cmd/$b"); done
  ((${#missing[@]} == 0)) || build kubernetes "$k8s_ldflags" "$k8s_tags" "$out" "${missing[@]}"
}

build_control_plane() {
  if [[ ! -x "$out/etcd" ]]; then
    build etcd "-s -w" "$k8s_tags" "$out" go.etcd.io/etcd/server/v3
    mv "$out/server" "$out/etcd" # go names the binary after the package path (.../server/v3 → server)
  fi
  [[ -x "$out/kwok" ]] || build kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v}" "$k8s_tags" "$out" sigs.k8s.io/kwok/cmd/kwok
  [[ -x "$out/helm" ]] || build helm "-s -w -X helm.sh/helm/v3/internal/version.version=$helm_version" "$k8s_tags" "$out" helm.sh/helm/v3/cmd/helm
  build_kubernetes kube-apiserver kube-controller-manager kube-scheduler kubectl
  # KWOK ships no built-in stages since v0.8.0: take upstream's "fast" set (node initialise and
  # lease heartbeat, pod ready/complete/delete) from the module just built, so Pods become Running.
  if [[ ! -f "$out/kwok-stages.yaml" ]]; then
    local kwok_dir f
    kwok_dir=$(cd "$here/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
    for f in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
             pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
      echo "---"; cat "$kwok_dir/kustomize/stage/$f.yaml"
    done > "$out/kwok-stages.yaml.tmp"
    mv "$out/kwok-stages.yaml.tmp" "$out/kwok-stages.yaml"
  fi
}

build_node() {
  build_kubernetes kubelet kube-proxy
  local pkg=github.com/containerd/containerd/v2
  local ld="-s -w -X $pkg/version.Version=$containerd_version -X $pkg/version.Revision=$containerd_version -X $pkg/version.Package=$pkg"
  # containerd's own tags: no cgo-only snapshotters; the shim without gRPC, as upstream builds it.
  [[ -x "$out/containerd" && -x "$out/ctr" ]] || \
    build containerd "$ld" "urfave_cli_no_docs no_btrfs no_devmapper no_zfs" "$out" "$pkg/cmd/containerd" "$pkg/cmd/ctr"
  [[ -x "$out/containerd-shim-runc-v2" ]] || \
    build containerd "$ld" "urfave_cli_no_docs no_btrfs no_devmapper no_zfs no_grpc" "$out" "$pkg/cmd/containerd-shim-runc-v2"
  # The pod sandbox: upstream's pause.c from the Kubernetes module, linked statically (no registry
  # serves registry.k8s.io/pause here; the testkit wraps this binary into an image).
  if [[ ! -x "$out/pause" ]]; then
    command -v gcc >/dev/null || { log "gcc is required to build the pause binary"; exit 1; }
    local src
    src=$(cd "$here/kubernetes" && go list -m -f '{{.Dir}}' k8s.io/kubernetes)/build/pause/linux/pause.c
    log "building pause from $src"
    gcc -Os -Wall -Werror -static -DVERSION="$k8s_version" -o "$out/pause.tmp" "$src"
    strip "$out/pause.tmp" 2>/dev/null || true
    mv "$out/pause.tmp" "$out/pause"
  fi
}

build_argocd() {
  local pkg=github.com/argoproj/argo-cd/v3/common
  local ld="-s -w -X $pkg.version=${argocd_version#v} -X $pkg.gitTag=$argocd_version -X $pkg.gitTreeState=clean \
 -X $pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  # Our slim main (cmd/argocd: controller and repo-server only) and miniredis, in one go build.
  # Always built when the stamp is not complete (the wrapper's mains may have changed); the build
  # cache makes a resumed or repeated build quick.
  GOTOOLCHAIN=$argocd_toolchain build argocd "$ld" "" "$out" ./cmd/argocd ./cmd/miniredis
  ln -sfn argocd "$out/argocd-application-controller"
  ln -sfn argocd "$out/argocd-repo-server"
  # The CRDs of the same release, straight from its module (server-side apply them: the
  # ApplicationSet CRD is too large for client-side apply's annotation).
  if [[ ! -d "$out/argocd-crds" ]]; then
    local dir
    dir=$(cd "$here/argocd" && GOTOOLCHAIN=$argocd_toolchain go list -m -f '{{.Dir}}' github.com/argoproj/argo-cd/v3)
    mkdir -p "$out/argocd-crds.tmp"
    cp "$dir"/manifests/crds/{application,appproject,applicationset}-crd.yaml "$out/argocd-crds.tmp/"
    chmod 644 "$out"/argocd-crds.tmp/*.yaml
    mv "$out/argocd-crds.tmp" "$out/argocd-crds"
  fi
}

for c in "${todo[@]}"; do
  complete "$out" "$c" && continue # built by whoever held the lock before us
  started=$(date +%s)
  rm -f "$out/$(stamp_of "$c")"
  case $c in
    control-plane) build_control_plane ;;
    node) build_node ;;
    argocd) build_argocd ;;
  esac
  has_all "$out" "$c" || { log "build of $c finished but binaries are missing in $out"; exit 1; }
  versions_of "$c" > "$out/$(stamp_of "$c")"
  log "built $c in $(( $(date +%s) - started ))s into $out:"
  (cd "$out" && du -h $(binaries_of "$c") >&2)
done
echo "$out"
