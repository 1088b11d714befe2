{{/* repository:tag, where the tag may end in @sha256:<digest>; an empty tag leaves the repository as given. */}}
{{- define "nvidia-k8s-ipam.image" -}}
{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}
{{- end }}

{{- define "nvidia-k8s-ipam.labels" -}}
app.kubernetes.io/name: nvidia-k8s-ipam
app.kubernetes.io/part-of: dpf
{{- end }}
