package org.ferry.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point one way: the core (model, seams, decision, prediction, workflows, stores,
 * time) knows no driver, simulator or application; the model knows nothing but itself; the
 * inventory knows only the model (and Jackson, to read the file); the
 * simulated layer knows no application; the optical layer knows neither the simulated layer nor
 * the application, and its path computation knows neither the client nor the emulator.
 */
class ArchitectureTest {

  private static final String[] CORE = {
    "org.ferry.model..", "org.ferry.seam..", "org.ferry.decision..", "org.ferry.prediction..",
    "org.ferry.workflow..", "org.ferry.run..", "org.ferry.store..", "org.ferry.time.."
  };

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.ferry");
  }

  @Test
  void theCoreDependsOnNoDriverSimulatorOrApplication() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat()
        .resideOutsideOfPackages(concat(CORE, "java..", "org.slf4j.."))
        .because("drivers, simulators and apps plug into the core, never the reverse")
        .check(classes);
  }

  @Test
  void theModelDependsOnNothingButItself() {
    noClasses().that().resideInAPackage("org.ferry.model..")
        .should().dependOnClassesThat()
        .resideOutsideOfPackages("org.ferry.model..", "java..")
        .check(classes);
  }

  @Test
  void theInventoryKnowsOnlyTheModelAndJackson() {
    noClasses().that().resideInAPackage("org.ferry.inventory..")
        .should().dependOnClassesThat()
        .resideOutsideOfPackages("org.ferry.inventory..", "org.ferry.model..", "java..",
            "com.fasterxml.jackson..")
        .because("the inventory file is read into the core's model; the twin, the drivers and"
            + " the app read the inventory, never the reverse")
        .check(classes);
  }

  @Test
  void theSimulatedLayerKnowsNoApplication() {
    noClasses().that().resideInAPackage("org.ferry.simulation..")
        .should().dependOnClassesThat().resideInAPackage("org.ferry.app..")
        .check(classes);
  }

  @Test
  void theOpticalLayerKnowsNoSimulatorOrApplication() {
    noClasses().that().resideInAPackage("org.ferry.optical..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.ferry.simulation..", "org.ferry.app..")
        .check(classes);
    noClasses().that().resideInAPackage("org.ferry.simulation..")
        .should().dependOnClassesThat().resideInAPackage("org.ferry.optical..")
        .check(classes);
  }

  @Test
  void theTestbedAndTheDriversKnowNoApplication() {
    noClasses().that().resideInAnyPackage("org.ferry.testbed..", "org.ferry.compute..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ferry.app..", "org.ferry.simulation..")
        .because("the testbed and the real drivers plug into the core; the app wires them")
        .check(classes);
  }

  @Test
  void pathComputationKnowsNeitherTheClientNorTheEmulator() {
    noClasses().that().resideInAPackage("org.ferry.optical.pce..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("org.ferry.optical.transportpce..", "org.ferry.optical.emulator..")
        .check(classes);
    noClasses().that().resideInAPackage("org.ferry.optical.transportpce..")
        .should().dependOnClassesThat().resideInAPackage("org.ferry.optical.emulator..")
        .because("the client must work against a real TransportPCE, not only the emulator")
        .check(classes);
  }

  @Test
  void theTestbedNetworkKnowsNoComputeDriver() {
    noClasses().that().resideInAPackage("org.ferry.testbed..")
        .should().dependOnClassesThat().resideInAPackage("org.ferry.compute..")
        .check(classes);
  }

  @Test
  void theServerKnowsTheCoreOnly() {
    noClasses().that().resideInAPackage("org.ferry.server..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ferry.app..",
            "org.ferry.simulation..", "org.ferry.optical..", "org.ferry.compute..",
            "org.ferry.testbed..")
        .because("the server serves whatever run service the application wires under it")
        .check(classes);
  }

  @Test
  void theCoreKnowsNoJdbcStore() {
    noClasses().that().resideInAnyPackage(CORE)
        .should().dependOnClassesThat().resideInAnyPackage("org.ferry.persistence..",
            "java.sql..", "javax.sql..")
        .because("a store plugs into the core through RunStore; the app chooses which")
        .check(classes);
    noClasses().that().resideInAPackage("org.ferry.persistence..")
        .should().dependOnClassesThat().resideInAnyPackage("org.ferry.app..",
            "org.ferry.server..", "org.ferry.simulation..")
        .because("the store knows the core's records only")
        .check(classes);
  }

  @Test
  void theCoreReadsTimeOnlyThroughTheInjectedClock() {
    noClasses().that().resideInAnyPackage(CORE).and().resideOutsideOfPackage("org.ferry.time..")
        .should().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(java.time.Instant.class, "now")
        .orShould().callMethod(Thread.class, "sleep", long.class)
        .because("simulated runs go in virtual time, and tests must be deterministic")
        .check(classes);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = new String[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
