package dev.deadbolt.maven;

import static com.google.common.truth.Truth.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.JUnit4;

@RunWith(JUnit4.class)
public class SourceFilesTest {
  @Rule public final TemporaryFolder temp = new TemporaryFolder();

  private Path write(String path) throws Exception {
    Path file = temp.getRoot().toPath().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class X {}");
    return file;
  }

  @Test
  public void addedRootsCountTheCompilersOwnGeneratedSourcesAndExcludesDoNot() throws Exception {
    Path main = write("src/main/java/com/acme/A.java");
    Path descriptor = write("src/main/java/module-info.java");
    Path generated = write("target/generated-sources/version/com/acme/Version.java");
    write("target/generated-sources/annotations/com/acme/A_Mapper.java");
    write("src/main/java/com/acme/legacy/Old.java");
    String root = temp.getRoot().toString();

    SourceFiles sources =
        SourceFiles.of(
            List.of(root + "/src/main/java", root + "/target/generated-sources/version",
                root + "/target/generated-sources/annotations", root + "/missing"),
            root + "/target/generated-sources/annotations",
            List.of("**/legacy/**"));

    assertThat(sources.files()).containsExactly(main, descriptor, generated);
    assertThat(sources.moduleDescriptor()).isEqualTo(descriptor);
  }

  @Test
  public void withoutModuleInfoThereIsNoDescriptor() throws Exception {
    write("src/main/java/com/acme/module-info.java.txt");
    Path a = write("src/main/java/A.java");
    SourceFiles sources = SourceFiles.of(List.of(temp.getRoot() + "/src/main/java"), null, List.of("**/B.java"));
    assertThat(sources.files()).containsExactly(a);
    assertThat(sources.moduleDescriptor()).isNull();
  }
}
