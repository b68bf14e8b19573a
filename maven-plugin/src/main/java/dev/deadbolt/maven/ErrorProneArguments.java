package dev.deadbolt.maven;

import com.google.errorprone.ErrorProneOptions;
import com.google.errorprone.InvalidCommandLineOptionException;
import com.google.errorprone.scanner.BuiltInCheckerSuppliers;
import dev.deadbolt.config.ConfigProblem;
import dev.deadbolt.config.DeadboltConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;

/**
 * {@code deadbolt.errorProneArgs}, checked before anything compiles, so that a bad value is reported
 * as one error naming the argument instead of as a compile failure of the module's code: each must be
 * an Error Prone argument Error Prone accepts, a check it names must exist, and a Deadbolt flag's
 * value must be one Deadbolt accepts.
 */
final class ErrorProneArguments {
  static final String PROPERTY = "deadbolt.errorProneArgs";

  private ErrorProneArguments() {}

  /** The arguments, split at whitespace, after checking them. */
  static List<String> parse(String value, CheckCatalog deadbolt) throws MojoFailureException {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<String> args = List.of(value.trim().split("\\s+"));
    for (String arg : args) {
      if (!arg.startsWith("-Xep")) {
        throw bad(arg, "not an Error Prone argument (they start with -Xep: -Xep:<Check>[:OFF|WARN|ERROR], -XepOpt:<flag>=<value>, -XepDisableAllChecks...)");
      }
    }
    ErrorProneOptions options;
    try {
      options = ErrorProneOptions.processArgs(args);
    } catch (InvalidCommandLineOptionException e) {
      throw bad(String.join(" ", args), e.getMessage());
    }
    if (!options.getRemainingArgs().isEmpty()) {
      throw bad(options.getRemainingArgs().get(0), "Error Prone does not know this argument");
    }
    List<String> unknown = new ArrayList<>();
    for (String check : options.getSeverityMap().keySet()) {
      if (deadbolt.get(check) == null) {
        unknown.add(check);
      }
    }
    if (!unknown.isEmpty() && !options.ignoreUnknownChecks()) {
      Set<String> errorProne = BuiltInCheckerSuppliers.allChecks().getAllChecks().keySet();
      for (String check : unknown) {
        if (!errorProne.contains(check)) {
          throw bad("-Xep:" + check, "no Deadbolt or Error Prone check is named " + check);
        }
      }
    }
    List<ConfigProblem> problems = DeadboltConfig.fromFlags(options.getFlags()).problems();
    if (!problems.isEmpty()) {
      throw new MojoFailureException(
          "Deadbolt: bad " + PROPERTY + ": " + problems.get(0).render());
    }
    return args;
  }

  private static MojoFailureException bad(String arg, String why) {
    return new MojoFailureException("Deadbolt: bad " + PROPERTY + " argument " + arg + ": " + why);
  }
}
