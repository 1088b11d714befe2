{{/* repository:tag, where the tag may end in @sha256:<digest>; an empty tag leaves the repository as given. */}}
{{- define "ovs-cni.image" -}}
{{ .repository }}{{ with .tag }}:{{ . }}{{ end }}
{{- end }}

{{- define "ovs-cni.labels" -}}
app.kubernetes.io/name: ovs-cni
app.kubernetes.io/part-of: dpf
{{- end }}
