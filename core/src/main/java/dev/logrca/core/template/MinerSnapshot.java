package dev.logrca.core.template;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of a miner's state: configuration, templates in least-recently-used order, each
 * tree leaf's path and template order, and retired ids. Everything that decides the next result is
 * written, so a restored miner answers exactly as the original would have.
 */
final class MinerSnapshot {
  private static final int MAGIC = 0x4c524354; // "LRCT"
  private static final int VERSION = 1;

  private MinerSnapshot() {}

  static byte[] write(TemplateMiner miner) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeInt(VERSION);
      writeConfig(miner.config, out);
      out.writeInt(miner.nextId);
      out.writeInt(miner.clusters.size());
      for (Cluster cluster : miner.clusters.values()) {
        out.writeInt(cluster.id);
        out.writeByte(cluster.shape.ordinal());
        out.writeLong(cluster.size);
        out.writeInt(cluster.tokens.length);
        for (String token : cluster.tokens) {
          writeString(token, out);
        }
      }
      List<PrefixTree.Node> leaves = miner.tree.leaves();
      out.writeInt(leaves.size());
      for (PrefixTree.Node leaf : leaves) {
        List<String> path = leaf.path();
        out.writeInt(path.size());
        for (String key : path) {
          writeString(key, out);
        }
        out.writeInt(leaf.clusters.size());
        for (Cluster cluster : leaf.clusters) {
          out.writeInt(cluster.id);
        }
      }
      out.writeInt(miner.retired.size());
      for (Map.Entry<Integer, Integer> entry : miner.retired.entrySet()) {
        out.writeInt(entry.getKey());
        out.writeInt(entry.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  static TemplateMiner read(byte[] snapshot) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a template miner snapshot");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IllegalArgumentException("unsupported snapshot version " + version);
      }
      TemplateMiner miner = new TemplateMiner(readConfig(in));
      miner.nextId = in.readInt();
      Map<Integer, Cluster> byId = new HashMap<>();
      int clusterCount = in.readInt();
      for (int c = 0; c < clusterCount; c++) {
        int id = in.readInt();
        LogShape shape = LogShape.values()[in.readByte()];
        long size = in.readLong();
        String[] tokens = new String[in.readInt()];
        for (int t = 0; t < tokens.length; t++) {
          tokens[t] = readString(in);
        }
        Cluster cluster = new Cluster(id, shape, tokens, size);
        byId.put(id, cluster);
        miner.clusters.put(id, cluster);
      }
      int leafCount = in.readInt();
      for (int l = 0; l < leafCount; l++) {
        List<String> path = new ArrayList<>();
        int depth = in.readInt();
        for (int d = 0; d < depth; d++) {
          path.add(readString(in));
        }
        int members = in.readInt();
        for (int m = 0; m < members; m++) {
          miner.tree.addAt(byId.get(in.readInt()), path);
        }
      }
      int retiredCount = in.readInt();
      for (int r = 0; r < retiredCount; r++) {
        miner.retired.put(in.readInt(), in.readInt());
      }
      return miner;
    } catch (IOException e) {
      throw new IllegalArgumentException("truncated or corrupt template miner snapshot", e);
    }
  }

  private static void writeConfig(MinerConfig config, DataOutputStream out) throws IOException {
    out.writeDouble(config.similarityThreshold());
    out.writeInt(config.treeDepth());
    out.writeInt(config.maxChildren());
    out.writeInt(config.maxTemplates());
    out.writeInt(config.maxSpanTokens());
    out.writeBoolean(config.maskVariables());
    out.writeInt(config.variableAfterDistinctValues());
  }

  private static MinerConfig readConfig(DataInputStream in) throws IOException {
    return new MinerConfig(
        in.readDouble(),
        in.readInt(),
        in.readInt(),
        in.readInt(),
        in.readInt(),
        in.readBoolean(),
        in.readInt());
  }

  /** Length-prefixed UTF-8, since {@code writeUTF} stops at 64 KB. */
  private static void writeString(String text, DataOutputStream out) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  private static String readString(DataInputStream in) throws IOException {
    byte[] utf8 = new byte[in.readInt()];
    in.readFully(utf8);
    return new String(utf8, StandardCharsets.UTF_8);
  }
}
