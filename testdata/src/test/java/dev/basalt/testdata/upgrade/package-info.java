/**
 * The generator of {@code dev.basalt.core.upgrade.data} and the tests that hold the generated
 * constants to their data files and the upgrade transactions to kona's encodings and SPEC-MAP.
 */
package dev.basalt.testdata.upgrade;
