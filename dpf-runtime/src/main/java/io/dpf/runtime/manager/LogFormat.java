package io.dpf.runtime.manager;

/**
 * How a manager writes its log: {@code text} for people, {@code json} for log pipelines. Both come
 * from the runtime's logback configurations, which carry the reconcile MDC keys.
 */
public enum LogFormat {
  text("dpf-logback.xml"),
  json("dpf-logback-json.xml");

  private final String configuration;

  LogFormat(String configuration) {
    this.configuration = configuration;
  }

  /**
   * Points logback at this format's configuration. Call first thing in {@code main}, before any
   * logger exists; a {@code logback.configurationFile} given on the command line wins (the demo and
   * tests that embed a manager bring their own).
   */
  public void install() {
    if (System.getProperty("logback.configurationFile") == null) {
      System.setProperty("logback.configurationFile", configuration);
    }
  }

  public String configuration() {
    return configuration;
  }
}
