package io.dpf.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A manager's flags as the Markdown table its README shows, made from the picocli declarations (the
 * one place a flag's name, default and description live). A test compares the README's table with
 * this one and fails, printing the table to paste, when they differ; run it with
 * {@code -Ddpf.readme.update=true} to have it rewrite the README instead. A test rather than a
 * generator in the build: {@code mvn verify} never edits tracked files behind anyone's back.
 */
public final class FlagTable {

  private FlagTable() {}

  public static String markdown(CommandLine command) {
    StringBuilder table = new StringBuilder("| flag | default | description |\n|---|---|---|\n");
    for (OptionSpec option : command.getCommandSpec().options()) {
      if (option.usageHelp() || option.versionHelp()) {
        continue;
      }
      String flag = option.longestName() + (option.arity().max() > 0 ? "=" + option.paramLabel() : "")
          + (option.isMultiValue() ? " (repeatable)" : "") + (option.required() ? " (required)" : "");
      table.append("| `").append(flag).append("` | ").append(defaultOf(option)).append(" | ")
          .append(String.join(" ", option.description()).replace("|", "\\|")).append(" |\n");
    }
    return table.toString();
  }

  /**
   * Fails when the README's table between {@code <!-- flags:<section> -->} and
   * {@code <!-- /flags:<section> -->} is not {@link #markdown} of {@code command}.
   */
  public static void assertReadmeMatches(Path readme, String section, CommandLine command) {
    String text = read(readme);
    String begin = "<!-- flags:" + section + " -->\n";
    String end = "<!-- /flags:" + section + " -->";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    String expected = markdown(command);
    if (from < 0 || to < from) {
      throw new AssertionError(readme + " has no " + begin.trim() + " ... " + end + " section; it should hold:\n" + expected);
    }
    String actual = text.substring(from + begin.length(), to);
    if (actual.equals(expected)) {
      return;
    }
    if (Boolean.getBoolean("dpf.readme.update")) {
      write(readme, text.substring(0, from + begin.length()) + expected + text.substring(to));
      return;
    }
    throw new AssertionError("the flag table of " + section + " in " + readme + " differs from the flags the code "
        + "declares (run with -Ddpf.readme.update=true to rewrite it); it should read:\n" + expected);
  }

  private static String defaultOf(OptionSpec option) {
    String value = option.defaultValue();
    if (value == null) {
      return option.arity().max() == 0 ? "off" : "";
    }
    return "`" + value + "`"; // environment defaults show as their value here: name the variable in the description
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
