package dev.basalt.testdata.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The calling thread's CPU time, or 0 throughout when the JVM cannot measure it. */
final class ThreadCpu {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean SUPPORTED = THREADS.isCurrentThreadCpuTimeSupported() && enable();

  private ThreadCpu() {}

  private static boolean enable() {
    try {
      if (!THREADS.isThreadCpuTimeEnabled()) {
        THREADS.setThreadCpuTimeEnabled(true);
      }
      return THREADS.isThreadCpuTimeEnabled();
    } catch (UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }

  static long nanos() {
    return SUPPORTED ? THREADS.getCurrentThreadCpuTime() : 0;
  }
}
