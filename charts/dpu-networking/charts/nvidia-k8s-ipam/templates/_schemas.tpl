{{/* OpenAPI schemas the two pool kinds share. */}}
{{- define "nvidia-k8s-ipam.schema.requirements" -}}
type: array
x-kubernetes-list-type: atomic
items:
  type: object
  required: [key, operator]
  properties:
    key: {type: string}
    operator: {type: string, description: "In, NotIn, Exists, DoesNotExist, Gt or Lt."}
    values:
      type: array
      x-kubernetes-list-type: atomic
      items: {type: string}
{{- end }}

{{- define "nvidia-k8s-ipam.schema.nodeSelector" -}}
description: The nodes that get a block of the pool; all nodes when empty.
type: object
x-kubernetes-map-type: atomic
required: [nodeSelectorTerms]
properties:
  nodeSelectorTerms:
    description: ORed terms, each a set of ANDed requirements on labels or fields.
    type: array
    x-kubernetes-list-type: atomic
    items:
      type: object
      x-kubernetes-map-type: atomic
      properties:
        matchExpressions: {{- include "nvidia-k8s-ipam.schema.requirements" . | nindent 10 }}
        matchFields: {{- include "nvidia-k8s-ipam.schema.requirements" . | nindent 10 }}
{{- end }}

{{- define "nvidia-k8s-ipam.schema.exclusions" -}}
description: Address ranges (both ends included) never handed out.
type: array
items:
  type: object
  required: [startIP, endIP]
  properties:
    startIP: {type: string}
    endIP: {type: string}
{{- end }}

{{- define "nvidia-k8s-ipam.schema.routes" -}}
description: Static routes through the gateway.
type: array
items:
  type: object
  required: [dst]
  properties:
    dst: {type: string, description: "The destination, in CIDR notation."}
{{- end }}
