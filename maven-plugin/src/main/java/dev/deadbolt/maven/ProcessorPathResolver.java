package dev.deadbolt.maven;

import dev.deadbolt.maven.EffectiveCompilerConfiguration.ProcessorCoordinate;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Dependency;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The files of the module's {@code <annotationProcessorPaths>}, with their dependencies, resolved from
 * the project's repositories as the compiler plugin resolves them; a path without a version takes it
 * from the project's dependencyManagement, as the compiler plugin (3.12+) does.
 */
final class ProcessorPathResolver {
  private final RepositorySystem repositories;
  private final RepositorySystemSession session;
  private final MavenProject project;

  ProcessorPathResolver(RepositorySystem repositories, RepositorySystemSession session, MavenProject project) {
    this.repositories = repositories;
    this.session = session;
    this.project = project;
  }

  List<String> resolve(List<ProcessorCoordinate> coordinates) throws MojoExecutionException {
    if (coordinates.isEmpty()) {
      return List.of();
    }
    CollectRequest collect = new CollectRequest();
    collect.setRepositories(project.getRemoteProjectRepositories());
    for (ProcessorCoordinate c : coordinates) {
      String version = c.version() != null ? c.version() : managedVersion(c);
      List<Exclusion> exclusions = new ArrayList<>();
      for (String exclusion : c.exclusions()) {
        String[] parts = exclusion.split(":", 2);
        exclusions.add(new Exclusion(parts[0], parts[1], "*", "*"));
      }
      collect.addDependency(
          new org.eclipse.aether.graph.Dependency(
              new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier(), c.type(), version),
              "runtime",
              false,
              exclusions));
    }
    try {
      List<String> files = new ArrayList<>();
      for (ArtifactResult result :
          repositories.resolveDependencies(session, new DependencyRequest(collect, null)).getArtifactResults()) {
        files.add(result.getArtifact().getFile().getPath());
      }
      return files;
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException(
          "Deadbolt: cannot resolve the compiler plugin's annotationProcessorPaths of "
              + project.getArtifactId() + ": " + e.getMessage(), e);
    }
  }

  private String managedVersion(ProcessorCoordinate c) throws MojoExecutionException {
    if (project.getDependencyManagement() != null) {
      for (Dependency managed : project.getDependencyManagement().getDependencies()) {
        if (managed.getGroupId().equals(c.groupId()) && managed.getArtifactId().equals(c.artifactId())) {
          return managed.getVersion();
        }
      }
    }
    throw new MojoExecutionException(
        "Deadbolt: the annotationProcessorPaths entry " + c.groupId() + ":" + c.artifactId()
            + " has no version, and the project's dependencyManagement gives none");
  }
}
