#!/usr/bin/env bash
# Lints every chart in charts/ and renders the host-cluster components the DPF operator deploys
# into <out>/manifests/<component>.yaml, which the operator embeds. The charts are the source of
# truth; the rendered YAML is build output, never edited or committed.
#
#   hack/render-charts.sh <out-dir>
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:?usage: render-charts.sh <out-dir>}
helm="$(bash "$root/hack/envtest/install.sh")/helm"

mkdir -p "$out/manifests" "$out/charts"
for chart in "$root"/charts/*/; do
  [[ -f "$chart/Chart.yaml" ]] || continue
  "$helm" lint --quiet "$chart" >&2
done
# The release namespace is a placeholder: the operator moves every object to its config's namespace.
for component in argocd dpuservice-controller provisioning-controller; do
  "$helm" template "$component" "$root/charts/$component" --namespace dpf-operator-system \
    > "$out/manifests/$component.yaml"
done
"$helm" package "$root/charts/dpu-networking" --destination "$out/charts" >&2
echo "[charts] rendered $(ls "$out/manifests" | wc -l) host components into $out/manifests" >&2
