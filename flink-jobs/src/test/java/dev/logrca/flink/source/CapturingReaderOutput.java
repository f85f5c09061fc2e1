package dev.logrca.flink.source;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;

/** Collects what a source reader emits, for tests. */
public final class CapturingReaderOutput<T> implements ReaderOutput<T> {
  public final List<T> records = new ArrayList<>();
  public final List<Long> timestamps = new ArrayList<>();
  public final List<Long> watermarks = new ArrayList<>();

  @Override
  public void collect(T record) {
    records.add(record);
    timestamps.add(Long.MIN_VALUE);
  }

  @Override
  public void collect(T record, long timestamp) {
    records.add(record);
    timestamps.add(timestamp);
  }

  @Override
  public void emitWatermark(Watermark watermark) {
    watermarks.add(watermark.getTimestamp());
  }

  @Override
  public void markIdle() {}

  @Override
  public void markActive() {}

  @Override
  public SourceOutput<T> createOutputForSplit(String splitId) {
    return this;
  }

  @Override
  public void releaseOutputForSplit(String splitId) {}
}
