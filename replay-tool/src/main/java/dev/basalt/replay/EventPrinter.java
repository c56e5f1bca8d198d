package dev.basalt.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.basalt.core.command.Command;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.OutputRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;

/**
 * Prints journaled inputs as JSON lines, one per input:
 * {@code {"seq":..,"ingestMillis":..,"type":"L1HeadObserved","event":{...}}}, optionally followed
 * by {@code "outputs":{"commands":[...],"stateHash":..}} ({@code "outputs":null} for an input
 * whose outputs were never recorded).
 */
public final class EventPrinter {
  private final Journal journal;
  private final ObjectMapper mapper = EventJson.mapper();
  /** Commands are written through their interface so each gets its "type" property. */
  private final ObjectWriter commandWriter = mapper.writerFor(Command.class);

  public EventPrinter(Journal journal) {
    this.journal = Objects.requireNonNull(journal, "journal");
  }

  /**
   * Writes the matching inputs to {@code out} (which it flushes but does not close).
   *
   * @return how many lines were written
   */
  public long print(EventFilter filter, boolean withOutputs, Writer out) {
    long from = Math.max(filter.fromSeq(), journal.firstInputSeq());
    long printed = 0;
    try (JournalCursor<InputRecord> inputs = journal.readInputs(from);
        JournalCursor<OutputRecord> outputs = withOutputs ? journal.readOutputs(from) : null;
        JsonGenerator gen = mapper.createGenerator(out)) {
      // Lines are separated by our own newline, not Jackson's root separator (a space).
      gen.setRootValueSeparator(null);
      OutputRecord output = outputs == null ? null : outputs.next();
      for (InputRecord in = inputs.next(); in != null && in.seq() <= filter.toSeq(); in = inputs.next()) {
        if (outputs != null) {
          while (output != null && output.inputSeq() < in.seq()) {
            output = outputs.next();
          }
        }
        if (!filter.matches(in.event())) {
          continue;
        }
        writeLine(gen, in, outputs != null, output != null && output.inputSeq() == in.seq() ? output : null);
        printed++;
      }
      gen.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return printed;
  }

  private void writeLine(JsonGenerator gen, InputRecord in, boolean withOutputs, OutputRecord output)
      throws IOException {
    gen.writeStartObject();
    gen.writeNumberField("seq", in.seq());
    gen.writeNumberField("ingestMillis", in.ingestMillis());
    gen.writeStringField("type", in.event().getClass().getSimpleName());
    gen.writeFieldName("event");
    mapper.writeValue(gen, in.event());
    if (withOutputs) {
      gen.writeFieldName("outputs");
      if (output == null) {
        gen.writeNull();
      } else {
        gen.writeStartObject();
        gen.writeFieldName("commands");
        gen.writeStartArray();
        for (Command c : output.commands()) {
          commandWriter.writeValue(gen, c);
        }
        gen.writeEndArray();
        gen.writeFieldName("stateHash");
        mapper.writeValue(gen, output.stateHash());
        gen.writeEndObject();
      }
    }
    gen.writeEndObject();
    gen.writeRaw('\n');
  }
}
