package dev.basalt.cli.flags;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The environment variables an option falls back to when it is not on the command line, first set
 * one wins (kona's {@code KONA_NODE_*} name first, then op-node's {@code OP_NODE_*} where both
 * exist). Read by {@link EnvDefaults}, shown in {@code --help} and in the flag reference.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Env {
  String[] value();
}
