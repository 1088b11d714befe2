package io.dpf.sfc.interfaces;

import java.util.Map;

/**
 * A port a ServiceInterface asks for.
 *
 * @param dpfId the {@code external_ids:dpf-id} of its interface ({@code <namespace>/<name>} of the
 *     ServiceInterface), by which chains find it; null on the far half of a patch pair
 * @param dpfType the port's {@code external_ids:dpf-type}: the ServiceInterface type that made it
 */
public record DesiredPort(String bridge, String name, String interfaceType, Map<String, String> options,
    String dpfId, String dpfType) {
}
