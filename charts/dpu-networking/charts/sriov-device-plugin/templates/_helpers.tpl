{{/* repository:tag, where the tag may end in @sha256:<digest>; an empty tag leaves the repository as given. */}}
{{- define "sriov-device-plugin.image" -}}
{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}
{{- end }}

{{- define "sriov-device-plugin.labels" -}}
app.kubernetes.io/name: sriov-device-plugin
app.kubernetes.io/part-of: dpf
{{- end }}
