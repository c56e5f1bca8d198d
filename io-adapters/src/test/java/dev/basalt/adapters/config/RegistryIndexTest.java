package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The jar cannot list its resources, so registry/index.txt must name exactly the files shipped. */
class RegistryIndexTest {
  @Test
  void indexListsEveryEmbeddedConfigFile() throws IOException {
    Path registry = Path.of("src/main/resources/registry");
    List<String> onDisk;
    try (Stream<Path> files = Files.walk(registry.resolve("configs"))) {
      onDisk = files.filter(p -> p.toString().endsWith(".toml")).map(p -> registry.relativize(p).toString().replace('\\', '/')).sorted().toList();
    }
    List<String> indexed = Files.readAllLines(registry.resolve("index.txt")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
    assertEquals(onDisk, indexed);
    assertEquals(60, indexed.size(), "56 chain files and 4 superchain.toml");
  }
}
