package dev.basalt.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's determinism rules, checked on its bytecode. Each rule names what it bans and why; the
 * forbiddenapis plugin checks the same API list method by method.
 */
class DeterminismRulesTest {
  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.basalt.core");
  }

  @Test
  void dependsOnlyOnJavaBaseAndNamedPureLibraries() {
    ArchRule rule =
        ArchRuleDefinition.classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                "dev.basalt.core..",
                "java.lang..",
                "java.util..",
                "java.math..",
                "java.nio",
                "java.nio.charset..",
                "java.security..",
                "java.io..",
                // Pure, deterministic libraries the protocol needs (hashing, signatures, brotli, snappy).
                "org.bouncycastle..",
                "org.brotli.dec..",
                "io.airlift.compress..")
            .because("the core may depend only on java.base and named pure libraries");
    rule.check(core);
  }

  @Test
  void noClock() {
    noClasses()
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage("java.time..")
        .because("time is an event: ClockTicked and WakeupFired carry it")
        .check(core);
  }

  @Test
  void noThreadsOrConcurrency() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.util.concurrent..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(Thread.class, ThreadLocal.class, Runnable.class, ThreadGroup.class)
        .because("the core runs on exactly one thread and never starts another")
        .check(core);
  }

  @Test
  void noRandomness() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class, java.util.SplittableRandom.class)
        .orShould()
        .callMethod(Math.class, "random")
        .orShould()
        .callMethod(java.util.UUID.class, "randomUUID")
        .because("the core has no use for randomness; simulations seed their own PRNG outside it")
        .check(core);
  }

  @Test
  void noHashOrderedCollections() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            java.util.HashMap.class,
            java.util.HashSet.class,
            java.util.Hashtable.class,
            java.util.IdentityHashMap.class,
            java.util.WeakHashMap.class)
        .orShould()
        .callMethod(java.util.Set.class, "of", Object[].class)
        .orShould()
        .callMethod(java.util.Set.class, "of", Object.class, Object.class)
        .orShould()
        .callMethod(java.util.Map.class, "of", Object.class, Object.class)
        .orShould()
        .callMethod(java.util.Map.class, "of", Object.class, Object.class, Object.class, Object.class)
        .orShould()
        .callMethod(System.class, "identityHashCode", Object.class)
        .because("their iteration order can change between JVM runs and versions; use LinkedHashMap, TreeMap, EnumMap or lists")
        .check(core);
  }

  @Test
  void noEnvironmentReads() {
    noClasses()
        .should()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(System.class, "getProperty", String.class)
        .orShould()
        .callMethod(System.class, "getProperty", String.class, String.class)
        .orShould()
        .callMethod(System.class, "getProperties")
        .because("configuration arrives inside the NodeStarted event, so a journal alone replays a run")
        .check(core);
  }

  @Test
  void noIo() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..", "java.sql..")
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(
            java.io.File.class,
            java.io.FileInputStream.class,
            java.io.FileOutputStream.class,
            java.io.RandomAccessFile.class,
            java.io.FileReader.class,
            java.io.FileWriter.class,
            java.io.PrintStream.class,
            java.io.Console.class)
        .because("the core does no I/O: adapters turn I/O into events and execute the core's commands")
        .check(core);
  }

  @Test
  void noReflection() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("java.lang.reflect..")
        .orShould()
        .callMethod(Class.class, "forName", String.class)
        .orShould()
        .callMethod(Class.class, "getDeclaredFields")
        .orShould()
        .callMethod(Class.class, "getDeclaredMethods")
        .orShould()
        .callMethod(Class.class, "getRecordComponents")
        .orShould()
        .callMethod(Class.class, "getMethods")
        .because("codecs and state encodings are hand-written with an explicit field order")
        .check(core);
  }
}
