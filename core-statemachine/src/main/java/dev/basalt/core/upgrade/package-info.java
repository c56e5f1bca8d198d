/**
 * Network-upgrade transactions: the deposits a fork's activation block carries after the
 * L1-attributes deposit and the user deposits (Ecotone 6, Fjord 3, Isthmus 8, Jovian 5, Karst 31
 * from its NUT bundle), their source hashes, and the Karst upgrade gas that the activation block's
 * gas limit carries.
 *
 * <p>Invariants: every transaction is a pure function of constants, built in fork order and, within
 * a fork, in the order op-node emits them; contract bytecode and the Karst bundle come from the
 * generated package {@code dev.basalt.core.upgrade.data}, which a testdata test compares byte for
 * byte with the original files. Intents follow op-node and kona where the spec text differs
 * (Jovian "L1 Block"/"Gas Price Oracle", Karst "Karst &lt;i&gt;: &lt;intent&gt;").
 */
package dev.basalt.core.upgrade;
