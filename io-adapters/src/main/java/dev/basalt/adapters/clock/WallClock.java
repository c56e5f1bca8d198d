package dev.basalt.adapters.clock;

/** Reads the time; injectable so adapter tests can control it. */
@FunctionalInterface
public interface WallClock {
  WallClock SYSTEM = System::currentTimeMillis;

  long nowMillis();
}
