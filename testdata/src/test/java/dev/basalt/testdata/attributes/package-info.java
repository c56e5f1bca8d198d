/**
 * Seeded property tests of the payload attributes preparer together with reading blocks back:
 * random fork schedules, L1 origins with deposits and config updates, and the chain built from
 * the prepared attributes, checked against expectations the tests compute from the specs.
 */
package dev.basalt.testdata.attributes;
