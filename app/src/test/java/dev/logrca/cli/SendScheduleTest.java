package dev.logrca.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench sends each file's lines in order, the files merged by time or by their length. */
class SendScheduleTest {
  @Test
  void eachFileKeepsItsOrderAndTheFilesInterleaveByLength() {
    List<List<String>> lines =
        List.of(
            Collections.nCopies(6, "a"), Collections.nCopies(2, "b"), Collections.nCopies(0, "c"));
    SendSchedule schedule = SendSchedule.interleaved(lines);

    assertThat(schedule.size()).isEqualTo(8);
    List<String> order = new ArrayList<>();
    for (int i = 0; i < schedule.size(); i++) {
      order.add(schedule.partition(i) + ":" + schedule.offset(i));
    }
    assertThat(order).containsExactly("0:0", "0:1", "1:0", "0:2", "0:3", "0:4", "1:1", "0:5");
    assertThat(schedule.linesPerPartition(3, 3)).containsExactly(2, 1, 0);
  }

  @Test
  void byTimeMergesTheFilesByTheirLinesTimesAndKeepsEachFilesOrder() {
    // file 1 stops early (a service that failed), file 0 keeps going; file 0's third line is out
    // of order in its own file and still goes after its second
    List<long[]> times = List.of(new long[] {10, 30, 20, 50}, new long[] {10, 15}, new long[0]);
    SendSchedule schedule = SendSchedule.byTime(times);

    List<String> order = new ArrayList<>();
    for (int i = 0; i < schedule.size(); i++) {
      order.add(schedule.partition(i) + ":" + schedule.offset(i));
    }
    assertThat(order).containsExactly("0:0", "1:0", "1:1", "0:1", "0:2", "0:3");
    assertThat(schedule.linesPerPartition(3, 3)).containsExactly(1, 2, 0);
  }
}
