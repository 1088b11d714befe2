package io.dpf.api.thirdparty.kamaji.v1alpha1;

import io.dpf.api.thirdparty.OpenObject;

/** An addon switched on by being present; its settings are kept as they are. */
public class OpenAddon extends OpenObject {
}
