package dev.basalt.journal;

/**
 * A torn or corrupt tail found when the journal was opened and cut off so appending could resume.
 *
 * @param stream {@code "inputs"} or {@code "outputs"}
 * @param index storage index of the first bad record
 * @param recordsDiscarded how many records from there on were discarded
 * @param reason what was wrong with the first bad record
 */
public record TailRepair(String stream, long index, long recordsDiscarded, String reason) {}
