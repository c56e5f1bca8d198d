/**
 * Generated constants: contract deployment bytecode of the upgrade transactions and the Karst NUT
 * bundle, as hex text blocks split into chunks under 60,000 characters (a class-file string
 * constant holds at most 65,535 bytes).
 *
 * <p>Invariants: every class but this file is written by {@code
 * dev.basalt.testdata.upgrade.UpgradeDataGenerator} from the files under {@code
 * testdata/src/main/resources/vectors/upgrades} and never edited by hand; {@code
 * GeneratedUpgradeDataTest} fails when the constants and those files disagree.
 */
package dev.basalt.core.upgrade.data;
