/**
 * Test access to the vectors under {@code src/main/resources/vectors}: raw bytes, text, JSON and
 * hex files, always read from the classpath (never from the shared test-data folder).
 */
package dev.basalt.testdata.vectors;
