package dev.deadbolt.maven;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.codehaus.plexus.languages.java.jpms.LocationManager;
import org.codehaus.plexus.languages.java.jpms.ResolvePathsRequest;
import org.codehaus.plexus.languages.java.jpms.ResolvePathsResult;
import org.jspecify.annotations.Nullable;

/**
 * Which of a module's dependencies go on javac's module path and which on its class path. Without a
 * {@code module-info.java} all are on the class path; with one, the modules it requires (and theirs)
 * go on the module path and the rest on the class path, decided by plexus-java's {@code
 * LocationManager} as maven-compiler-plugin decides it, so javac resolves the same module graph.
 */
record DependencyLayout(List<String> classPath, List<String> modulePath) {

  static DependencyLayout of(List<String> dependencies, @Nullable Path moduleDescriptor) throws IOException {
    if (moduleDescriptor == null || dependencies.isEmpty()) {
      return new DependencyLayout(List.copyOf(dependencies), List.of());
    }
    ResolvePathsResult<String> result =
        new LocationManager()
            .resolvePaths(
                ResolvePathsRequest.ofStrings(dependencies)
                    .setMainModuleDescriptor(moduleDescriptor.toString()));
    List<String> modulePath = new ArrayList<>();
    List<String> classPath = new ArrayList<>();
    // In the dependencies' order, as the class path had them.
    for (String dependency : dependencies) {
      if (result.getModulepathElements().containsKey(dependency)) {
        modulePath.add(dependency);
      } else {
        classPath.add(dependency);
      }
    }
    return new DependencyLayout(classPath, modulePath);
  }
}
