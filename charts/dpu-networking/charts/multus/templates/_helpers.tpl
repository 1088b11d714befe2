{{/* The image reference: repository:tag, where the tag may end in @sha256:<digest>. An empty tag
leaves the repository as given, for references pinned by digest alone (repository@sha256:<digest>). */}}
{{- define "multus.image" -}}
{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}
{{- end }}

{{- define "multus.labels" -}}
app.kubernetes.io/name: multus
app.kubernetes.io/part-of: dpf
{{- end }}

{{/* Where the Multus pod writes the kubeconfig the CNI binary uses, as a path on the host. */}}
{{- define "multus.kubeconfig" -}}
{{ trimSuffix "/" .Values.cniConfDir }}/multus.d/multus.kubeconfig
{{- end }}
