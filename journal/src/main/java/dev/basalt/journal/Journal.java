package dev.basalt.journal;

import dev.basalt.core.event.InputEvent;
import java.util.List;

/**
 * An append-only record of a node's inputs and outputs.
 *
 * <p>Threading: {@link #appendInput} is called from one thread (the ring's journal handler),
 * {@link #appendOutput} from one other thread (the command dispatcher); readers may run on any
 * thread with their own cursor.
 */
public interface Journal extends AutoCloseable {
  JournalHeader header();

  /** Sequence number of the first input still retained (0 unless retention deleted older ones). */
  long firstInputSeq();

  /** Sequence number the next appended input receives. */
  long nextInputSeq();

  /** Appends an input and returns its sequence number. Must not wait for an fsync. */
  long appendInput(InputEvent event, long ingestMillis);

  /** Appends the outputs for an input that was applied. */
  void appendOutput(OutputRecord record);

  /** Inputs from {@code fromSeq} (inclusive) on. */
  JournalCursor<InputRecord> readInputs(long fromSeq);

  /** Output records for inputs from {@code fromInputSeq} (inclusive) on. */
  JournalCursor<OutputRecord> readOutputs(long fromInputSeq);

  /** Tails cut off when this journal was opened (empty when it was clean). */
  List<TailRepair> repairsOnOpen();

  /**
   * Forces appended records to stable storage. Called at batch ends in strict-durability mode
   * only; a kill -9 loses nothing complete even without it.
   */
  void sync();

  /** Bytes used on disk by all retained files. */
  long sizeBytes();

  @Override
  void close();
}
