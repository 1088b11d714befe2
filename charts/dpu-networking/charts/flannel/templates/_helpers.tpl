{{/* repository:tag, where the tag may end in @sha256:<digest>; an empty tag leaves the repository as given. */}}
{{- define "flannel.image" -}}
{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}
{{- end }}

{{- define "flannel.labels" -}}
app.kubernetes.io/name: flannel
app.kubernetes.io/part-of: dpf
{{- end }}
