{{/* Labels as upstream's manifests set them: name, component, part-of. */}}
{{- define "argocd.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: argocd
{{- end }}

{{/* Every container: non-root, nothing to escalate to, a read-only root (writable paths are emptyDirs). */}}
{{- define "argocd.containerSecurity" -}}
securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: {drop: [ALL]}
{{- end }}

{{- define "argocd.pullSecrets" }}
{{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
{{- end }}
{{- end }}

{{/*
Where the controller and repo-server find Redis and the repo-server: the Service's ClusterIP from
the variables the kubelet gives every pod for the Services of its namespace (the Services are
applied before the workloads), not their DNS names, so Argo CD also runs where the cluster has no
DNS. Upstream's argocd-cmd-params-cm keys redis.server / repo.server are not needed for that.
*/}}
{{- define "argocd.redisAddress" -}}
$(ARGOCD_REDIS_SERVICE_HOST):$(ARGOCD_REDIS_SERVICE_PORT)
{{- end }}
{{- define "argocd.repoServerAddress" -}}
$(ARGOCD_REPO_SERVER_SERVICE_HOST):$(ARGOCD_REPO_SERVER_SERVICE_PORT)
{{- end }}

{{/* An optional setting from a ConfigMap as an environment variable, as upstream wires its settings. */}}
{{- define "argocd.envFrom" -}}
- name: {{ .env }}
  valueFrom:
    configMapKeyRef: {name: {{ .cm }}, key: {{ .key }}, optional: true}
{{- end }}
