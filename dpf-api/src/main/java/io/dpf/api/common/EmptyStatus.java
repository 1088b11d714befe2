package io.dpf.api.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Status of kinds that report nothing yet; present so the status subresource exists from v1alpha1 on. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class EmptyStatus {
}
