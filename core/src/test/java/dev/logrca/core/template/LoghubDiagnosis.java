package dev.logrca.core.template;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prints, per Loghub-2k system, each ground-truth group the miner gets wrong: the truth template,
 * the templates the miner gave its lines (with counts) and the foreign lines those templates also
 * took in, biggest loss first. Run its main with the system names wanted (none: all eight); it is
 * not a test.
 */
final class LoghubDiagnosis {
  private LoghubDiagnosis() {}

  public static void main(String[] args) {
    List<String> systems = args.length == 0 ? LoghubCorpus.SYSTEMS : List.of(args);
    LoghubAccuracyTest.printTable(LoghubAccuracyTest.scoreAll(MinerConfig.defaults()));
    for (String system : systems) {
      diagnose(system, LoghubCorpus.lines(system));
    }
  }

  private static void diagnose(String system, List<LoghubCorpus.Line> lines) {
    TemplateMiner miner = new TemplateMiner(MinerConfig.defaults());
    List<Integer> ids = new ArrayList<>(lines.size());
    for (LoghubCorpus.Line line : lines) {
      ids.add(miner.mine(line.content()).templateId());
    }
    Map<String, List<Integer>> truth = new LinkedHashMap<>();
    Map<Integer, List<Integer>> predicted = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int id = miner.resolve(ids.get(i));
      ids.set(i, id);
      truth.computeIfAbsent(lines.get(i).template(), k -> new ArrayList<>()).add(i);
      predicted.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
    }
    TreeMap<Integer, List<String>> reports = new TreeMap<>((a, b) -> b - a);
    int lost = 0;
    int misparsed = 0;
    for (List<Integer> group : truth.values()) {
      Set<Integer> groupIds = new HashSet<>();
      for (int i : group) {
        groupIds.add(ids.get(i));
      }
      int id = ids.get(group.get(0));
      boolean correct = groupIds.size() == 1 && predicted.get(id).size() == group.size();
      String truthTemplate = lines.get(group.get(0)).template();
      String text = miner.template(id).orElseThrow().text();
      if (correct && text.equals(truthTemplate)) {
        continue;
      }
      StringBuilder out = new StringBuilder();
      if (correct) {
        misparsed += group.size();
        out.append(
            String.format(
                "  PA  %4d  truth: %s%n            mine:  %s%n",
                group.size(), truthTemplate, text));
      } else {
        lost += group.size();
        out.append(String.format("  GA  %4d  truth: %s%n", group.size(), truthTemplate));
        for (int predictedId : groupIds) {
          int inGroup = 0;
          for (int i : group) {
            if (ids.get(i) == predictedId) {
              inGroup++;
            }
          }
          int foreign = predicted.get(predictedId).size() - inGroup;
          out.append(
              String.format(
                  "       %4d  mine:  %s%s%n",
                  inGroup,
                  miner.template(predictedId).orElseThrow().text(),
                  foreign > 0 ? "   (+" + foreign + " foreign)" : ""));
          if (Boolean.getBoolean("examples")) {
            for (int i : group) {
              if (ids.get(i) == predictedId) {
                out.append("              e.g. ").append(lines.get(i).content()).append('\n');
                break;
              }
            }
          }
        }
      }
      reports.computeIfAbsent(group.size(), k -> new ArrayList<>()).add(out.toString());
    }
    ParsingEvaluator byEventId = new ParsingEvaluator();
    for (int i = 0; i < lines.size(); i++) {
      LoghubCorpus.Line line = lines.get(i);
      byEventId.add(String.valueOf(ids.get(i)), "", line.eventId(), line.template());
    }
    System.out.printf(
        "%n== %s: %d lines in wrong groups, %d more misparsed%n", system, lost, misparsed);
    System.out.printf(
        "   (GA %.3f if the truth were grouped by event id instead of template text)%n",
        byEventId.score().groupingAccuracy());
    reports.values().forEach(list -> list.forEach(System.out::print));
  }
}
