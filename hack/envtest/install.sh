#!/usr/bin/env bash
# Makes the local control-plane binaries exist and prints the directory that holds them.
#
#   hack/envtest/install.sh            build what is missing, print the asset directory on stdout
#
# Binaries: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kubectl, kwok, helm, built
# from their published Go modules (no Docker, no downloads of prebuilt binaries) into
#   ${XDG_CACHE_HOME:-$HOME/.cache}/dpf/envtest/<k8s-version>/
# A directory is only trusted once it holds every binary and a .complete stamp, so an interrupted
# build is resumed, never half-used. If KUBEBUILDER_ASSETS names a directory that already holds
# the binaries (a user's envtest set-up), that directory is used and nothing is built.
# Progress goes to stderr; stdout carries only the directory, for callers to capture.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Versions are read from the pinned go.mod files, so bumping a pin is the only edit needed.
pinned() { awk -v m="$1" '$1==m {print $2; exit} $1=="require" && $2==m {print $3; exit}' "$here/$2/go.mod"; }
k8s_version=$(pinned k8s.io/kubernetes kubernetes)
etcd_version=$(pinned go.etcd.io/etcd/server/v3 etcd)
kwok_version=$(pinned sigs.k8s.io/kwok kwok)
helm_version=$(pinned helm.sh/helm/v3 helm)
[[ -n "$k8s_version" && -n "$etcd_version" && -n "$kwok_version" && -n "$helm_version" ]] || { echo "[envtest] cannot read pinned versions from $here/*/go.mod" >&2; exit 1; }
binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kubectl kwok helm)

log() { echo "[envtest] $*" >&2; }

has_all() {
  local dir=$1 b
  for b in "${binaries[@]}"; do [[ -x "$dir/$b" ]] || return 1; done
  [[ -f "$dir/kwok-stages.yaml" ]]
}

if [[ -n "${KUBEBUILDER_ASSETS:-}" ]] && has_all "$KUBEBUILDER_ASSETS"; then
  log "using KUBEBUILDER_ASSETS=$KUBEBUILDER_ASSETS"
  echo "$KUBEBUILDER_ASSETS"
  exit 0
fi

cache_root=${XDG_CACHE_HOME:-$HOME/.cache}/dpf/envtest
out="$cache_root/${k8s_version#v}"
stamp="$out/.complete"
# The stamp records the pinned versions; binaries are built only where missing, so after bumping a
# pin other than Kubernetes (whose version names the directory) remove the old binary or directory.
want="kubernetes=$k8s_version etcd=$etcd_version kwok=$kwok_version helm=$helm_version"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]] && has_all "$out"; then
  log "binaries present in $out"
  echo "$out"
  exit 0
fi

command -v go >/dev/null || { log "Go is required to build the control plane (apt-get install golang or see go.dev)"; exit 1; }
mkdir -p "$out"
rm -f "$stamp"
export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0
build_flags=(-trimpath -buildvcs=false)
started=$(date +%s)

minor=$(echo "$k8s_version" | cut -d. -f2)
ver_pkg=k8s.io/component-base/version
k8s_ldflags="-s -w -X $ver_pkg.gitVersion=$k8s_version -X $ver_pkg.gitMajor=1 -X $ver_pkg.gitMinor=$minor \
 -X $ver_pkg.gitTreeState=clean -X $ver_pkg.buildDate=$(date -u +%Y-%m-%dT%H:%M:%SZ)"

build() { # module-dir ldflags output-dir packages...
  local mod=$1 ldflags=$2 dest=$3; shift 3
  log "building $* (module $mod)"
  (cd "$here/$mod" && go build "${build_flags[@]}" -tags selinux,notest,grpcnotrace -ldflags "$ldflags" -o "$dest/" "$@")
}

if [[ ! -x "$out/etcd" ]]; then
  build etcd "-s -w" "$out" go.etcd.io/etcd/server/v3
  mv "$out/server" "$out/etcd" # go names the binary after the package path (.../server/v3 → server)
fi
[[ -x "$out/kwok" ]] || build kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${kwok_version#v}" "$out" sigs.k8s.io/kwok/cmd/kwok
[[ -x "$out/helm" ]] || build helm "-s -w -X helm.sh/helm/v3/internal/version.version=$helm_version" "$out" helm.sh/helm/v3/cmd/helm
missing=()
for b in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
  [[ -x "$out/$b" ]] || missing+=("k8s.io/kubernetes/cmd/$b")
done
((${#missing[@]} == 0)) || build kubernetes "$k8s_ldflags" "$out" "${missing[@]}"

# KWOK ships no built-in stages since v0.8.0: take upstream's "fast" set (node initialise and
# lease heartbeat, pod ready/complete/delete) from the module just built, so Pods become Running.
if [[ ! -f "$out/kwok-stages.yaml" ]]; then
  kwok_dir=$(cd "$here/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)
  for f in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease \
           pod/fast/pod-ready pod/fast/pod-complete pod/fast/pod-delete; do
    echo "---"; cat "$kwok_dir/kustomize/stage/$f.yaml"
  done > "$out/kwok-stages.yaml.tmp"
  mv "$out/kwok-stages.yaml.tmp" "$out/kwok-stages.yaml"
fi

has_all "$out" || { log "build finished but binaries are missing in $out"; exit 1; }
echo "$want" > "$stamp"
log "built in $(( $(date +%s) - started ))s into $out:"
(cd "$out" && du -h "${binaries[@]}" >&2)
echo "$out"
