package dev.basalt.core.derive.pipeline;

import java.util.ArrayList;
import java.util.List;

/** Collects drop notices so tests can assert why data was ignored. */
public final class RecordingDrops implements DropListener {
  public record Drop(DropReason reason, String detail) {}

  public final List<Drop> drops = new ArrayList<>();

  @Override
  public void dropped(DropReason reason, String detail) {
    drops.add(new Drop(reason, detail));
  }

  public long count(DropReason reason) {
    return drops.stream().filter(d -> d.reason() == reason).count();
  }

  public boolean any(DropReason reason, String detailPart) {
    return drops.stream().anyMatch(d -> d.reason() == reason && d.detail().contains(detailPart));
  }
}
