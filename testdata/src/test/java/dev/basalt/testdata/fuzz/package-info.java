/**
 * Coverage-guided fuzz targets (Jazzer) for every decoder that reads untrusted bytes. Without the
 * {@code JAZZER_FUZZ} environment variable each target replays its checked-in corpus under
 * {@code src/test/resources/dev/basalt/testdata/fuzz/<Target>Inputs/} as a regression test; with
 * {@code JAZZER_FUZZ=1} it fuzzes for its configured duration and adds findings there.
 *
 * <p>Invariant checked by every target: malformed input produces the decoder's documented failure
 * ({@code DecodeException} or a result value) and nothing else — no other exception, no hang, no
 * unbounded allocation (the test JVM runs with a 2 GiB heap, so a runaway allocation fails it).
 */
package dev.basalt.testdata.fuzz;
