package io.dpf.provisioning.redfish;

import java.util.List;

/**
 * A Redfish Task (DMTF Task schema): {@code TaskState} New/Starting/Running/…/Completed/Exception/Killed,
 * {@code TaskStatus} OK/Warning/Critical, {@code PercentComplete}, and its messages ("Transfer is 20%").
 */
public record RedfishTask(String id, String state, String status, int percentComplete, List<String> messages) {

  public boolean finished() {
    return switch (state) {
      case "Completed", "Exception", "Killed", "Cancelled" -> true;
      default -> false;
    };
  }

  public boolean succeeded() {
    return "Completed".equals(state) && ("OK".equals(status) || "Warning".equals(status));
  }

  public String lastMessage() {
    return messages.isEmpty() ? "" : messages.get(messages.size() - 1);
  }
}
